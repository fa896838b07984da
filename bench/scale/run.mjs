// bench/scale: the same load against the built API with 1 and then 2 worker
// processes (API_WORKERS) on one PostgreSQL, side by side, measuring what
// docs/SCALING.md's capacity plan rests on:
//   - browse: GET /api/listings/:id (a database read per request) with autocannon;
//   - checkout + pay (simulated provider): one checkout and its payment per loop;
//   - the CPU seconds the API processes and PostgreSQL spent, so throughput can
//     be given per API core and per PostgreSQL core.
//
//   npm run bench:scale                       (embedded PostgreSQL, 10 s per phase)
//   BENCH_SECONDS=30 BENCH_CONNECTIONS=32 BENCH_WORKERS_LIST=1,2,4 npm run bench:scale
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmt, signToken, startApi, startDatabase, stopOnExit, writeResults } from '../lib/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WORKERS_LIST = (process.env.BENCH_WORKERS_LIST ?? '1,2').split(',').map(Number);
const POOL = process.env.DB_POOL_SIZE ?? '10';

const run = stopOnExit();
const db = run.add(await startDatabase('farmlink_bench_scale'));
// The first start migrates; seed once, then measure each worker count on the same data.
let api = await startApi(db.url, { API_WORKERS: '1' });
await api.stop();

const client = new pg.Client({ connectionString: db.url });
await client.connect();
const hash = '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000';
const COUNTIES = ['520322', '520324', '522634', '410225', '130131', '513431', '622927', '653223'];
const farmers = (await client.query(
  `INSERT INTO users (email, password_hash, display_name, role, county_code)
   SELECT 'scale-farmer-' || g || '@farmlink.test', $1, '农户 ' || g, 'farmer', ($2::text[])[1 + g % 8]
     FROM generate_series(1, 300) g RETURNING id`, [hash, COUNTIES])).rows.map((r) => r.id);
const listings = (await client.query(
  `INSERT INTO listings (farmer_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock)
   SELECT f.id, u.county_code, '产品 ' || g, '农家自产', 'fruit', 'box', 2500, 1000 + (g % 50) * 37, 100000000
     FROM generate_series(1, 5000) g
     JOIN LATERAL (SELECT ($1::uuid[])[1 + g % 300] AS id) f ON true JOIN users u ON u.id = f.id
   RETURNING id`, [farmers])).rows.map((r) => r.id);
const buyers = (await client.query(
  `INSERT INTO users (email, password_hash, display_name, role) SELECT 'scale-buyer-' || g || '@farmlink.test', $1, 'b', 'buyer'
     FROM generate_series(1, 500) g RETURNING id`, [hash])).rows.map((r) => r.id);
const tokens = buyers.map((id) => `Bearer ${signToken(id, 'buyer')}`);
const pick = (a) => a[Math.floor(Math.random() * a.length)];

/** utime + stime (s) of a process and all its descendants, from /proc. */
function cpuSeconds(rootPid) {
  const tick = 100; // USER_HZ on Linux
  const byParent = new Map();
  const times = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      times.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / tick);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(entry));
    } catch { /* gone */ }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += times.get(pid) ?? 0;
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total;
}
const { rows: [{ pid: somePgPid }] } = await client.query(`SELECT pg_backend_pid() AS pid`);
const postmasterPid = Number(readFileSync(`/proc/${somePgPid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);

async function measure(label, apiPid, fn) {
  const api0 = cpuSeconds(apiPid);
  const pg0 = cpuSeconds(postmasterPid);
  const t0 = performance.now();
  const out = await fn();
  const wall = (performance.now() - t0) / 1000;
  const apiCpu = cpuSeconds(apiPid) - api0;
  const pgCpu = cpuSeconds(postmasterPid) - pg0;
  return { label, wall, apiCores: apiCpu / wall, pgCores: pgCpu / wall, ...out };
}

const results = [];
for (const workers of WORKERS_LIST) {
  api = await startApi(db.url, { API_WORKERS: String(workers), DB_POOL_SIZE: POOL, MIGRATE_ON_START: 'false' });
  await new Promise((r) => setTimeout(r, 1500 * workers)); // every worker listening
  // Warm up (JIT, pools, plans) in every worker.
  await autocannon({ url: api.url, connections: 8, duration: 2, requests: [{ setupRequest: (req) => ({ ...req, path: `/api/listings/${pick(listings)}` }) }] });

  console.log(`${workers} worker(s): browse, ${CONNECTIONS} connections for ${SECONDS} s…`);
  const browse = await measure('browse', api.pid, async () => {
    const r = await autocannon({
      url: api.url, connections: CONNECTIONS, duration: SECONDS,
      requests: [{ setupRequest: (req) => ({ ...req, path: `/api/listings/${pick(listings)}` }) }],
    });
    return { requests: r['2xx'], perSecond: r['2xx'] / SECONDS, p99Ms: r.latency.p99, errors: r.non2xx + r.errors };
  });

  console.log(`${workers} worker(s): checkout + pay, ${CONNECTIONS} clients for ${SECONDS} s…`);
  const sizeQuery = `SELECT pg_database_size(current_database())::bigint AS bytes, pg_current_wal_lsn()::text AS lsn, (SELECT count(*) FROM orders)::int AS orders`;
  const { rows: [before] } = await client.query(sizeQuery);
  const buy = await measure('checkout+pay', api.pid, async () => {
    let paid = 0;
    let errors = 0;
    const latencies = [];
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const auth = pick(tokens);
        const started = performance.now();
        const res = await fetch(`${api.url}/api/checkouts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth, 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            items: [{ listingId: pick(listings), quantity: 1 }, { listingId: pick(listings), quantity: 2 }].filter((x, i, a) => a.findIndex((y) => y.listingId === x.listingId) === i),
            shippingAddress: { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号' },
          }),
        });
        const json = await res.json();
        if (res.status !== 201) { errors++; continue; }
        const pay = await fetch(`${api.url}/api/payments/${json.payment.id}/simulate`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: '{"outcome":"succeeded"}',
        });
        await pay.arrayBuffer();
        if (pay.status === 200) { paid++; latencies.push(performance.now() - started); } else errors++;
      }
    }));
    latencies.sort((a, b) => a - b);
    return { requests: paid, perSecond: paid / SECONDS, p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, errors };
  });
  await client.query('CHECKPOINT');
  const { rows: [after] } = await client.query(`${sizeQuery.replace('::text AS lsn', '::text AS lsn, pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS wal')}`, [before.lsn]);
  const orders = after.orders - before.orders;
  buy.ordersCreated = orders;
  buy.bytesPerOrder = orders > 0 ? Number(after.bytes - before.bytes) / orders : NaN;
  buy.walBytesPerOrder = orders > 0 ? Number(after.wal) / orders : NaN;
  await api.stop();
  results.push({ workers, browse, buy });
}
await client.end();

console.log(`\nhost: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average before the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('workers | browse req/s | p99 ms | API cores | PG cores || checkout+pay /s | p99 ms | API cores | PG cores | errors');
for (const { workers, browse, buy } of results) {
  console.log(
    `${String(workers).padStart(7)} | ${fmt(browse.perSecond).padStart(12)} | ${fmt(browse.p99Ms).padStart(6)} | ${fmt(browse.apiCores, 2).padStart(9)} | ${fmt(browse.pgCores, 2).padStart(8)} || ` +
      `${fmt(buy.perSecond, 1).padStart(15)} | ${fmt(buy.p99Ms).padStart(6)} | ${fmt(buy.apiCores, 2).padStart(9)} | ${fmt(buy.pgCores, 2).padStart(8)} | ${browse.errors + buy.errors}`,
  );
}
for (const { workers, browse, buy } of results) {
  console.log(
    `${workers} worker(s): browse ${fmt(browse.perSecond / Math.max(browse.apiCores, 0.01))} req/s per API core, ${fmt(browse.perSecond / Math.max(browse.pgCores, 0.01))} per PG core; ` +
      `checkout+pay ${fmt(buy.perSecond / Math.max(buy.apiCores, 0.01), 1)}/s per API core, ${fmt(buy.perSecond / Math.max(buy.pgCores, 0.01), 1)}/s per PG core`,
  );
}
for (const { workers, buy } of results) {
  console.log(`${workers} worker(s): ${buy.ordersCreated} orders; database grew ${fmt(buy.bytesPerOrder)} bytes and wrote ${fmt(buy.walBytesPerOrder)} WAL bytes per order (checkout + pay)`);
}
console.log(`results: ${writeResults('scale', { seconds: SECONDS, connections: CONNECTIONS, pool: POOL, cores: cpus().length, loadavg: loadavg(), results })}`);
await run.finish(0);
