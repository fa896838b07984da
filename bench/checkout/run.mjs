// bench/checkout: 64 concurrent clients checking out over HTTP for 20 s (pool
// smaller than the client count, on purpose), against pgbench TPC-B on the same
// PostgreSQL as the baseline; then checks stock + units sold = initial stock.
//
//   npm run bench:checkout            (embedded PostgreSQL)
//   DATABASE_URL=postgres://… npm run bench:checkout
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=64 BENCH_HOT=1 BENCH_STOCK_HISTORY=off …
//   BENCH_BACKGROUND=held: phase 2 with the report aggregator and the mail relay held (their
//     cluster-wide locks taken by the bench), then released and timed while they catch up, so
//     the CPU of the sale itself and of the work each paid order leaves behind are told apart.
//
// With a server on this machine it also prints the CPU time (from /proc) that each phase and
// pgbench took, per checkout, per paid checkout and per TPC-B transaction: the ratios to pgbench
// are ratios of those costs, since all of them share the same cores.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { cpuMeter, fmt, pgbenchRun, signToken, sqlProfile, startApi, startDatabase } from '../lib/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const FARMERS = 200;
const LISTINGS = 2000;
const BUYERS = 500;
const INITIAL_STOCK = 1_000_000;
const COUNTIES = ['520322', '520324', '522634', '410225', '130131', '513431', '622927', '653223'];

const db = await startDatabase('farmlink_bench_checkout');
const api = await startApi(db.url, { DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20' });
const client = new pg.Client({ connectionString: db.url });
await client.connect();

console.log(`seeding ${FARMERS} farmers, ${LISTINGS} listings (stock ${fmt(INITIAL_STOCK)} each), ${BUYERS} buyers…`);
const hash = '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000';
const farmers = (
  await client.query(
    `WITH f AS (
       INSERT INTO users (email, password_hash, display_name, role, county_code)
       SELECT 'bench-farmer-' || g || '@farmlink.test', $1, '农户 ' || g, 'farmer', ($2::text[])[1 + g % $3]
         FROM generate_series(1, $4) g RETURNING id, email),
     poor AS (
       INSERT INTO poverty_claims (farmer_id, status, claimed_at, decided_at)
       SELECT id, 'verified', now() - interval '1 day', now() - interval '1 day' FROM f WHERE substring(email from '-(\\d+)@')::int % 3 = 0)
     SELECT id FROM f`,
    [hash, COUNTIES, COUNTIES.length, FARMERS],
  )
).rows.map((r) => r.id);
const listings = (
  await client.query(
    `INSERT INTO listings (farmer_id, county_code, title, category, unit, net_weight_grams, price_cents, stock)
     SELECT f.id, u.county_code, '产品 ' || g, 'fruit', 'box', 2500, 1000 + (g % 50) * 37, $2
       FROM generate_series(1, $3) g
       JOIN LATERAL (SELECT ($1::uuid[])[1 + g % array_length($1::uuid[], 1)] AS id) f ON true
       JOIN users u ON u.id = f.id
     RETURNING id`,
    [farmers, INITIAL_STOCK, LISTINGS],
  )
).rows.map((r) => r.id);
const buyers = (
  await client.query(
    `INSERT INTO users (email, password_hash, display_name, role)
     SELECT 'bench-buyer-' || g || '@farmlink.test', $1, '买家 ' || g, 'buyer' FROM generate_series(1, $2) g RETURNING id`,
    [hash, BUYERS],
  )
).rows.map((r) => r.id);
// BENCH_STOCK_HISTORY=off: the same run without the stock-history trigger (an A/B of its cost).
if (process.env.BENCH_STOCK_HISTORY === 'off') await client.query(`ALTER TABLE listings DISABLE TRIGGER listings_stock_changed`);
const tokens = buyers.map((id) => `Bearer ${signToken(id, 'buyer')}`);
// A person does not run two checkouts at once, so two connections never share a buyer (with buyers picked
// at random, one checkout in eight waited for another client's transaction on the per-buyer unpaid-checkout
// lock — a cost no real buyer has): a connection takes a buyer nobody else is checking out as, and gives it
// back with the answer (in phase 2, with the payment's answer).
const idle = tokens.map((_, i) => i).sort(() => Math.random() - 0.5);
const hot = process.env.BENCH_HOT === '1';

function body() {
  const n = 1 + Math.floor(Math.random() * 3);
  const picked = new Set();
  while (picked.size < n) picked.add(listings[Math.floor(Math.random() * (hot ? 10 : listings.length))]);
  return JSON.stringify({
    items: [...picked].map((listingId) => ({ listingId, quantity: 1 + Math.floor(Math.random() * 3) })),
    shippingAddress: { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号' },
  });
}

// Warm up (JIT, pool, plans).
await autocannon({ url: api.url, connections: 8, duration: 2, requests: [request()] });

function request() {
  return {
    method: 'POST',
    path: '/api/checkouts',
    setupRequest: (req, context) => {
      context.buyer = idle.shift();
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: tokens[context.buyer], 'idempotency-key': randomUUID() },
        body: body(),
      };
    },
    onResponse: (status, body, context) => {
      idle.push(context.buyer);
    },
  };
}

const meter = await cpuMeter(client, api.pid);
const { rows: [{ before }] } = await client.query(`SELECT count(*)::int AS before FROM checkouts`);
console.log(`checkouts: ${CONNECTIONS} connections for ${SECONDS} s (pool ${process.env.DB_POOL_SIZE ?? 20})…`);
const cpu1Start = meter?.read();
const result = await autocannon({ url: api.url, connections: CONNECTIONS, duration: SECONDS, requests: [request()] });
const cpu1 = meter?.since(cpu1Start);
const phase1End = new Date();
const ok = result['2xx'];
const checkoutsPerSecond = ok / SECONDS;

// BENCH_PROFILE_SQL=1: the statements of phase 2 (checkout + pay), printed after the run.
const sql = await sqlProfile(client);

// Phase 2: checkout then pay (simulated provider), so the payment path — orders
// paid, seller ledger, one report_pending row per order — is under the same load.
// Each autocannon connection alternates the two requests (the payment's id comes from
// the checkout's answer); a pair's latency runs from the checkout's start to the
// payment's answer. (Until 2026-12-02 this phase ran on 64 fetch() loops, which took a
// third of a core on the 2-core machine; autocannon's client takes a tenth.)
// BENCH_BACKGROUND=held: the aggregator's and the relay's cluster-wide locks, held by this connection through phase 2.
const BACKGROUND_LOCKS = ['farmlink:report-aggregator', 'farmlink:job:outbox-relay'];
const held = process.env.BENCH_BACKGROUND === 'held';
const holder = held ? new pg.Client({ connectionString: db.url }) : null;
if (holder) {
  await holder.connect();
  for (const key of BACKGROUND_LOCKS) await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
}
console.log(`checkout + pay: ${CONNECTIONS} clients for ${SECONDS} s${held ? ' (report aggregator and mail relay held)' : ''}…`);
const cpu2Start = meter?.read();
const payLatencies = [];
let paidCount = 0;
let payErrors = 0;
const NO_PAYMENT = '00000000-0000-4000-8000-000000000000';
await autocannon({
  url: api.url,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests: [
    {
      method: 'POST',
      path: '/api/checkouts',
      setupRequest: (req, context) => {
        context.buyer = idle.shift();
        context.started = performance.now();
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: tokens[context.buyer], 'idempotency-key': randomUUID() },
          body: body(),
        };
      },
      onResponse: (status, resBody, context) => {
        context.paymentId = status === 201 ? JSON.parse(resBody).payment.id : null;
        if (status !== 201) payErrors++;
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => ({
        ...req,
        // After a failed checkout the pair still needs its second request: an unknown payment (404, not counted).
        path: `/api/payments/${context.paymentId ?? NO_PAYMENT}/simulate`,
        headers: { 'content-type': 'application/json', authorization: tokens[context.buyer] },
        body: '{"outcome":"succeeded"}',
      }),
      onResponse: (status, resBody, context) => {
        idle.push(context.buyer);
        if (context.paymentId === null) return;
        if (status === 200) { paidCount++; payLatencies.push(performance.now() - context.started); } else payErrors++;
      },
    },
  ],
});
const cpu2 = meter?.since(cpu2Start);
payLatencies.sort((a, b) => a - b);

// The background work the paid orders left (held): released, and timed until the rollups, the mail
// queue and the deliveries have caught up.
let background = null;
if (holder) {
  const left = async () =>
    (await client.query(
      `SELECT (SELECT count(*) FROM report_pending) + (SELECT count(*) FROM order_mail_pending)
            + (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS n`,
    )).rows[0].n;
  const queued = Number(await left());
  const start = meter?.read();
  const t0 = performance.now();
  for (const key of BACKGROUND_LOCKS) await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
  await holder.end();
  while (Number(await left()) > 0 && performance.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 50));
  background = { queued, seconds: (performance.now() - t0) / 1000, cpu: meter?.since(start) };
}
const pct = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor(a.length * p))] : NaN);

// Invariant: for every listing, stock + units in non-cancelled orders = initial stock.
const { rows: broken } = await client.query(
  `SELECT l.id, l.stock, coalesce(s.sold, 0) AS sold
     FROM listings l
     LEFT JOIN (SELECT ol.listing_id, sum(ol.quantity) AS sold FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                 WHERE o.status <> 'cancelled' GROUP BY ol.listing_id) s ON s.listing_id = l.id
    WHERE l.stock + coalesce(s.sold, 0) <> $1`,
  [INITIAL_STOCK],
);
const { rows: [{ after }] } = await client.query(`SELECT count(*)::int AS after FROM checkouts WHERE created_at <= $1`, [phase1End]);
const checkouts = after - before;
// Which indexes on the hot tables the run used (idx_scan) and how many rows each wrote to (every insert writes them all).
const { rows: indexUse } = await client.query(
  `SELECT relname AS table, indexrelname AS index, idx_scan AS scans FROM pg_stat_user_indexes
    WHERE relname IN ('orders', 'order_lines', 'checkouts', 'payments', 'order_history', 'report_pending') ORDER BY relname, indexrelname`,
);
console.log('\nindex use during the run (pg_stat_user_indexes.idx_scan):');
for (const r of indexUse) console.log(`  ${r.table.padEnd(14)} ${r.index.padEnd(40)} ${r.scans}`);
const topStatements = await sql.top();
if (topStatements.length) {
  console.log(`\nphase 2 statements by total time (pg_stat_statements; ${paidCount} paid checkouts):`);
  console.log('    calls  exec ms  plan ms  exec ms/call');
  for (const r of topStatements) console.log(`  ${String(r.calls).padStart(7)} ${String(r.total_ms).padStart(8)} ${String(r.plan_ms).padStart(8)} ${String(r.mean_ms).padStart(13)}  ${r.query}`);
}
// Updates that stayed on their page without new index entries (HOT): a stock update that is not HOT writes
// an entry in every index of listings, the trigram index included.
const { rows: updateStats } = await client.query(
  `SELECT relname AS table, n_tup_upd AS updates, n_tup_hot_upd AS hot FROM pg_stat_user_tables
    WHERE relname IN ('listings', 'orders', 'payments', 'checkouts') ORDER BY relname`,
);
console.log('\nupdates during the run (pg_stat_user_tables): ' + updateStats.map((r) => `${r.table} ${r.updates} (${r.hot} HOT)`).join(', '));
const { rows: [{ pending }] } = await client.query(`SELECT count(*)::int AS pending FROM report_pending`);
console.log(`report_pending rows left (the aggregator folds them every second): ${pending}`);
await client.end();
await api.stop();

console.log('pgbench TPC-B baseline: 64 clients, 20 s…');
const bench = pgbenchRun(db, { clients: 64, seconds: 20, meter });
const tps = bench?.tps ?? null;
await db.stop();

// CPU per unit of work, in ms of one core: what the ratios to pgbench are made of.
const per = (cpu, n) => (cpu && n ? { api: cpu.api / n, pg: cpu.pg / n, client: cpu.client / n, all: (cpu.api + cpu.pg + cpu.client) / n } : null);
const cpuLine = (c, clientName = 'load generator') =>
  c
    ? `${c.api ? `API ${fmt(c.api, 2)} + ` : ''}PostgreSQL ${fmt(c.pg, 2)} + ${clientName} ${fmt(c.client, 2)} = ${fmt(c.all, 2)}`
    : 'n/a (no /proc, or a remote server)';
const perCheckout = per(cpu1, ok);
const perPaid = per(cpu2, paidCount);
const perBackground = background ? per(background.cpu, paidCount) : null;
const perTpcb = bench?.cpu && bench.transactions ? per({ ...bench.cpu, api: 0 }, bench.transactions) : null; // the API is stopped by then

const lines = [
  ['checkouts/s', fmt(checkoutsPerSecond)],
  ['p50 latency (ms)', fmt(result.latency.p50, 1)],
  ['p99 latency (ms)', fmt(result.latency.p99, 1)],
  ['2xx / non-2xx / errors / timeouts', `${ok} / ${result.non2xx} / ${result.errors} / ${result.timeouts}`],
  ['checkouts in database during phase 1 (≈ 2xx)', String(checkouts)],
  ['checkout + pay: paid checkouts/s', fmt(paidCount / SECONDS)],
  ['checkout + pay: p50 / p99 (ms, both requests)', `${fmt(pct(payLatencies, 0.5), 1)} / ${fmt(pct(payLatencies, 0.99), 1)}`],
  ['checkout + pay: errors', String(payErrors)],
  ['pgbench TPC-B tps (baseline)', tps === null ? 'pgbench not installed' : fmt(tps)],
  ['ratio checkouts/s ÷ TPC-B tps', tps ? fmt(checkoutsPerSecond / tps, 3) : 'n/a'],
  ['ratio paid checkouts/s ÷ TPC-B tps', tps ? fmt(paidCount / SECONDS / tps, 3) : 'n/a'],
  ['CPU ms per checkout', cpuLine(perCheckout)],
  [`CPU ms per paid checkout${held ? ' (background held)' : ''}`, cpuLine(perPaid)],
  ...(background
    ? [[`  then the background, per paid checkout`, `${cpuLine(perBackground, 'bench')} (${fmt(background.queued)} rows caught up in ${fmt(background.seconds, 1)} s)`]]
    : []),
  ['CPU ms per TPC-B transaction', cpuLine(perTpcb, 'pgbench')],
  ...(perTpcb && perPaid
    ? [['paid checkout ÷ TPC-B transaction, CPU', `${fmt((perPaid.all + (perBackground?.all ?? 0)) / perTpcb.all, 1)} × (PostgreSQL's part alone: ${fmt((perPaid.pg + (perBackground?.pg ?? 0)) / perTpcb.all, 1)} ×)`]]
    : []),
  ['listings where stock + sold ≠ initial', String(broken.length)],
];
console.log('\nFarmLink checkout benchmark' + (hot ? ' (hot: 10 listings)' : ''));
for (const [k, v] of lines) console.log(`  ${k.padEnd(40)} ${v}`);
if (broken.length > 0) {
  console.error('INVARIANT BROKEN', broken.slice(0, 5));
  process.exit(1);
}
