// Shared helpers for the benchmarks: a PostgreSQL (embedded unless DATABASE_URL
// is set), the built API in a child process, stopping both however the bench
// ends, a timing loop, the results file, and pgbench as a baseline.
// Run `npx nest build api` first (the bench:* scripts do).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '..', '..');
const dist = join(ROOT, 'dist', 'apps', 'api');

/** The built API's modules (dist/apps/api/…); exits with a message when it has not been built. */
function built(file) {
  if (!existsSync(join(dist, 'apps/api/src/main.js'))) {
    console.error('Build first: npx nest build api (the bench:* scripts do it)');
    process.exit(1);
  }
  return require(join(dist, file));
}

/**
 * A PostgreSQL server and the database `name` in it: the server of DATABASE_URL
 * when set, else an embedded one.
 *
 * Without `dataDir` the database starts empty: the embedded server lives in a
 * temporary folder removed on stop, and on DATABASE_URL the database is dropped
 * and created again. With `dataDir` (relative to the repository) it is kept
 * between runs, so a bench can reuse what it seeded: the embedded server keeps
 * its cluster there, and on DATABASE_URL an existing database is left as it is.
 */
export async function startDatabase(name, { dataDir, maxConnections = 300 } = {}) {
  const { ensureDatabaseExists } = built('libs/database/src/database-runtime.js');
  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    if (dataDir) {
      await ensureDatabaseExists(admin, name);
    } else {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
    }
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return { url: u.toString(), adminUrl: admin, embedded: false, host: u.hostname, port: Number(u.port || 5432), stop: async () => undefined };
  }
  const { startEmbeddedPostgres } = built('libs/database/src/embedded-postgres.js');
  const dir = dataDir ? undefined : mkdtempSync(join(tmpdir(), 'farmlink-bench-'));
  if (dir) chmodSync(dir, 0o755);
  // BENCH_PROFILE_SQL=1: pg_stat_statements loaded, so a bench can print where the database's time went.
  const settings = process.env.BENCH_PROFILE_SQL === '1' ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on', track_functions: 'all' } : {};
  const server = await startEmbeddedPostgres({ dataDir: dataDir ? join(ROOT, dataDir) : join(dir, 'data'), ephemeral: !dataDir, maxConnections, settings });
  await ensureDatabaseExists(server.adminUrl, name);
  return {
    url: server.urlFor(name),
    adminUrl: server.adminUrl,
    embedded: true,
    host: '127.0.0.1',
    port: server.port,
    socketDir: server.dataDir,
    stop: async () => {
      await server.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
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

/**
 * The built API (it applies the migrations) in a child process on a free port,
 * its output on this terminal; resolves once /api/health/ready answers, and
 * fails at once if the process exits before that.
 */
export async function startApi(databaseUrl, env = {}) {
  const port = await freePort();
  // BENCH_CPU_PROF=1: the API writes a V8 CPU profile to bench/results/ when it exits (open it in Chrome DevTools
  // or summarise it with `node bench/lib/cpu-profile-summary.mjs <file>`).
  const profile = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench', 'results')}`] : [];
  const child = spawn(process.execPath, [...profile, join(dist, 'apps/api/src/main.js')], {
    cwd: ROOT,
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
  let exited = false;
  const exit = new Promise((res) => child.once('exit', (code) => {
    exited = true;
    if (code) console.error(`the app exited with code ${code}`);
    res();
  }));
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200 && !exited; i++) {
    try {
      const r = await fetch(`${url}/api/health/ready`);
      if (r.ok) return { url, pid: child.pid, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!exited) child.kill('SIGKILL');
  await exit;
  throw new Error(exited ? 'the API exited before it was ready' : 'API did not become ready');
}

/**
 * Stops what is added to it (anything with stop(): the API, the database),
 * last added first, however the bench ends: on Ctrl-C, on an uncaught error
 * (printed), or when the bench calls finish(code) at its end.
 */
export function stopOnExit() {
  const parts = [];
  let finishing;
  const finish = (code) =>
    (finishing ??= (async () => {
      for (const part of parts.reverse()) await part.stop().catch((err) => console.error(err));
      process.exit(code);
    })());
  process.once('SIGINT', () => void finish(130));
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (err) => {
      console.error(err);
      void finish(1);
    });
  }
  return {
    add(part) {
      parts.push(part);
      return part;
    },
    finish,
  };
}

/** Median wall time of `fn` in ms over `runs` calls, after `warmup` calls that are not timed. */
export async function medianMs(fn, { runs, warmup = 2 }) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Writes bench/results/<name>-<time>.json and returns its path relative to the repository. */
export function writeResults(name, data) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return relative(ROOT, file);
}

export function signToken(sub, role) {
  const jwt = require('jsonwebtoken');
  return jwt.sign({ sub, role }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1d' });
}

/** pgbench TPC-B (the default script) against the same server; null when pgbench is not installed. */
export function pgbenchTps(db, options) {
  return pgbenchRun(db, options)?.tps ?? null;
}

/**
 * pgbench TPC-B: `{ tps, transactions }`, and with `meter` (a cpuMeter) the CPU its run took
 * (`cpu`: PostgreSQL's and pgbench's, the initialisation left out); null when pgbench is not installed.
 */
export function pgbenchRun(db, { clients = 64, seconds = 20, scale = 10, meter } = {}) {
  const bin = ['pgbench', '/usr/lib/postgresql/15/bin/pgbench'].find((b) => spawnSync(b, ['--version']).status === 0);
  if (!bin) return null;
  const u = new URL(db.adminUrl);
  // The same transport as the app: the Unix socket of the embedded server, or the URL's host.
  const host = db.socketDir ?? u.searchParams.get('host') ?? u.hostname;
  const args = ['-h', host, '-p', String(u.port || 5432), '-U', decodeURIComponent(u.username || 'postgres')];
  spawnSync('psql', [...args, '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS farmlink_pgbench', '-c', 'CREATE DATABASE farmlink_pgbench'], { encoding: 'utf8' });
  const init = spawnSync(bin, [...args, '-i', '-q', '-s', String(scale), 'farmlink_pgbench'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const before = meter?.read();
  const run = spawnSync(bin, [...args, '-c', String(clients), '-j', '2', '-T', String(seconds), 'farmlink_pgbench'], { encoding: 'utf8' });
  const cpu = meter ? meter.since(before) : null;
  const m = /tps = ([\d.]+)/.exec(run.stdout);
  if (!m) throw new Error(`pgbench failed: ${run.stderr}`);
  const done = /number of transactions actually processed: (\d+)/.exec(run.stdout);
  return { tps: Number(m[1]), transactions: done ? Number(done[1]) : null, cpu };
}

/**
 * CPU time (ms of one core) used by the API process, by the PostgreSQL server (its postmaster and every
 * backend, the ones that ended included) and by this process with the children it has waited for (the
 * load generator, pgbench), read from /proc. `read()` takes a snapshot, `since(snapshot)` the CPU used
 * after it. Needs Linux and a server on this machine (embedded, or DATABASE_URL's on localhost, its data
 * directory readable); null otherwise.
 */
export async function cpuMeter(client, apiPid) {
  if (process.platform !== 'linux') return null;
  let postmaster;
  try {
    const { rows: [{ data_directory: dir }] } = await client.query('SHOW data_directory');
    postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    stat(postmaster);
  } catch {
    return null; // a remote server, or one whose files this user cannot read
  }
  const msPerTick = 1000 / 100; // USER_HZ: 100 on Linux
  // /proc/<pid>/stat after the command's closing parenthesis: state ppid … utime(14) stime(15) cutime(16) cstime(17)
  function stat(pid) {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  }
  function pgTicks() {
    const p = stat(postmaster);
    let ticks = p.own + p.children; // the postmaster, and the backends it has reaped
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const s = stat(name);
        if (s.ppid === postmaster) ticks += s.own;
      } catch {} // ended meanwhile
    }
    return ticks;
  }
  const read = () => {
    const self = stat(process.pid);
    let api = 0;
    try { api = stat(apiPid).own; } catch {} // stopped
    return { api: api * msPerTick, pg: pgTicks() * msPerTick, client: (self.own + self.children) * msPerTick };
  };
  return {
    read,
    since(before) {
      const now = read();
      return { api: now.api - before.api, pg: now.pg - before.pg, client: now.client - before.client };
    },
  };
}

/**
 * With BENCH_PROFILE_SQL=1 (embedded server): resets pg_stat_statements (call it before the measured phase);
 * `top()` afterwards returns the statements that took the most time, with calls and mean ms.
 */
export async function sqlProfile(client) {
  if (process.env.BENCH_PROFILE_SQL !== '1') return { top: async () => [] };
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await client.query('SELECT pg_stat_statements_reset()');
  return {
    async top(limit = 30) {
      const { rows } = await client.query(
        `SELECT calls::int, round(total_exec_time)::int AS total_ms, round((total_exec_time / nullif(calls, 0))::numeric, 3)::float AS mean_ms,
                round(total_plan_time)::int AS plan_ms,
                rows::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          ORDER BY total_exec_time + total_plan_time DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },
  };
}

export function fmt(n, digits = 0) {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
