import { cpus } from 'node:os';
import type { LoadSeries } from './record';

/** The figures of a load run as the report shows them, with the machine and the target they came from. */
export function describeFigures(series: LoadSeries[], target: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, target ${target}`;
  const rows = series.map(({ name, figures: f, rounds }) =>
    [
      `${name}${rounds && rounds.length > 1 ? ` (best of ${rounds.length} rounds)` : ''}:`,
      `  throughput ${f.requestsPerSecond} req/s, ${f.total} requests in ${f.durationSeconds} s`,
      `  latency p50 ${f.latencyMs.p50} ms, p90 ${f.latencyMs.p90} ms, p97.5 ${f.latencyMs.p97_5} ms, p99 ${f.latencyMs.p99} ms, max ${f.latencyMs.max} ms`,
      `  errors ${f.errors}, timeouts ${f.timeouts}, answers by status ${JSON.stringify(f.statuses)}`,
      ...(rounds && rounds.length > 1 ? [`  every round: ${rounds.map((r) => `${r.requestsPerSecond} req/s p99 ${r.latencyMs.p99} ms`).join('; ')}`] : []),
    ].join('\n'),
  );
  return [`Machine: ${machine}`, ...rows].join('\n\n');
}
