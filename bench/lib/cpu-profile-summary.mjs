// Summarises a V8 CPU profile (.cpuprofile, from BENCH_CPU_PROF=1): self time by function and by
// package, so "where does the API's CPU go" fits on one screen.
//
//   node bench/lib/cpu-profile-summary.mjs bench/results/CPU.….cpuprofile [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/lib/cpu-profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const total = profile.samples.length;

/** node_modules package, the app's own lib, node internals, or V8's pseudo-frames. */
function owner(url) {
  if (!url) return '(v8/native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const app = /dist\/(apps|libs)\/([^/]+)/.exec(url);
  return app ? `${app[1]}/${app[2]}` : url;
}

const byFunction = new Map();
const byOwner = new Map();
for (const [id, count] of selfSamples) {
  const { callFrame } = byId.get(id);
  const name = `${callFrame.functionName || '(anonymous)'}  ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, '')}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  const o = owner(callFrame.url);
  byOwner.set(o, (byOwner.get(o) ?? 0) + count);
}
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
const idle = [...selfSamples].filter(([id]) => byId.get(id).callFrame.functionName === '(idle)').reduce((a, [, c]) => a + c, 0);
console.log(`${total} samples, ${pct(idle).trim()} idle\n\nself time by package:`);
for (const [o, c] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(c)}  ${o}`);
console.log('\nself time by function:');
for (const [f, c] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(c)}  ${f}`);
