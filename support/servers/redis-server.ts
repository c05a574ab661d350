import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { ServerProcess } from './server-process';
import { stopAtExit } from './stop-at-exit';

const INSTALL = "Redis is not installed: apt-get install redis-server (Debian's package) to run these";

/** A throwaway Redis on a free loopback port, keeping nothing on disk. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Takes the server down (its data goes with it), to see how the gateway copes; `resume` brings it back empty. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Why Redis cannot be started here, in one line; undefined when it can. */
export function redisMissing(): string | undefined {
  return redisServerProgram() ? undefined : INSTALL;
}

export async function startRedis(): Promise<RedisServer> {
  const program = redisServerProgram();
  if (!program) throw new Error(INSTALL);
  const port = await freePort();
  const server = new ServerProcess(
    'Redis',
    program,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'],
    {},
    /Ready to accept connections/,
  );
  await server.start();
  const forget = stopAtExit(() => server.kill());
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pause: () => server.stop('SIGTERM'),
    resume: () => server.start(),
    async stop() {
      await server.stop('SIGTERM');
      forget();
    },
  };
}

function redisServerProgram(): string | undefined {
  return ['/usr/bin', ...(process.env.PATH ?? '').split(':').filter(Boolean)].map((dir) => join(dir, 'redis-server')).find(existsSync);
}
