// bench/catalog: 100,000 listings across 800 counties; autocannon (50
// connections, 20 s each) on a filtered page (category + regionCode, page 3),
// a Chinese keyword search and one listing by id, against GET /api/health of
// the same app as the baseline. Prints req/s, p50, p99 and the ratio to the
// baseline, and writes bench/results/catalog-<time>.json.
//
//   npm run bench:catalog                 (embedded PostgreSQL under .data/bench-catalog-pg)
//   DATABASE_URL=postgres://… npm run bench:catalog   (uses database farmlink_bench_catalog on that server)
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=50 BENCH_LISTINGS=100000 …   (the defaults)
//   BENCH_SECONDS=2 BENCH_LISTINGS=5000 npm run bench:catalog   (quick: shows it runs; not figures to quote)
import autocannon from 'autocannon';
import pg from 'pg';
import { startApi, startDatabase, stopOnExit, writeResults } from '../lib/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const COUNTY_COUNT = 800;
const DB_NAME = 'farmlink_bench_catalog';

const exit = stopOnExit();
// ---- database (kept between runs, with what was seeded) ----
const db = exit.add(await startDatabase(DB_NAME, { dataDir: '.data/bench-catalog-pg', maxConnections: 200 }));
const dbUrl = db.url;
console.log(db.embedded ? `embedded PostgreSQL on port ${db.port}` : `PostgreSQL from DATABASE_URL (${new URL(db.url).host}), database ${DB_NAME}`);

// ---- the app, in its own process (it applies the migrations) ----
const app = exit.add(await startApi(dbUrl, { DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20', UPLOAD_DIR: '.data/bench-uploads' }));
const base = app.url;

// ---- seed (once; reused on the next run) ----
const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
const { rows: [{ n: existing }] } = await client.query(`SELECT count(*)::int AS n FROM listings WHERE title LIKE 'bench:%'`);
if (existing < LISTINGS) {
  console.log(`seeding ${LISTINGS.toLocaleString()} listings across ${COUNTY_COUNT} counties…`);
  const started = Date.now();
  await client.query(`DELETE FROM listings WHERE title LIKE 'bench:%'`);
  await client.query(`DELETE FROM users WHERE email LIKE 'bench-catalog-%'`);
  // Every Guizhou county, then others in a fixed pseudo-random order: 800 in all, two farmers each.
  await client.query(
    `INSERT INTO users (email, password_hash, display_name, role, county_code, poverty_registered)
     SELECT 'bench-catalog-' || c.code || '-' || k || '@farmlink.test', 'x', '农户 ' || c.code || '-' || k, 'farmer', c.code, k = 1
       FROM (SELECT code FROM regions WHERE level = 'county' ORDER BY (code LIKE '52%') DESC, md5(code) LIMIT $1) c
       CROSS JOIN generate_series(1, 2) k`,
    [COUNTY_COUNT],
  );
  await client.query(
    `WITH f AS (SELECT id, county_code, row_number() OVER (ORDER BY email) - 1 AS i FROM users WHERE email LIKE 'bench-catalog-%'),
          n AS (SELECT count(*) AS total FROM f),
          words AS (SELECT ARRAY['猕猴桃','方竹笋','红心火龙果','高山云雾茶','土鸡蛋','香禾糯','天麻','核桃','蜂蜜','腊肉','小米','苹果','脐橙','花椒','木耳','香菇','黑猪肉','土豆','玉米','银耳'] AS w),
          cats AS (SELECT ARRAY['fruit','vegetables','fruit','tea','eggs_dairy','grain','herbs_fungi','nuts_seeds','processed','livestock','grain','fruit','fruit','processed','herbs_fungi','herbs_fungi','livestock','vegetables','grain','processed'] AS c)
     INSERT INTO listings (farmer_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock, created_at, updated_at)
     SELECT f.id, f.county_code,
            'bench: ' || words.w[1 + g % 20] || ' ' || g,
            '产地直发 ' || words.w[1 + (g / 20) % 20] || ' 农家自产，新鲜采摘',
            cats.c[1 + g % 20],
            (ARRAY['box','bag','kg','jin','piece'])[1 + g % 5],
            250 + (g % 40) * 250,
            500 + (g::bigint * 7919) % 20000,
            (g * 31) % 200,
            now() - make_interval(secs => g),
            now()
       FROM generate_series(1, $1::int) g
       CROSS JOIN n CROSS JOIN words CROSS JOIN cats
       JOIN f ON f.i = (g::bigint * 104729) % n.total`,
    [LISTINGS],
  );
  await client.query(`UPDATE listings SET status = 'paused' WHERE title LIKE 'bench:%' AND right(title, 2) = '37'`);
  await client.query('VACUUM ANALYZE listings');
  await client.query('VACUUM ANALYZE users');
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const { rows: [{ id: oneId }] } = await client.query(
  `SELECT id FROM listings WHERE title LIKE 'bench:%' AND status = 'active' ORDER BY id LIMIT 1 OFFSET 500`,
);
const { rows: [{ n: total }] } = await client.query(`SELECT count(*)::int AS n FROM listings`);
await client.end();

// ---- measure ----
const scenarios = [
  { name: 'baseline GET /api/health', path: '/api/health' },
  { name: 'filtered page (category=fruit, regionCode=520000, page 3)', path: '/api/listings?category=fruit&regionCode=520000&page=3' },
  { name: 'keyword search (q=猕猴桃)', path: `/api/listings?q=${encodeURIComponent('猕猴桃')}` },
  { name: 'one listing by id', path: `/api/listings/${oneId}` },
];

function run(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

console.log(`${total.toLocaleString()} listings; ${CONNECTIONS} connections, ${SECONDS} s per scenario (after a 3 s warm-up)\n`);
const results = [];
for (const s of scenarios) {
  const check = await fetch(base + s.path);
  const body = await check.json();
  if (!check.ok) throw new Error(`${s.path} answered ${check.status}: ${JSON.stringify(body)}`);
  const detail = Array.isArray(body.items) ? ` (${body.items.length} items of ${body.total})` : '';
  await run(base + s.path, 3);
  const r = await run(base + s.path, SECONDS);
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  results.push({ name: s.name, path: s.path, detail, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors });
  console.log(`  ${s.name}${detail}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${errors ? `, ${errors} errors` : ''}`);
}

const baseline = results[0].rps;
console.log('\n| scenario | req/s | p50 ms | p99 ms | vs baseline |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(2)} |`);
}
const filtered = results[1];
console.log(
  `\ngoal (filtered page ≥ 3,000 req/s, p99 ≤ 50 ms): ${filtered.rps >= 3000 && filtered.p99 <= 50 ? 'met' : 'NOT met'}`,
);
const out = writeResults('catalog', { listings: total, connections: CONNECTIONS, seconds: SECONDS, results });
console.log(`results: ${out}`);
await exit.finish(0);
