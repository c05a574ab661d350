import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { realClock } from '../../support/clock';
import { postgresMissing } from '../../support/servers/postgres-server';
import { redisMissing } from '../../support/servers/redis-server';
import { ClusterTarget } from '../../support/target/cluster';
import { scenarioEnvironment } from '../../support/target/environment';
import type { RunningGateway } from '../../support/target/target';

const skip = postgresMissing() ?? redisMissing() ?? false;

/** Whether nothing accepts connections on the port within `limitMs`: a killed process lets go of its port a moment after. */
async function closedWithin(port: number, limitMs: number): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  while (await listening(port)) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Whether something accepts connections on this loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const urls = (running: RunningGateway) => running.instances!.map((instance) => instance.url);

describe('the cluster target', { skip }, () => {
  let target: ClusterTarget;
  const env = () => scenarioEnvironment(target.origins, target.workDir, 'Ada');
  /** One scenario's use of the gateway: its fakes attached, the instances started or reused, then released. */
  const scenario = async (scenarioEnv = env()) => {
    await target.attach([]);
    const running = await target.start(scenarioEnv, realClock());
    await running.release!();
    return running;
  };

  before(async () => {
    target = await ClusterTarget.create();
  });
  after(async () => {
    await target?.close();
  });

  it('runs two instances, each on its own port, answering', async () => {
    const running = await scenario();
    assert.deepEqual(running.instances!.map((instance) => instance.name), ['A', 'B']);
    assert.notEqual(urls(running)[0], urls(running)[1]);
    for (const url of urls(running)) assert.equal((await fetch(`${url}/api/v1/health`)).status, 200);
  });

  it('keeps the instances for the next scenario with the same configuration, and starts new ones for another', async () => {
    const first = urls(await scenario());
    assert.deepEqual(urls(await scenario()), first);
    const other = urls(await scenario({ ...env(), RATE_LIMIT_USER_PER_MINUTE: '7' }));
    assert.notDeepEqual(other, first);
  });

  it('starts new instances after a scenario that stopped one, and the stopped one is out of the load balancer', async () => {
    await target.attach([]);
    const running = await target.start(env(), realClock());
    await target.stopInstance('A');
    assert.deepEqual(running.instances!.map((instance) => instance.up), [false, true]);
    await running.release!();
    const next = await scenario();
    assert.deepEqual(next.instances!.map((instance) => instance.up), [true, true]);
    assert.equal(urls(next).includes(urls(running)[0]!), false);
  });

  it('empties every table but the migrations, restarting identities, and Redis, before each scenario', async () => {
    const sql = new Pool({ connectionString: target.servers.environment.DATABASE_URL, max: 1 });
    const keys = new Redis(target.servers.environment.REDIS_URL!);
    try {
      await sql.query('CREATE TABLE IF NOT EXISTS suite_check (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note TEXT)');
      await sql.query('CREATE TABLE IF NOT EXISTS suite_check_migrations (version INTEGER PRIMARY KEY)');
      await sql.query("INSERT INTO suite_check (note) VALUES ('one'), ('two')");
      await sql.query('INSERT INTO suite_check_migrations VALUES (1) ON CONFLICT DO NOTHING');
      await keys.set('left-behind', '1');
      await scenario();
      assert.deepEqual((await sql.query('SELECT * FROM suite_check')).rows, []);
      assert.equal((await sql.query("INSERT INTO suite_check (note) VALUES ('again') RETURNING id")).rows[0].id, '1');
      assert.equal((await sql.query('SELECT count(*) FROM suite_check_migrations')).rows[0].count, '1');
      assert.equal(await keys.exists('left-behind'), 0);
    } finally {
      await sql.query('DROP TABLE IF EXISTS suite_check, suite_check_migrations');
      await sql.end();
      keys.disconnect();
    }
  });
});

describe('the cluster target interrupted by Ctrl-C', { skip }, () => {
  it('leaves no instance, PostgreSQL, Redis or folder behind', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'fixture', 'cluster-until-signal.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const { ports, workDir } = JSON.parse(line) as { ports: number[]; workDir: string };
    assert.equal(ports.length, 4);
    for (const port of ports) assert.equal(await listening(port), true, `port ${port} should be listening before Ctrl-C`);
    child.kill('SIGINT');
    assert.equal(await exited, 'SIGINT');
    for (const port of ports) assert.equal(await closedWithin(port, 5_000), true, `port ${port} should be closed within 5 s of Ctrl-C`);
    assert.equal(existsSync(workDir), false, `${workDir} should be removed`);
  });
});
