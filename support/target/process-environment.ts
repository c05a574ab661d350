/**
 * What a gateway built in the suite's process reads from the process's environment rather than
 * from its configuration: yt-dlp's variables (the children it spawns inherit them) and `TZ`, the
 * server's time zone. A gateway process has them in its own environment; in process, one scenario
 * runs at a time per worker, so they are set for the scenario's gateway and put back when it stops.
 */
const SUITE_TIME_ZONE = process.env.TZ;

export function shareProcessEnvironment(env: Record<string, string>): void {
  process.env.FAKE_YTDLP_JOURNAL = env.FAKE_YTDLP_JOURNAL;
  process.env.FAKE_YTDLP_STEP_MS = env.FAKE_YTDLP_STEP_MS;
  setTimeZone(env.TZ ?? SUITE_TIME_ZONE);
}

/** The suite's own time zone again (Node applies a change to `TZ` at once). */
export function restoreTimeZone(): void {
  setTimeZone(SUITE_TIME_ZONE);
}

function setTimeZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}
