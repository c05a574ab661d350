import { existsSync, rmSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildGateway } from './app';
import { ConfigError, readConfig } from './config';

/** The standalone gateway: environment -> configuration -> gateway -> "listening on ...". */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`medianest: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
  // a shared PostgreSQL is not this process's to clean up
  const leftBehind = config.databaseUrl ? { files: [] } : whatStartingWouldCreate(config.databasePath);
  let gateway;
  try {
    gateway = await buildGateway(config);
  } catch (error) {
    // a gateway that never started (a port in use, say) leaves no new database behind
    leftBehind.files.forEach((path) => rmSync(path, { force: true }));
    if (leftBehind.folder) removeEmptyFolder(leftBehind.folder);
    process.stderr.write(`medianest: could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`listening on ${gateway.url}\n`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The database files (and folder) a start would create: none if the database already exists or is in memory. */
function whatStartingWouldCreate(path: string): { files: string[]; folder?: string } {
  if (path === ':memory:' || existsSync(path)) return { files: [] };
  return { files: [path, `${path}-wal`, `${path}-shm`], folder: existsSync(dirname(path)) ? undefined : dirname(path) };
}

function removeEmptyFolder(folder: string): void {
  try {
    rmdirSync(folder); // only succeeds when empty: a folder that holds anything else stays
  } catch {
    // something else was put there meanwhile: keep it
  }
}

void main();
