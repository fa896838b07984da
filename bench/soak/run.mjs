// bench/soak: a mixed load — browse 80 %, checkout and pay 15 %, reports 5 % —
// for 10 minutes (BENCH_SECONDS), printing throughput, p99 and the API's memory
// every 30 s. Memory must level off, not grow.
//
//   npm run bench:soak                  (embedded PostgreSQL, 600 s)
//   BENCH_SECONDS=120 BENCH_WORKERS=32 npm run bench:soak
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { fmt, signToken, startApi, startDatabase } from '../lib/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 32);
const INTERVAL = Number(process.env.BENCH_INTERVAL ?? 30);
const COUNTIES = ['520322', '520324', '522634', '410225', '130131', '513431', '622927', '653223'];

const db = await startDatabase('farmlink_bench_soak');
const api = await startApi(db.url, { DB_POOL_SIZE: '20' });
const client = new pg.Client({ connectionString: db.url });
await client.connect();

const hash = '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000';
const farmers = (await client.query(
  `WITH f AS (
     INSERT INTO users (email, password_hash, display_name, role, county_code)
     SELECT 'soak-farmer-' || g || '@farmlink.test', $1, '农户 ' || g, 'farmer', ($2::text[])[1 + g % 8]
       FROM generate_series(1, 300) g RETURNING id, email),
   poor AS (
     INSERT INTO poverty_claims (farmer_id, status, claimed_at, decided_at)
     SELECT id, 'verified', now() - interval '1 day', now() - interval '1 day' FROM f WHERE substring(email from '-(\\d+)@')::int % 3 = 0)
   SELECT id FROM f`, [hash, COUNTIES])).rows.map((r) => r.id);
const categories = ['grain', 'vegetables', 'fruit', 'tea', 'herbs_fungi'];
const listings = (await client.query(
  `INSERT INTO listings (farmer_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock)
   SELECT f.id, u.county_code, (ARRAY['猕猴桃','大米','绿茶','香菇','土豆','核桃'])[1 + g % 6] || ' ' || g, '农家自产', ($2::text[])[1 + g % 5], 'box', 2500, 500 + (g % 90) * 31, 100000000
     FROM generate_series(1, 5000) g
     JOIN LATERAL (SELECT ($1::uuid[])[1 + g % 300] AS id) f ON true JOIN users u ON u.id = f.id
   RETURNING id`, [farmers, categories])).rows.map((r) => r.id);
const buyers = (await client.query(
  `INSERT INTO users (email, password_hash, display_name, role) SELECT 'soak-buyer-' || g || '@farmlink.test', $1, 'b', 'buyer' FROM generate_series(1, 200) g RETURNING id`, [hash])).rows.map((r) => r.id);
const [officer] = (await client.query(`INSERT INTO users (email, password_hash, display_name, role) VALUES ('soak-officer@farmlink.test', $1, 'o', 'officer') RETURNING id`, [hash])).rows;
await client.end();

const buyerTokens = buyers.map((id) => `Bearer ${signToken(id, 'buyer')}`);
const officerToken = `Bearer ${signToken(officer.id, 'officer')}`;
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const year = new Date().getFullYear();

async function call(kind, path, init = {}) {
  const started = performance.now();
  const res = await fetch(api.url + path, init);
  await res.arrayBuffer();
  record(kind, performance.now() - started, res.status);
  return res;
}

async function browse() {
  if (Math.random() < 0.5) await call('browse', `/api/listings?category=${pick(categories)}&regionCode=520000&page=${1 + Math.floor(Math.random() * 3)}`);
  else if (Math.random() < 0.5) await call('browse', `/api/listings?q=${encodeURIComponent(pick(['猕猴桃', '大米', '香菇']))}`);
  else await call('browse', `/api/listings/${pick(listings)}`);
}


async function buyAndPay() {
  const auth = pick(buyerTokens);
  const started = performance.now();
  const res = await fetch(api.url + '/api/checkouts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: [{ listingId: pick(listings), quantity: 1 + Math.floor(Math.random() * 3) }], shippingAddress: { name: 'a', phone: '13800000000', countyCode: '110105', line1: 'x' } }),
  });
  const body = await res.json();
  record('checkout', performance.now() - started, res.status);
  if (res.status === 201) {
    await call('pay', `/api/payments/${body.payment.id}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: '{"outcome":"succeeded"}' });
  }
}

async function report() {
  const groupBy = pick(['county', 'province', 'month', 'category']);
  await call('report', `/api/reports/sales?from=${year}-01-01&to=${year}-12-31&groupBy=${groupBy}`, { headers: { authorization: officerToken } });
}

let window = new Map();
const errors = new Map();
function record(kind, ms, status) {
  let w = window.get(kind);
  if (!w) window.set(kind, (w = []));
  w.push(ms);
  if (status >= 500 || (status >= 400 && status !== 409)) errors.set(`${kind} ${status}`, (errors.get(`${kind} ${status}`) ?? 0) + 1);
}

function rssMiB() {
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const deadline = Date.now() + SECONDS * 1000;
async function worker() {
  while (Date.now() < deadline) {
    const r = Math.random();
    try {
      if (r < 0.8) await browse();
      else if (r < 0.95) await buyAndPay();
      else await report();
    } catch (err) {
      errors.set(`network ${err.code ?? err.message}`, (errors.get(`network ${err.code ?? err.message}`) ?? 0) + 1);
    }
  }
}

console.log(`soak: ${WORKERS} workers for ${SECONDS} s — browse 80 %, checkout+pay 15 %, reports 5 %`);
console.log('  t(s)   req/s   p99 browse  p99 checkout  p99 report   RSS MiB');
const samples = [];
const timer = setInterval(() => {
  const all = [...window.values()].flat();
  const p99 = (k) => {
    const a = (window.get(k) ?? []).slice().sort((x, y) => x - y);
    return a.length ? a[Math.floor(a.length * 0.99)] : NaN;
  };
  const row = { t: Math.round((SECONDS * 1000 - (deadline - Date.now())) / 1000), rps: all.length / INTERVAL, browse: p99('browse'), checkout: p99('checkout'), report: p99('report'), rss: rssMiB() };
  samples.push(row);
  console.log(`  ${String(row.t).padStart(4)} ${fmt(row.rps).padStart(7)} ${fmt(row.browse, 1).padStart(12)} ${fmt(row.checkout, 1).padStart(13)} ${fmt(row.report, 1).padStart(11)} ${fmt(row.rss, 0).padStart(9)}`);
  window = new Map();
}, INTERVAL * 1000);

await Promise.all(Array.from({ length: WORKERS }, worker));
clearInterval(timer);
await api.stop();
await db.stop();

const half = samples.slice(Math.floor(samples.length / 2));
const growth = half.length > 1 ? half[half.length - 1].rss - half[0].rss : 0;
console.log(`\nthroughput (mean) ${fmt(samples.reduce((a, s) => a + s.rps, 0) / Math.max(1, samples.length))} req/s; RSS ${fmt(samples[0]?.rss ?? 0)} → ${fmt(samples.at(-1)?.rss ?? 0)} MiB (second half: ${growth >= 0 ? '+' : ''}${fmt(growth, 1)} MiB)`);
console.log('errors:', errors.size ? Object.fromEntries(errors) : 'none');
