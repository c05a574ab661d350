const stoppers = new Set<() => void>();
let installed = false;

/**
 * Runs `stop` when this process ends, however it ends short of SIGKILL: normal exit, Ctrl-C,
 * SIGTERM, an uncaught error. Servers the suite started must not outlive it. Returns the way to
 * forget `stop` once the server was stopped the ordinary way.
 */
export function stopAtExit(stop: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', stopAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        stopAll();
        process.kill(process.pid, signal); // then end as the signal would have
      });
    }
  }
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

function stopAll(): void {
  for (const stop of stoppers) stop();
  stoppers.clear();
}
