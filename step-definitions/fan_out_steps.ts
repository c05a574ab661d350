import { Given, Then, When } from '@cucumber/cucumber';
import type { LiveConnection } from '../support/drivers/ws';
import { FanOut, type FanOutTiming } from '../support/tasks/fan-out';
import { ServiceHealth } from '../support/tasks/service-health';
import type { MediaNestWorld } from '../support/world';

const POLL_INTERVAL_MS = 30_000;

// Signing many people in and opening their sockets is set-up, not what is measured: a busy machine may take longer than a step's usual 20 s.
Given('{int} people are each watching service health on {int} connections', { timeout: 60_000 }, async function (this: MediaNestWorld, people: number, each: number) {
  this.remember('the audience', await FanOut.audience(this, people, each));
});

When('Uptime Kuma\'s next check finds {service} down', async function (this: MediaNestWorld, service: string) {
  ServiceHealth.kumaSees(this, service, 'down');
  this.remember('when the poll came round', performance.now());
  await this.clock.advance(POLL_INTERVAL_MS);
});

Then('all {int} connections are told {service} is down within {int} second(s)', async function (this: MediaNestWorld, count: number, service: string, seconds: number) {
  const audience = this.recall<LiveConnection[]>('the audience');
  const timing: FanOutTiming = await FanOut.told(audience, this.recall<number>('when the poll came round'), service, 'down', seconds * 1000);
  if (audience.length !== count) throw new Error(`the audience has ${audience.length} connections, not ${count}`);
  this.attach(
    `Fan-out of one service.status to ${timing.connections} connections over real sockets:\n` +
      `  poll due -> last connection told: ${timing.totalMs.toFixed(1)} ms\n` +
      `  first connection told -> last:    ${timing.spreadMs.toFixed(1)} ms`,
    { mediaType: 'text/plain', fileName: 'Fan-out timing' },
  );
});
