import { defineParameterType } from '@cucumber/cucumber';
import type { MonitorState } from '../upstreams/uptime-kuma/model';

/** A status the dashboard shows, as people say it. */
defineParameterType({
  name: 'health',
  regexp: /up|down|degraded|under maintenance|unknown/,
  transformer: (words: string) => (words === 'under maintenance' ? 'maintenance' : words),
});

/** What an Uptime Kuma check can find: its four heartbeat states. */
defineParameterType({
  name: 'kumaState',
  regexp: /up|down|pending|under maintenance/,
  transformer: (words: string): MonitorState => (words === 'under maintenance' ? 'maintenance' : (words as MonitorState)),
});

/** Whether the dashboard's statuses are fresh or stale. */
defineParameterType({ name: 'freshness', regexp: /fresh|stale/, transformer: (words: string) => words === 'stale' });
