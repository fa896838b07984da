// bench/checkout/pay-statement-ab.mjs: what the report rollups cost the paying statement itself,
// measured A/B in the same minutes on the same server (for a loaded or noisy machine, where two
// separate bench:checkout runs cannot be compared). Two databases, seeded alike with unpaid
// checkouts: "before" runs every migration and then undoes 1780000000064 (the triggers of 050–052
// do the rollups in the payment), "after" is as migrated (the payment appends report_pending rows).
// BENCH_CLIENTS clients per side mark checkouts paid, one transaction each:
//   UPDATE orders SET status = 'paid', paid_at = now() WHERE checkout_id = $1 AND status = 'pending_payment'
// (what the payment's statement does, triggers included), alternating sides every BENCH_ROUND_SECONDS.
//
//   npx nest build api && node bench/checkout/pay-statement-ab.mjs
//   BENCH_CLIENTS=16 BENCH_ROUNDS=6 BENCH_ROUND_SECONDS=4 BENCH_CHECKOUTS=60000 …
//   BENCH_PROFILE=1 …   (also times each step of one aggregator batch, rolled back)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, startDatabase, stopOnExit } from '../lib/harness.mjs';

const require = createRequire(import.meta.url);
const dist = join(ROOT, 'dist', 'apps', 'api');
const { migrate } = require(join(dist, 'libs/database/src/migrate.js'));
const { migrations } = require(join(dist, 'libs/database/src/migrations/index.js'));
const { DataSource } = require('typeorm');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4);
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 60_000);
const COUNTIES = ['520322', '520324', '522634', '410225', '130131', '513431', '622927', '653223'];

const exit = stopOnExit();
const server = exit.add(await startDatabase('farmlink_ab_before'));
const admin = new pg.Client({ connectionString: server.adminUrl ?? server.url });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS farmlink_ab_after`);
await admin.query(`CREATE DATABASE farmlink_ab_after`);
await admin.end();
const urls = { before: server.url, after: server.url.replace('farmlink_ab_before', 'farmlink_ab_after') };

for (const side of ['before', 'after']) {
  await migrate(urls[side]);
  if (side === 'before') {
    const ds = new DataSource({ type: 'postgres', url: urls[side], migrations, migrationsTransactionMode: 'each' });
    await ds.initialize();
    await ds.undoLastMigration({ transaction: 'each' }); // 1780000000064: back to the rollups in the payment
    await ds.destroy();
  }
  const c = new pg.Client({ connectionString: urls[side] });
  await c.connect();
  await c.query(`SET session_replication_role = replica`); // seed without triggers (nothing is paid yet)
  await c.query(
    `INSERT INTO users (email, password_hash, display_name, role, county_code)
     SELECT 'ab-f-' || g || '@farmlink.test', 'x', 'F' || g, 'farmer', ($1::text[])[1 + g % 8] FROM generate_series(1, 200) g`,
    [COUNTIES],
  );
  await c.query(`INSERT INTO users (email, password_hash, display_name, role) SELECT 'ab-b-' || g || '@farmlink.test', 'x', 'B', 'buyer' FROM generate_series(1, 500) g`);
  await c.query(
    `INSERT INTO listings (farmer_id, county_code, title, category, unit, net_weight_grams, price_cents, stock)
     SELECT u.id, u.county_code, 'ab ' || k, (ARRAY['fruit','tea','grain'])[1 + k % 3], 'box', 500, 1000 + k, 1000000
       FROM users u CROSS JOIN generate_series(0, 9) k WHERE u.email LIKE 'ab-f-%'`,
  );
  await c.query(
    `WITH b AS (SELECT id, row_number() OVER () AS n FROM users WHERE email LIKE 'ab-b-%'),
          l AS (SELECT id, farmer_id, county_code, category, price_cents, row_number() OVER (ORDER BY md5(id::text)) AS n FROM listings),
          k AS (SELECT g, md5('ab' || g)::uuid AS id FROM generate_series(1, $1) g),
          co AS (
            INSERT INTO checkouts (id, buyer_id, idempotency_key, request_hash, total_cents, shipping_address)
            SELECT k.id, b.id, 'k' || k.g, 'h', 0, '{}' FROM k JOIN b ON b.n = 1 + k.g % 500 RETURNING id, buyer_id),
          o AS (
            INSERT INTO orders (id, checkout_id, buyer_id, seller_type, seller_id, county_code, total_cents, shipping_address)
            SELECT md5(k.id::text || j)::uuid, k.id, b.id, 'farmer', l.farmer_id, l.county_code, l.price_cents, '{}'
              FROM k JOIN b ON b.n = 1 + k.g % 500 CROSS JOIN generate_series(1, 2) j JOIN l ON l.n = 1 + (k.g * 7 + j * 13) % 2000
            RETURNING id, seller_id)
     INSERT INTO order_lines (order_id, position, listing_id, title, unit, category, net_weight_grams, unit_price_cents, quantity,
                              line_total_cents, producer_id, producer_county_code, producer_poverty_registered)
     SELECT o.id, 0, l.id, 't', 'box', l.category, 500, l.price_cents, 1, l.price_cents, l.farmer_id, l.county_code, false
       FROM o JOIN LATERAL (SELECT * FROM listings x WHERE x.farmer_id = o.seller_id LIMIT 1) l ON true`,
    [CHECKOUTS],
  );
  await c.query(`SET session_replication_role = origin`);
  await c.query(`ANALYZE`);
  await c.end();
}

const queues = { before: [], after: [] };
for (const side of ['before', 'after']) {
  const c = new pg.Client({ connectionString: urls[side] });
  await c.connect();
  queues[side] = (await c.query(`SELECT id FROM checkouts ORDER BY md5(id::text)`)).rows.map((r) => r.id);
  await c.end();
}
const pools = Object.fromEntries(Object.entries(urls).map(([k, url]) => [k, new pg.Pool({ connectionString: url, max: CLIENTS })]));
const PAY = `UPDATE orders SET status = 'paid', paid_at = now(), updated_at = now() WHERE checkout_id = $1 AND status = 'pending_payment'`;
const totals = { before: { n: 0, ms: 0, lat: [] }, after: { n: 0, ms: 0, lat: [] } };
async function round(side) {
  const deadline = Date.now() + ROUND_SECONDS * 1000;
  const started = Date.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await pools[side].connect();
      try {
        while (Date.now() < deadline && queues[side].length > 0) {
          const id = queues[side].pop();
          const t0 = performance.now();
          await client.query('BEGIN');
          await client.query({ name: 'pay', text: PAY, values: [id] });
          await client.query('COMMIT');
          totals[side].lat.push(performance.now() - t0);
          n++;
        }
      } finally {
        client.release();
      }
    }),
  );
  totals[side].n += n;
  totals[side].ms += Date.now() - started;
  return n / ((Date.now() - started) / 1000);
}
console.log(`A/B: ${CLIENTS} clients, ${ROUNDS} rounds of ${ROUND_SECONDS} s per side, alternating`);
for (let i = 0; i < ROUNDS; i++) {
  for (const side of i % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
    const tps = await round(side);
    console.log(`  round ${i + 1} ${side.padEnd(6)} ${tps.toFixed(0)} payments/s`);
  }
}
const pct = (a, p) => a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
for (const side of ['before', 'after']) {
  const t = totals[side];
  console.log(`${side.padEnd(6)}: ${(t.n / (t.ms / 1000)).toFixed(0)} paying transactions/s, p50 ${pct(t.lat, 0.5).toFixed(1)} ms, p99 ${pct(t.lat, 0.99).toFixed(1)} ms (${t.n} payments)`);
}
console.log(`after ÷ before: ${((totals.after.n / totals.after.ms) / (totals.before.n / totals.before.ms)).toFixed(2)} ×`);
// The "after" side left its work to the aggregator: fold it, and check both sides' rollups agree with a rebuild.
const c = new pg.Client({ connectionString: urls.after });
await c.connect();
// Where a batch's time goes (BENCH_PROFILE=1): each step of report_drain_locked on 5,000 pending rows, rolled back.
if (process.env.BENCH_PROFILE === '1') {
  await c.query('BEGIN');
  const { rows: [b] } = await c.query(
    `SELECT array_agg(order_id ORDER BY id) AS o, array_agg(at ORDER BY id) AS a, array_agg(sign::int ORDER BY id) AS s
       FROM (SELECT * FROM report_pending ORDER BY id LIMIT 5000) p`,
  );
  const step = async (name, sql, params) => {
    const t = performance.now();
    await c.query(sql, params);
    console.log(`  ${name.padEnd(48)} ${(performance.now() - t).toFixed(0)} ms`);
  };
  console.log('one batch of 5,000 orders, step by step:');
  await step('sums (report_apply_sales)', `SELECT report_apply_sales($1::uuid[], $2::timestamptz[], $3::int[])`, [b.o, b.a, b.s]);
  await step('activity (report_order_activity)', `SELECT count(*) FROM report_order_activity($1::uuid[], $2::timestamptz[])`, [b.o, b.a]);
  await step('counters + day bits (report_add_paid_orders)', `SELECT report_add_paid_orders($1::uuid[], $2::timestamptz[])`, [b.o, b.a]);
  await c.query('ROLLBACK');
}
const t0 = Date.now();
let applied = 0;
for (;;) {
  const { rows: [{ n }] } = await c.query(`SELECT report_apply_pending(5000, true) AS n`);
  applied += n;
  if (n < 5000) break;
}
console.log(`aggregator: ${applied} pending rows folded in ${Date.now() - t0} ms (${(applied / ((Date.now() - t0) / 1000)).toFixed(0)} rows/s, batches of 5,000)`);
await c.end();
for (const p of Object.values(pools)) await p.end();
await exit.finish(0);
