import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ScenarioClock } from '../../clock';
import { FakeUpstream } from '../fake-upstream';
import { HEARTBEATS_PER_MONITOR, kumaTime, UptimeKumaModel, type Incident, type Monitor } from './model';

type Slug = { slug: string };

export interface StatusPageReply {
  config: Record<string, string | boolean | null> & { slug: string; title: string; published: boolean };
  incident: ReturnType<typeof incidentJson> | null;
  publicGroupList: Array<{ id: number; name: string; weight: number; monitorList: Array<ReturnType<typeof monitorJson>> }>;
  maintenanceList: unknown[];
}

export interface HeartbeatReply {
  heartbeatList: Record<string, Array<{ status: number; time: string; msg: string; ping: number | null }>>;
  uptimeList: Record<string, number>;
}

type Fail = { status: 'fail'; msg: string };

/**
 * Uptime Kuma 1.23's public status-page API: no auth, one page at `slug`. Unlike the real server
 * it does not cache its replies (5 min for the page, 1 min for heartbeats), so a change a step makes
 * shows at the gateway's next poll.
 */
export class UptimeKumaFake extends FakeUpstream {
  readonly model: UptimeKumaModel;

  constructor(origin: string, clock: ScenarioClock, slug = 'default') {
    super('uptime-kuma', origin, clock);
    this.model = new UptimeKumaModel(() => clock.now(), slug);
  }

  protected handlers(origin: string): HttpHandler[] {
    const api = `${origin}/api/status-page`;
    return [
      http.get<Slug, never, HeartbeatReply>(`${api}/heartbeat/:slug`, ({ params }) =>
        // An unknown slug is not an error here: the page simply has no monitors.
        HttpResponse.json(params.slug === this.model.page.slug ? heartbeats(this.model.list()) : { heartbeatList: {}, uptimeList: {} }),
      ),
      http.get<Slug, never, StatusPageReply | Fail>(`${api}/:slug`, ({ params }) => {
        if (params.slug !== this.model.page.slug) {
          return HttpResponse.json({ status: 'fail', msg: 'Status Page Not Found' }, { status: 404 });
        }
        return HttpResponse.json(statusPage(this.model));
      }),
    ];
  }
}

function statusPage(model: UptimeKumaModel): StatusPageReply {
  return {
    config: {
      slug: model.page.slug,
      title: model.page.title,
      description: model.page.description,
      icon: '/icon.svg',
      theme: 'light',
      published: true,
      showTags: false,
      customCSS: 'body {\n  \n}\n',
      footerText: null,
      showPoweredBy: true,
      googleAnalyticsId: null,
      showCertificateExpiry: false,
    },
    incident: model.incident && incidentJson(model.incident),
    publicGroupList: [{ id: 1, name: 'Services', weight: 1, monitorList: model.list().map(monitorJson) }],
    maintenanceList: [],
  };
}

function heartbeats(monitors: readonly Monitor[]): HeartbeatReply {
  const reply: HeartbeatReply = { heartbeatList: {}, uptimeList: {} };
  for (const monitor of monitors) {
    reply.heartbeatList[String(monitor.id)] = monitor.heartbeats
      .slice(-HEARTBEATS_PER_MONITOR)
      .map((beat) => ({ status: beat.status, time: kumaTime(beat.at), msg: '', ping: beat.ping }));
    reply.uptimeList[`${monitor.id}_24`] = monitor.uptime24h;
  }
  return reply;
}

function monitorJson(monitor: Monitor) {
  return { id: monitor.id, name: monitor.name, sendUrl: 0, type: monitor.type };
}

function incidentJson(incident: Incident) {
  return {
    id: incident.id,
    style: incident.style,
    title: incident.title,
    content: incident.content,
    pin: true,
    createdDate: kumaTime(incident.createdAt),
    lastUpdatedDate: null,
  };
}
