// Shared helpers for the benchmarks: a PostgreSQL (embedded unless DATABASE_URL
// is set), the built API in a child process, and pgbench as a baseline.
// Run `npm run build` first (the bench:* scripts do).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
const dist = join(root, 'dist', 'apps', 'api');

export async function startDatabase(name) {
  if (!existsSync(join(dist, 'apps/api/src/main.js'))) throw new Error('run `npm run build` first');
  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return { url: u.toString(), adminUrl: admin, host: u.hostname, port: Number(u.port || 5432), stop: async () => undefined };
  }
  const { startEmbeddedPostgres } = require(join(dist, 'libs/database/src/embedded-postgres.js'));
  const dir = mkdtempSync(join(tmpdir(), 'farmlink-bench-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), ephemeral: true, maxConnections: 300 });
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return {
    url: server.urlFor(name),
    adminUrl: server.adminUrl,
    host: '127.0.0.1',
    port: server.port,
    socketDir: server.dataDir,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freePort() {
  const net = await import('node:net');
  return new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export const JWT_SECRET = 'farmlink-benchmark-secret-0123456789abcdef';

export async function startApi(databaseUrl, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      JWT_SECRET,
      SEED_DEMO: 'false',
      AUTH_THROTTLE_LIMIT: '1000000',
      // Benchmark buyers check out again and again without paying.
      MAX_UNPAID_CHECKOUTS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`${url}/api/health/ready`);
      if (r.ok) return { url, pid: child.pid, stop: () => new Promise((res) => { child.once('exit', res); child.kill('SIGTERM'); }) };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('API did not become ready');
}

export function signToken(sub, role) {
  const jwt = require('jsonwebtoken');
  return jwt.sign({ sub, role }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1d' });
}

/** pgbench TPC-B (the default script) against the same server; null when pgbench is not installed. */
export function pgbenchTps(db, { clients = 64, seconds = 20, scale = 10 } = {}) {
  const bin = ['pgbench', '/usr/lib/postgresql/15/bin/pgbench'].find((b) => spawnSync(b, ['--version']).status === 0);
  if (!bin) return null;
  const u = new URL(db.adminUrl);
  // The same transport as the app: the Unix socket of the embedded server, or the URL's host.
  const host = db.socketDir ?? u.searchParams.get('host') ?? u.hostname;
  const args = ['-h', host, '-p', String(u.port || 5432), '-U', decodeURIComponent(u.username || 'postgres')];
  spawnSync('psql', [...args, '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS farmlink_pgbench', '-c', 'CREATE DATABASE farmlink_pgbench'], { encoding: 'utf8' });
  const init = spawnSync(bin, [...args, '-i', '-q', '-s', String(scale), 'farmlink_pgbench'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync(bin, [...args, '-c', String(clients), '-j', '2', '-T', String(seconds), 'farmlink_pgbench'], { encoding: 'utf8' });
  const m = /tps = ([\d.]+)/.exec(run.stdout);
  if (!m) throw new Error(`pgbench failed: ${run.stderr}`);
  return Number(m[1]);
}

export function fmt(n, digits = 0) {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
