#!/usr/bin/env node
// Prints what the shop's first load costs on the wire: the gzipped size of the JS and CSS
// that apps/web/dist/index.html loads up front (entry script, module preloads, stylesheets),
// then every lazy chunk. Exits 1 when the first load is over the budget (150 KB gzipped).
// Usage: npm run build:web && node bench/web-size.mjs [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
const indexFile = path.join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error('apps/web/dist/index.html is missing: run "npm run build:web" first');
  process.exit(2);
}

const html = readFileSync(indexFile, 'utf8');
const initial = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"[^>]*>/g)) initial.add(m[1].replace(/^\//, ''));

const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...initial].map((file) => ({ file, raw: readFileSync(path.join(dist, file)).length, gzip: gz(file) }));
const total = rows.reduce((n, r) => n + r.gzip, 0) + gzipSync(html).length;
const lazy = readdirSync(path.join(dist, 'assets'))
  .filter((f) => /\.(js|css)$/.test(f) && !initial.has(`assets/${f}`))
  .map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) }))
  .sort((a, b) => b.gzip - a.gzip);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ firstLoadGzipBytes: total, budgetBytes: BUDGET_BYTES, initial: rows, lazy }, null, 2));
} else {
  console.log('First load of the shop (gzipped):');
  for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(9)} gzip`);
  console.log(`  ${'index.html'.padEnd(44)} ${''.padStart(10)}      ${kb(gzipSync(html).length).padStart(9)} gzip`);
  console.log(`  ${'TOTAL'.padEnd(44)} ${''.padStart(10)}      ${kb(total).padStart(9)} gzip  (budget ${kb(BUDGET_BYTES)})`);
  console.log('Loaded on demand (route chunks, gzipped):');
  for (const r of lazy) console.log(`  ${r.file.padEnd(44)} ${kb(r.gzip).padStart(9)}`);
}
if (total > BUDGET_BYTES) {
  console.error(`first load ${kb(total)} is over the budget of ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
