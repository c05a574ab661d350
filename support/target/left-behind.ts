import { API_BASE_PATH } from '../api/medianest-api';
import type { FakeUpstream } from '../upstreams/fake-upstream';
import { YtDlpJournal } from '../upstreams/yt-dlp/journal';
import type { ClusterServers } from './cluster-servers';
import type { GatewayInstance } from './target';

/** What the cluster knows at the end of a scenario, to tell whether the scenario left anything behind. */
export interface ScenarioEnd {
  instances: GatewayInstance[];
  servers: ClusterServers;
  fakes: FakeUpstream[];
  /** Where the fake yt-dlp the instances run keeps its journal. */
  ytDlpJournal?: string;
}

/**
 * What a scenario left in long-lived instances, each in a few words; none when the next scenario
 * may use them as they are. Breakers and Uptime Kuma's poll are per instance by design, so they
 * outlive a scenario in the process, as does work still in flight.
 */
export async function leftBehind(end: ScenarioEnd): Promise<string[]> {
  return [
    ...(await end.servers.workInFlight().catch((error: Error) => [`(the database could not be asked: ${error.message})`])),
    ...(await breakersTouched(end.instances)),
    ...pollsGoingOn(end.fakes),
    ...ytDlpStillRunning(end.ytDlpJournal),
  ];
}

/** A failure a breaker counted, or a breaker not closed, as each instance's readiness check reports them. */
async function breakersTouched(instances: GatewayInstance[]): Promise<string[]> {
  const answers = await Promise.all(
    instances.map(async (instance) => {
      const response = await fetch(`${instance.url}${API_BASE_PATH}/health/ready`).catch(() => undefined);
      const body = (await response?.json().catch(() => undefined)) as { data?: { breakers?: Array<{ upstream: string; state: string; failures: number }> } } | undefined;
      if (!body?.data?.breakers) return [`instance ${instance.name} did not answer its readiness check`];
      return body.data.breakers
        .filter((breaker) => breaker.state !== 'closed' || breaker.failures > 0)
        .map((breaker) => `instance ${instance.name}'s ${breaker.upstream} breaker is ${breaker.state} after ${breaker.failures} failures`);
    }),
  );
  return answers.flat();
}

/**
 * Each instance polls Uptime Kuma for 10 minutes after someone looked at the dashboard, and keeps
 * what it last read: the next scenario would see those statuses, and its own Uptime Kuma would
 * receive polls it did not cause.
 */
function pollsGoingOn(fakes: FakeUpstream[]): string[] {
  const kuma = fakes.find((fake) => fake.name === 'uptime-kuma');
  return kuma?.journal.entries.length ? ['Uptime Kuma was polled'] : [];
}

/** A yt-dlp an instance still runs, whatever the database says of its download. */
function ytDlpStillRunning(journal: string | undefined): string[] {
  if (!journal) return [];
  return new YtDlpJournal(journal).unfinished().filter((run) => isAlive(run.pid)).map((run) => `yt-dlp ${run.pid} is still running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
