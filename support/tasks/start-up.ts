import { startNotesWith } from '../notes';
import type { MediaNestWorld } from '../world';
import { freePort } from '../servers/free-port';
import { until } from './while-time-passes';

/** How MediaNest's start went (world.notes.startUp): where it listens, or why it would not start. */
export class StartUpNotes {
  url?: string;
  refusal?: string;
}

declare module '../notes' {
  interface ScenarioNotes {
    startUp: StartUpNotes;
  }
}
startNotesWith('startUp', () => new StartUpNotes());

/** Starts the scenario's gateway with its configuration, noting where it listens or why it refused. */
export async function startMediaNest(world: MediaNestWorld): Promise<void> {
  try {
    world.notes.startUp.url = await world.gatewayUrl();
  } catch (error) {
    world.notes.startUp.refusal = (error as Error).message;
  }
}

/** pino's level number for warn. */
export const WARN_LEVEL = 40;

/**
 * The levels at which the gateway logged `message`. A spawned gateway's log may finish writing
 * after it says it listens: the message comes within moments, or never.
 */
export async function levelsLogged(world: MediaNestWorld, message: string): Promise<number[]> {
  const gateway = await world.gateway();
  const levels = () => loggedLines(gateway.logs()).filter((line) => line.msg === message).map((line) => line.level ?? 0);
  await until(() => levels().length > 0, `the log line "${message}"`).catch(() => undefined);
  return levels();
}

/** The warnings in a gateway's log. */
export function warningsLogged(logs: string): string[] {
  return loggedLines(logs).filter((line) => line.level === WARN_LEVEL).map((line) => line.msg ?? '');
}

function loggedLines(logs: string): { level?: number; msg?: string }[] {
  return logs.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as { level?: number; msg?: string }];
    } catch {
      return []; // not a log line: the spawned gateway's "listening on"
    }
  });
}

/** A server address on a loopback port nothing listens on (free a moment ago): a connection there is refused at once. */
export async function addressWhereNothingListens(scheme: string): Promise<string> {
  const port = await freePort();
  return scheme.startsWith('postgres') ? `${scheme}medianest@127.0.0.1:${port}/medianest` : `${scheme}127.0.0.1:${port}`;
}
