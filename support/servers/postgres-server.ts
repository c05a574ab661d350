import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onFreePort } from './free-port';
import { ServerProcess } from './server-process';
import { stopAtExit } from './stop-at-exit';

const INSTALL = "PostgreSQL is not installed: apt-get install postgresql (Debian's package) to run these";
const USER = 'medianest';
const DATABASE = 'medianest';

/** A throwaway PostgreSQL: its own data folder and a free loopback port, for one run. */
export interface PostgresServer {
  /** `postgres://medianest@127.0.0.1:<port>/medianest`, trusted on loopback. */
  url: string;
  port: number;
  /** Takes the server down, keeping its data, to see how the gateway copes; `resume` brings it back. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

/** Why PostgreSQL cannot be started here, in one line; undefined when it can. */
export function postgresMissing(): string | undefined {
  if (!serverPrograms()) return INSTALL;
  if (isRoot() && !postgresAccount()) return `${INSTALL} (its "postgres" account is missing: the server refuses to run as root)`;
  return undefined;
}

/** Starts a fresh PostgreSQL with an empty `medianest` database. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = serverPrograms();
  if (!bin) throw new Error(INSTALL);
  // the server refuses to run as root: as root it runs as Debian's `postgres` account
  const account = isRoot() ? postgresAccount() : undefined;
  if (isRoot() && !account) throw new Error(postgresMissing());
  const folder = mkdtempSync(join(tmpdir(), 'medianest-postgres-'));
  try {
    return await startIn(folder, bin, account);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true }); // a server that never started leaves nothing behind
    throw error;
  }
}

async function startIn(folder: string, bin: string, account: { uid: number; gid: number } | undefined): Promise<PostgresServer> {
  if (account) chownSync(folder, account.uid, account.gid);
  const data = join(folder, 'data');
  const asServer = { ...(account ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--no-sync'], { ...asServer, stdio: 'ignore' });
  const { port, server } = await onFreePort(async (port) => {
    const server = new ServerProcess(
      'PostgreSQL',
      join(bin, 'postgres'),
      // a throwaway database: durability settings off, sockets only in its own folder and on loopback
      ['-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      asServer,
      /database system is ready to accept connections/,
    );
    await server.start();
    return { port, server };
  });
  try {
    execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, DATABASE], { ...asServer, stdio: 'ignore' });
  } catch (error) {
    await server.stop('SIGINT');
    throw error;
  }
  const forget = stopAtExit(() => {
    server.kill();
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  });
  return {
    url: `postgres://${USER}@127.0.0.1:${port}/${DATABASE}`,
    port,
    pause: () => server.stop('SIGINT'), // SIGINT: PostgreSQL's fast shutdown
    resume: () => server.start(),
    async stop() {
      await server.stop('SIGINT');
      forget();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The folder holding initdb, postgres and createdb: Debian keeps them off PATH, under /usr/lib/postgresql/<major>/bin. */
function serverPrograms(): string | undefined {
  const hasAll = (dir: string) => ['initdb', 'postgres', 'createdb'].every((program) => existsSync(join(dir, program)));
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = [...majors.map((major) => join(debian, major, 'bin')), ...(process.env.PATH ?? '').split(':').filter(Boolean)];
  return candidates.find(hasAll);
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function postgresAccount(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined; // no such account
  }
}
