// bench/slow-network.mjs: the shop's front page on a slow rural connection (#16 item 14).
// Chromium (playwright-core, /usr/bin/chromium) on a 360×740 phone in zh-CN, the cache
// disabled, throttled through CDP Network.emulateNetworkConditions: 2 s round trip,
// 50 KB/s down and up ("slow 3G"). It opens the shop's front page as the API serves it
// (the first page of listings already in the HTML) and, as the baseline, `/?prerender=0`
// (the empty HTML shell: listings appear once the JavaScript has run and fetched them),
// and prints first contentful paint and the time until the first listing's title and
// price are on screen (median of BENCH_RUNS loads each), with the bytes transferred.
// Writes bench/results/slow-network-<time>.json.
//
//   npm run bench:slow-web                 (builds the API and, when stale, the web app)
//   BENCH_RUNS=5 BENCH_LATENCY_MS=2000 BENCH_KBPS=50 npm run bench:slow-web
//   CHROMIUM_PATH=/path/to/chromium …
//
// Target: title and price visible in ≤ 3.5 s on this profile.
import { get as httpGet } from 'node:http';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { signToken, startApi, startDatabase, stopOnExit, writeResults } from './lib/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 2000);
const KBPS = Number(process.env.BENCH_KBPS ?? 50);
const LISTINGS = 30;
const WITH_PHOTOS = 8;
const TARGET_MS = 3500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const exit = stopOnExit();
const db = exit.add(await startDatabase('farmlink_bench_slow_web'));
const app = exit.add(await startApi(db.url, { UPLOAD_DIR: '.data/bench-slow-web-uploads' }));
const base = app.url;
if (!(await fetch(`${base}/`).then((r) => r.text())).includes('<div id="root">')) {
  throw new Error('the API does not serve the web app: run "npm run build:web" first');
}

// ---- seed: one farmer in 桐梓县, 30 listings, the 8 newest with a photo ----
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const {
  rows: [{ id: farmerId }],
} = await client.query(
  `INSERT INTO users (email, password_hash, display_name, role, county_code)
   VALUES ('bench-slow-web-farmer@farmlink.test', 'x', '王芳', 'farmer', '520322') RETURNING id`,
);
await client.end();
const auth = { Authorization: `Bearer ${signToken(farmerId, 'farmer')}` };
const sharp = (await import('sharp')).default;
const words = ['桐梓红心猕猴桃', '雷山银球茶', '高山土鸡蛋', '从江香禾糯', '大方天麻', '赫章核桃', '黔东南蜂蜜', '威宁苹果', '水城小黄姜', '湄潭翠芽'];
let first;
for (let i = 0; i < LISTINGS; i++) {
  const body = {
    title: `${words[i % words.length]} ${2 + (i % 5)}斤装 #${i + 1}`,
    description: '产地直发，农家自产，新鲜采摘。'.repeat(8),
    category: 'fruit',
    unit: '箱',
    netWeightGrams: 2500,
    priceCents: 3900 + i * 37,
    stock: 50 + i,
  };
  const res = await fetch(`${base}/api/listings`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/listings answered ${res.status}: ${await res.text()}`);
  const listing = await res.json();
  if (i >= LISTINGS - WITH_PHOTOS) {
    const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 60 + i * 5, g: 140, b: 70 } } })
      .composite([{ input: Buffer.from(`<svg width="1200" height="900"><circle cx="600" cy="450" r="${200 + i * 5}" fill="rgb(240,200,60)"/></svg>`) }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
    const up = await fetch(`${base}/api/listings/${listing.id}/photos`, { method: 'POST', headers: auth, body: form });
    if (up.status !== 201) throw new Error(`photo upload answered ${up.status}: ${await up.text()}`);
  }
}
{
  const page = await (await fetch(`${base}/api/listings?page=1&pageSize=24&sort=newest`)).json();
  first = page.items[0];
}
const price = `¥${(first.priceCents / 100).toFixed(2)}`;

/** Bytes on the wire for `path` with `encoding` (node:http: nothing decoded). */
function wireBytes(path, encoding) {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${base}${path}`, { headers: { 'Accept-Encoding': encoding, 'Accept-Language': 'zh-CN' } }, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length));
      res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'identity' }));
    });
    req.on('error', reject);
  });
}
const wire = {};
for (const path of ['/api/listings?page=1&pageSize=24&sort=newest', '/', '/?prerender=0']) {
  wire[path] = {};
  for (const enc of ['identity', 'gzip', 'br']) wire[path][enc] = (await wireBytes(path, enc)).bytes;
  console.log(`GET ${path}: ${wire[path].identity} B plain, ${wire[path].gzip} B gzip, ${wire[path].br} B brotli`);
}
console.log(`${LISTINGS} listings (${WITH_PHOTOS} with a photo); first on the front page: "${first.title}" at ${price}`);

// ---- Chromium on a throttled connection ----
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
exit.add({ stop: () => browser.close() });

/** In the page from its first moment: FCP, LCP, and when the first card shows the title and the price. */
function observe({ title, price }) {
  const w = window;
  w.__slow = { fcp: null, lcp: null, titleAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__slow.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__slow.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const visible = (el) => {
    if (!el || !el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
  };
  const check = () => {
    const card = document.querySelector('.listing-card');
    const t = card?.querySelector('.listing-card__title');
    const p = card?.querySelector('.listing-card__price');
    if (t && p && t.textContent.trim() === title && p.textContent.includes(price) && visible(t) && visible(p)) {
      w.__slow.titleAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function load(path) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(observe, { title: first.title, price });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: KBPS * 1024,
    uploadThroughput: KBPS * 1024,
  });
  // Bytes on the wire (compressed) per kind of request, until the title shows.
  const requests = new Map();
  let bytes = 0;
  const byKind = {};
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, e.type ?? 'Other'));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const kind = requests.get(e.requestId) ?? 'Other';
    byKind[kind] = (byKind[kind] ?? 0) + e.encodedDataLength;
  });
  await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => window.__slow?.titleAt !== null && window.__slow?.fcp !== null, null, { timeout: 120_000, polling: 100 });
  const m = await page.evaluate(() => ({ ...window.__slow, htmlAt: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null }));
  const kb = Math.round(bytes / 102.4) / 10;
  await context.close();
  // The check runs just before a frame is painted: nothing is on screen before the first contentful paint.
  return { fcp: Math.round(m.fcp), lcp: m.lcp === null ? null : Math.round(m.lcp), titleAt: Math.round(Math.max(m.titleAt, m.fcp)), htmlAt: Math.round(m.htmlAt ?? 0), kb, byKind };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scenarios = [
  { name: 'prerendered front page (GET /)', path: '/' },
  { name: 'baseline: empty shell (GET /?prerender=0)', path: '/?prerender=0' },
];
console.log(`Chromium, 360×740, zh-CN, cache disabled; ${LATENCY_MS} ms latency, ${KBPS} KB/s down and up; ${RUNS} loads each (median)\n`);
const results = [];
for (const s of scenarios) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(s.path));
  const r = {
    name: s.name,
    path: s.path,
    fcpMs: median(runs.map((x) => x.fcp)),
    lcpMs: median(runs.map((x) => x.lcp ?? 0)),
    titleAndPriceMs: median(runs.map((x) => x.titleAt)),
    htmlReceivedMs: median(runs.map((x) => x.htmlAt)),
    transferredKb: median(runs.map((x) => x.kb)),
    runs,
  };
  results.push(r);
  console.log(
    `  ${s.name}: HTML received ${r.htmlReceivedMs} ms, FCP ${r.fcpMs} ms, first title and price ${r.titleAndPriceMs} ms, LCP ${r.lcpMs} ms, ${r.transferredKb} KB transferred by then` +
      ` (each load: ${runs.map((x) => x.titleAt).join(', ')} ms)`,
  );
}
console.log('\n| page | HTML received | first contentful paint | first listing title + price visible | transferred by then |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.name} | ${(r.htmlReceivedMs / 1000).toFixed(2)} s | ${(r.fcpMs / 1000).toFixed(2)} s | ${(r.titleAndPriceMs / 1000).toFixed(2)} s | ${r.transferredKb} KB |`);
}
const met = results[0].titleAndPriceMs <= TARGET_MS;
console.log(`\ntarget (title and price visible ≤ ${TARGET_MS / 1000} s with the prerendered page): ${met ? 'met' : 'NOT met'}`);
const out = writeResults('slow-network', { wireBytes: wire, latencyMs: LATENCY_MS, kbps: KBPS, runs: RUNS, listings: LISTINGS, results });
console.log(`results: ${out}`);
await exit.finish(0);
