// bench/reports: synthetic sales history loaded straight into PostgreSQL
// (generate_series, no HTTP): 832 counties, two years (2024–2025), 20 farmers
// per county (30 % registered poor households), 300,000 buyers, orders of 1–4
// lines, 5 % partly refunded. For each size it rebuilds the rollups
// (npm run reports:rebuild does the same) and times over HTTP:
//   A  the all-county report for 2025            GET /api/reports/sales?groupBy=county
//   B  one province by month for 2025            GET /api/reports/sales?groupBy=month&regionCode=…
//   C  a programme summary (300 counties), 2025  GET /api/reports/programmes/:id/summary
// and, in the same run, the baseline: A's figures by a plain GROUP BY over
// orders ⋈ order_lines (sales, units, weight and the distinct counts; it
// leaves out refunds, so it is a lower bound for the plain way).
// Prints p50 of each, the ratio to the baseline and the growth between sizes,
// and writes bench/results/reports-<time>.json.
//
//   npm run bench:reports                       (embedded PostgreSQL under .data/bench-reports-pg)
//   BENCH_SIZES=1000000,10000000 BENCH_RUNS=11 npm run bench:reports   (the defaults)
//   DATABASE_URL=postgres://… npm run bench:reports
//   BENCH_SIZES=20000 BENCH_RUNS=3 npm run bench:reports   (quick: shows it runs, in a minute or two; not figures to quote)
//
// Last, "payment → report": BENCH_PAY_WORKERS (16) clients check out and pay in a loop while a probe
// checks out, pays, and at the 200 asks for its county's report for the current year until it shows
// the sale: the time from the 200 to that report and how many report calls it took (always 1: a
// report first applies what is pending), BENCH_PROBES (20) times.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { medianMs, signToken, startApi, startDatabase, stopOnExit, writeResults } from '../lib/harness.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const COUNTIES = 832;
const FARMERS_PER_COUNTY = 20;
const BUYERS = 300_000;
const DB_NAME = 'farmlink_bench_reports';
const ADMIN = { email: 'bench-reports-admin@farmlink.test', password: 'bench-reports-password-1' };

const exit = stopOnExit();
// The database is kept between runs: the people and listings are seeded once.
const pgServer = exit.add(await startDatabase(DB_NAME, { dataDir: '.data/bench-reports-pg', maxConnections: 100 }));
const dbUrl = pgServer.url;
if (pgServer.embedded) console.log(`embedded PostgreSQL on port ${pgServer.port}`);
const app = exit.add(
  await startApi(dbUrl, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, UPLOAD_DIR: '.data/bench-uploads' }),
);
const base = app.url;

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();
db.on('error', () => undefined);
const q = (sql, params) => db.query(sql, params);

// ---- the people, listings and the programme (once) ----
async function seedPeople() {
  const [{ n }] = (await q(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'bench-r-f-%'`)).rows;
  if (n === COUNTIES * FARMERS_PER_COUNTY) return;
  console.log('seeding farmers, buyers, listings and a programme…');
  await q(`SET session_replication_role = replica`);
  await q(
    `WITH f AS (
       INSERT INTO users (email, password_hash, display_name, role, county_code)
       SELECT 'bench-r-f-' || c.code || '-' || k || '@farmlink.test', 'x', '农户 ' || k, 'farmer', c.code
         FROM (SELECT code FROM regions WHERE level = 'county' ORDER BY md5(code) LIMIT $1) c CROSS JOIN generate_series(1, $2) k
       RETURNING id, email)
     INSERT INTO poverty_claims (farmer_id, status, claimed_at, decided_at)
     SELECT id, 'verified', now() - interval '1 day', now() - interval '1 day' FROM f WHERE substring(email from '-(\\d+)@')::int % 10 < 3`,
    [COUNTIES, FARMERS_PER_COUNTY],
  );
  await q(`INSERT INTO users (email, password_hash, display_name, role) SELECT 'bench-r-b-' || g || '@farmlink.test', 'x', '买家', 'buyer' FROM generate_series(1, $1) g`, [BUYERS]);
  await q(
    `INSERT INTO listings (farmer_id, county_code, title, category, unit, net_weight_grams, price_cents, stock)
     SELECT u.id, u.county_code, 'bench-r ' || k, (ARRAY['fruit','tea','grain','vegetables','herbs_fungi','processed','livestock','nuts_seeds'])[1 + (abs(hashtext(u.email)) + k) % 8],
            'box', 250 * (1 + (abs(hashtext(u.email)) + k) % 20), 500 + (abs(hashtext(u.email || k)) % 20000), 1000000
       FROM users u CROSS JOIN generate_series(0, 2) k WHERE u.email LIKE 'bench-r-f-%'`,
  );
  await q(`INSERT INTO programmes (id, name, start_date) VALUES ('00000000-0000-4000-8000-0000000be4c4', '电子商务进农村综合示范 (bench)', '2024-01-01') ON CONFLICT DO NOTHING`);
  await q(
    `INSERT INTO programme_counties (programme_id, county_code, enrolled_on)
     SELECT '00000000-0000-4000-8000-0000000be4c4', county_code, '2024-01-01' FROM (SELECT DISTINCT county_code FROM users WHERE email LIKE 'bench-r-f-%') c
      ORDER BY md5(county_code || 'p') LIMIT 300 ON CONFLICT DO NOTHING`,
  );
  await q(`SET session_replication_role = origin`);
}

// ---- the history: `lines` order lines over 2024–2025, replacing any earlier load ----
async function loadHistory(lines) {
  const orders = Math.round(lines / 2.5);
  const started = Date.now();
  await q(`SET session_replication_role = replica`); // bulk load: no FK checks, no rollup triggers (rebuilt below)
  await q(`TRUNCATE refunds, payments, order_history, order_lines, orders, checkouts CASCADE`);
  await q(`DROP TABLE IF EXISTS bf, bl, bb`);
  await q(
    `CREATE TEMP TABLE bf AS SELECT (row_number() OVER (ORDER BY email) - 1)::int AS i, id, county_code,
            EXISTS (SELECT 1 FROM poverty_claims pc WHERE pc.farmer_id = users.id AND pc.status = 'verified') AS poverty_registered
       FROM users WHERE email LIKE 'bench-r-f-%'`,
  );
  await q(`CREATE TEMP TABLE bb AS SELECT (row_number() OVER (ORDER BY email) - 1)::int AS i, id FROM users WHERE email LIKE 'bench-r-b-%'`);
  await q(
    `CREATE TEMP TABLE bl AS SELECT f.i * 3 + (row_number() OVER (PARTITION BY f.i ORDER BY l.id) - 1)::int AS i, l.id, l.category, l.net_weight_grams, l.price_cents, f.id AS farmer, f.county_code, f.poverty_registered
       FROM bf f JOIN listings l ON l.farmer_id = f.id`,
  );
  await q(`CREATE INDEX ON bf (i); CREATE INDEX ON bb (i); CREATE INDEX ON bl (i); ANALYZE bf; ANALYZE bb; ANALYZE bl`);
  const F = COUNTIES * FARMERS_PER_COUNTY;
  // o → farmer (o·7919 mod F), buyer (o·104729 mod B), 1 + o mod 4 lines, paid at a pseudo-random second of 2024–2025 (Shanghai).
  await q(
    `CREATE TEMP TABLE bo AS
     SELECT o, md5('o' || o)::uuid AS order_id, md5('c' || o)::uuid AS checkout_id, (o::bigint * 7919) % $2 AS f, (o::bigint * 104729) % $3 AS b,
            1 + o % 4 AS n, timestamptz '2024-01-01 00:00+08' + make_interval(secs => ((o::bigint * 2654435761) % (731 * 86400))::double precision) AS paid_at
       FROM generate_series(1, $1) o`,
    [orders, F, BUYERS],
  );
  await q(
    `INSERT INTO order_lines (order_id, position, listing_id, title, unit, category, net_weight_grams, unit_price_cents, quantity, line_total_cents, producer_id, producer_county_code, producer_poverty_registered)
     SELECT bo.order_id, k, l.id, 'bench', 'box', l.category, l.net_weight_grams, l.price_cents, 1 + (bo.o + k) % 5, l.price_cents * (1 + (bo.o + k) % 5), l.farmer, l.county_code, l.poverty_registered
       FROM bo CROSS JOIN LATERAL generate_series(1, bo.n) k JOIN bl l ON l.i = bo.f * 3 + (bo.o + k) % 3`,
  );
  await q(
    `CREATE TEMP TABLE bt AS SELECT order_id, sum(line_total_cents)::bigint AS total FROM order_lines GROUP BY order_id`,
  );
  await q(
    `INSERT INTO checkouts (id, buyer_id, idempotency_key, request_hash, total_cents, shipping_address, created_at)
     SELECT bo.checkout_id, bb.id, bo.o::text, 'x', bt.total, '{}'::jsonb, bo.paid_at FROM bo JOIN bb ON bb.i = bo.b JOIN bt ON bt.order_id = bo.order_id`,
  );
  await q(
    `INSERT INTO orders (id, checkout_id, buyer_id, seller_type, seller_id, county_code, status, total_cents, refunded_cents, shipping_address, placed_at, paid_at)
     SELECT bo.order_id, bo.checkout_id, bb.id, 'farmer', f.id, f.county_code, 'delivered', bt.total, CASE WHEN bo.o % 20 = 0 THEN bt.total / 3 ELSE 0 END, '{}'::jsonb, bo.paid_at, bo.paid_at
       FROM bo JOIN bb ON bb.i = bo.b JOIN bf f ON f.i = bo.f JOIN bt ON bt.order_id = bo.order_id`,
  );
  await q(
    `INSERT INTO payments (id, checkout_id, provider, status, amount_cents, succeeded_at)
     SELECT md5('p' || bo.o)::uuid, bo.checkout_id, 'simulated', 'succeeded', bt.total, bo.paid_at FROM bo JOIN bt ON bt.order_id = bo.order_id WHERE bo.o % 20 = 0`,
  );
  await q(
    `INSERT INTO refunds (order_id, payment_id, amount_cents, reason, status, source, created_at)
     SELECT bo.order_id, md5('p' || bo.o)::uuid, bt.total / 3, 'bench', 'succeeded', 'seller', bo.paid_at + interval '3 days'
       FROM bo JOIN bt ON bt.order_id = bo.order_id WHERE bo.o % 20 = 0 AND bt.total >= 3`,
  );
  await q(`DROP TABLE bo, bt`);
  await q(`SET session_replication_role = origin`);
  for (const t of ['orders', 'order_lines', 'refunds']) await q(`VACUUM ANALYZE ${t}`);
  const loaded = Date.now() - started;
  const t0 = Date.now();
  await q(`SELECT report_rebuild()`);
  for (const t of ['report_sales', 'report_actor_days', 'report_distinct_counts']) await q(`VACUUM ANALYZE ${t}`);
  const rebuilt = Date.now() - t0;
  const sizes = (
    await q(`SELECT (SELECT count(*) FROM order_lines)::int AS lines, (SELECT count(*) FROM orders)::int AS orders,
                    (SELECT count(*) FROM report_sales)::int AS "salesRows", (SELECT count(*) FROM report_sales WHERE grain = 'y' AND period = '2025-01-01')::int AS "salesRowsYear",
                    (SELECT count(*) FROM report_actor_days)::int AS "actorDayRows", (SELECT count(*) FROM report_distinct_counts)::int AS "counterRows"`)
  ).rows[0];
  console.log(
    `loaded ${sizes.lines.toLocaleString()} lines / ${sizes.orders.toLocaleString()} orders in ${(loaded / 1000).toFixed(1)} s; rollups rebuilt in ${(rebuilt / 1000).toFixed(1)} s ` +
      `(${sizes.salesRows.toLocaleString()} sums rows, ${sizes.salesRowsYear.toLocaleString()} of them for 2025 as a year; ${sizes.actorDayRows.toLocaleString()} id-day rows; ${sizes.counterRows.toLocaleString()} counter rows)`,
  );
  return { ...sizes, loadSeconds: loaded / 1000, rebuildSeconds: rebuilt / 1000 };
}

const p50 = (fn) => medianMs(fn, { runs: RUNS });

async function main() {
await seedPeople();
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
const { accessToken } = await login.json();
const auth = { Authorization: `Bearer ${accessToken}` };
const [{ province }] = (await q(`SELECT m.province_code AS province FROM report_county_map m JOIN (SELECT DISTINCT county_code FROM users WHERE email LIKE 'bench-r-f-%') c USING (county_code) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
const get = async (url) => {
  const res = await fetch(base + url, { headers: auth });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
};
const A = '/api/reports/sales?from=2025-01-01&to=2025-12-31&groupBy=county';
const B = `/api/reports/sales?from=2025-01-01&to=2025-12-31&groupBy=month&regionCode=${province}`;
const C = '/api/reports/programmes/00000000-0000-4000-8000-0000000be4c4/summary?year=2025';
const D = `/api/reports/sales?from=2025-03-15&to=2025-06-14&groupBy=county&regionCode=${province}`;
const BASELINE = `
  SELECT l.producer_county_code, sum(l.line_total_cents)::bigint, sum(l.quantity)::bigint, sum(l.quantity::bigint * l.net_weight_grams)::bigint,
         count(DISTINCT o.id), count(DISTINCT o.buyer_id), count(DISTINCT o.seller_id), count(DISTINCT l.producer_id),
         count(DISTINCT l.producer_id) FILTER (WHERE l.producer_poverty_registered)
    FROM orders o JOIN order_lines l ON l.order_id = o.id
   WHERE o.paid_at >= timestamptz '2025-01-01 00:00+08' AND o.paid_at < timestamptz '2026-01-01 00:00+08'
   GROUP BY 1`;

const results = [];
for (const size of SIZES) {
  console.log(`\n== ${size.toLocaleString()} order lines ==`);
  const data = await loadHistory(size);
  // Exactness at scale: every county row of A equals the plain GROUP BY (sales, units, weight, the five distinct counts).
  const report = await get(A);
  const plain = new Map((await q({ text: BASELINE, rowMode: 'array' })).rows.map((r) => [r[0], r.slice(1).map(String).join(' ')]));
  const mismatches = report.rows.filter(
    (r) => plain.get(r.key) !== [r.grossSalesCents, r.units, r.weightGrams, r.orders, r.buyers, r.sellers, r.producers, r.povertyHouseholds].join(' '),
  );
  if (mismatches.length > 0 || report.rows.length !== plain.size) throw new Error(`A differs from the plain GROUP BY in ${mismatches.length} of ${report.rows.length} rows (plain: ${plain.size})`);
  console.log(`A equals the plain GROUP BY in all ${report.rows.length} county rows`);
  const r = {
    size,
    ...data,
    allCountyYearMs: await p50(() => get(A)),
    provinceMonthlyMs: await p50(() => get(B)),
    programmeSummaryMs: await p50(() => get(C)),
    baselineGroupByMs: await p50(() => q(BASELINE)),
    // Not part of the goal: a range that is no calendar month or year takes the exact scan for its distinct counts.
    oddRangeProvinceMs: await p50(() => get(D)),
  };
  results.push(r);
  console.log(
    `p50  all-county year ${r.allCountyYearMs.toFixed(1)} ms | province by month ${r.provinceMonthlyMs.toFixed(1)} ms | programme summary ${r.programmeSummaryMs.toFixed(1)} ms | (D province, 15 Mar–14 Jun, scan ${r.oddRangeProvinceMs.toFixed(1)} ms) | baseline GROUP BY ${r.baselineGroupByMs.toFixed(1)} ms (all-county ÷ baseline = ${(r.allCountyYearMs / r.baselineGroupByMs).toFixed(2)})`,
  );
}
const freshness = await paymentToReport(q, base, auth);
if (results.length > 1) {
  const [a, b] = [results[0], results.at(-1)];
  console.log(`\ngrowth ${a.size.toLocaleString()} → ${b.size.toLocaleString()} lines:`);
  for (const k of ['allCountyYearMs', 'provinceMonthlyMs', 'programmeSummaryMs', 'oddRangeProvinceMs', 'baselineGroupByMs']) console.log(`  ${k.padEnd(20)} ×${(b[k] / a[k]).toFixed(2)}`);
}
const file = writeResults('reports', { runs: RUNS, province, results, freshness });
console.log(`\nwritten ${file}`);
}

/** Time from a payment's 200 to the first report that shows it, under a checkout + pay load. */
async function paymentToReport(q, base, auth) {
  const WORKERS = Number(process.env.BENCH_PAY_WORKERS ?? 16);
  const PROBES = Number(process.env.BENCH_PROBES ?? 20);
  const buyers = (await q(`SELECT id FROM users WHERE email LIKE 'bench-r-b-%' ORDER BY email LIMIT $1`, [WORKERS + 1])).rows.map((r) => r.id);
  const listings = (await q(`SELECT l.id, l.county_code AS county FROM listings l WHERE l.title LIKE 'bench-r %' AND l.stock > 1000 ORDER BY md5(l.id::text) LIMIT 50`)).rows;
  const tokenOf = (id) => ({ Authorization: `Bearer ${signToken(id, 'buyer')}` });
  const post = (url, headers, body) => fetch(base + url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const buy = async (headers, listing) => {
    const c = await post('/api/checkouts', { ...headers, 'Idempotency-Key': randomUUID() }, {
      items: [{ listingId: listing.id, quantity: 1 }],
      shippingAddress: { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号' },
    });
    if (c.status !== 201) throw new Error(`checkout ${c.status} ${await c.text()}`);
    const checkout = await c.json();
    const p = await post(`/api/payments/${checkout.payment.id}/simulate`, headers, { outcome: 'succeeded' });
    if (p.status !== 200) throw new Error(`pay ${p.status}`);
    return checkout.totalCents;
  };
  let running = true;
  let paid = 0;
  const load = buyers.slice(1).map(async (id, i) => {
    const headers = tokenOf(id);
    while (running) {
      await buy(headers, listings[(i * 7 + paid) % listings.length]);
      paid++;
    }
  });
  const probe = tokenOf(buyers[0]);
  const [{ today }] = (await q(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`)).rows;
  const year = today.slice(0, 4);
  const times = [];
  const calls = [];
  const started = Date.now();
  for (let i = 0; i < PROBES; i++) {
    const listing = listings[i % listings.length];
    const url = `/api/reports/sales?from=${year}-01-01&to=${year}-12-31&groupBy=county&regionCode=${listing.county.trim()}`;
    const gross = async () => (await (await fetch(base + url, { headers: auth })).json()).totals.grossSalesCents;
    const before = await gross();
    const amount = await buy(probe, listing);
    const t0 = performance.now();
    let n = 0;
    for (;;) {
      n++;
      if ((await gross()) >= before + amount) break;
      if (n > 1000) throw new Error('the payment never showed in the report');
    }
    times.push(performance.now() - t0);
    calls.push(n);
  }
  running = false;
  await Promise.all(load);
  const seconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  const out = { probes: PROBES, workers: WORKERS, paidPerSecond: paid / seconds, p50Ms: pct(50), p99Ms: pct(99), maxReportCalls: Math.max(...calls) };
  console.log(
    `\npayment 200 → report showing it (${WORKERS} clients checking out + paying, ${out.paidPerSecond.toFixed(0)}/s): p50 ${out.p50Ms.toFixed(1)} ms, p99 ${out.p99Ms.toFixed(1)} ms; report calls needed: at most ${out.maxReportCalls}`,
  );
  return out;
}

main().then(
  async () => {
    await db.end();
    await exit.finish(0);
  },
  async (err) => {
    console.error(err);
    await exit.finish(1);
  },
);
