// bench/checkout/ab.mjs: bench:checkout, this checkout against an earlier commit, in the same minutes.
// On the 2-core machine two runs a few minutes apart differ by ±15 % (pgbench too), so a change of a
// few per cent is judged from pairs run back to back, never from two runs an hour apart. The commit
// ("before") is checked out in a git worktree under the system's temp dir (kept for the next A/B),
// with this checkout's node_modules linked and its API built; it is given this checkout's bench scripts
// so both sides are measured alike. Then the sides alternate `bench/checkout/run.mjs`, BENCH_PAIRS times,
// and the table of pairs and the means are printed.
//
//   npx nest build api && node bench/checkout/ab.mjs <commit> [pairs]     (pairs default 3)
//   BENCH_SECONDS=15 (the default here) and the other bench:checkout settings apply to both sides.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib/harness.mjs';

const [ref, pairsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: node bench/checkout/ab.mjs <commit> [pairs]');
  process.exit(2);
}
const pairs = Number(pairsArg ?? process.env.BENCH_PAIRS ?? 3);
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const sha = git('rev-parse', '--verify', `${ref}^{commit}`);
const here = git('rev-parse', 'HEAD');
const before = join(tmpdir(), 'farmlink-ab', sha.slice(0, 12));

if (!existsSync(join(before, 'package.json'))) {
  mkdirSync(join(tmpdir(), 'farmlink-ab'), { recursive: true });
  console.log(`checking out ${sha.slice(0, 12)} in ${before}…`);
  git('worktree', 'add', '--detach', '--force', before, sha);
}
if (!existsSync(join(before, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(before, 'node_modules'));
console.log(`building ${sha.slice(0, 12)}…`);
execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', 'api'], { cwd: before, stdio: 'inherit' });
for (const file of ['bench/lib/harness.mjs', 'bench/checkout/run.mjs']) copyFileSync(join(ROOT, file), join(before, file));

/** One bench:checkout run in `dir`: its figures, parsed from the table it prints. */
function run(dir) {
  const res = spawnSync(process.execPath, ['bench/checkout/run.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BENCH_SECONDS: process.env.BENCH_SECONDS ?? '15' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = res.stdout.split('\n').map((l) => l.trim());
  const value = (label) => lines.find((l) => l.startsWith(label))?.slice(label.length).trim() ?? '';
  const num = (s) => Number(String(s).replace(/,/g, ''));
  const [pairP50, pairP99] = value('checkout + pay: p50 / p99 (ms, both requests)').split('/').map(num);
  const figures = {
    checkouts: num(value('checkouts/s')),
    p99: num(value('p99 latency (ms)')),
    paid: num(value('checkout + pay: paid checkouts/s')),
    pairP50,
    pairP99,
    errors: num(value('checkout + pay: errors')),
    pgbench: num(value('pgbench TPC-B tps (baseline)')),
    broken: num(value('listings where stock + sold ≠ initial')),
    // CPU (ms of one core, all processes) per unit of work: steadier than throughput when the machine's speed moves.
    cpuCheckout: num(/= ([\d.,]+)/.exec(value('CPU ms per checkout'))?.[1] ?? NaN),
    cpuPaid: num(/= ([\d.,]+)/.exec(value('CPU ms per paid checkout'))?.[1] ?? NaN),
    cpuTpcb: num(/= ([\d.,]+)/.exec(value('CPU ms per TPC-B transaction'))?.[1] ?? NaN),
  };
  if (res.status !== 0 || Number.isNaN(figures.checkouts)) {
    console.error(res.stdout.slice(-2000), res.stderr.slice(-2000));
    throw new Error(`bench:checkout failed in ${dir}`);
  }
  return figures;
}

const rows = [];
for (let i = 1; i <= pairs; i++) {
  const a = run(before);
  const b = run(ROOT);
  rows.push([a, b]);
  console.log(
    `pair ${i}: checkouts/s ${a.checkouts} → ${b.checkouts}, paid checkouts/s ${a.paid} → ${b.paid}, ` +
      `pair p99 ${a.pairP99} → ${b.pairP99} ms, CPU ms per paid checkout ${a.cpuPaid} → ${b.cpuPaid}, pgbench ${a.pgbench} / ${b.pgbench}`,
  );
}

const mean = (side, key) => rows.reduce((s, r) => s + r[side][key], 0) / rows.length;
const change = (key) => `${(100 * (mean(1, key) / mean(0, key) - 1)).toFixed(1)} %`;
console.log(`\nbench:checkout A/B, before = ${sha.slice(0, 12)}, after = ${here.slice(0, 12)} and the working tree, BENCH_SECONDS=${process.env.BENCH_SECONDS ?? 15}\n`);
console.log('| pair | before: checkouts/s | after | before: paid checkouts/s | after | checkout p99 ms (before / after) | pair p99 ms (before / after) | CPU ms per checkout (before / after) | CPU ms per paid checkout (before / after) | pgbench tps (before / after) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach(([a, b], i) =>
  console.log(
    `| ${i + 1} | ${a.checkouts} | ${b.checkouts} | ${a.paid} | ${b.paid} | ${a.p99} / ${b.p99} | ${a.pairP99} / ${b.pairP99} | ` +
      `${a.cpuCheckout} / ${b.cpuCheckout} | ${a.cpuPaid} / ${b.cpuPaid} | ${a.pgbench} / ${b.pgbench} |`,
  ),
);
const m = (side, key, digits = 0) => mean(side, key).toFixed(digits);
console.log(
  `| mean | ${m(0, 'checkouts')} | ${m(1, 'checkouts')} | ${m(0, 'paid')} | ${m(1, 'paid')} | ${m(0, 'p99')} / ${m(1, 'p99')} | ${m(0, 'pairP99')} / ${m(1, 'pairP99')} | ` +
    `${m(0, 'cpuCheckout', 2)} / ${m(1, 'cpuCheckout', 2)} | ${m(0, 'cpuPaid', 2)} / ${m(1, 'cpuPaid', 2)} | ${m(0, 'pgbench')} / ${m(1, 'pgbench')} |`,
);
console.log(
  `\nafter ÷ before: checkouts ${change('checkouts')}, paid checkouts ${change('paid')}; ` +
    `CPU per checkout ${change('cpuCheckout')}, per paid checkout ${change('cpuPaid')}`,
);
const bad = rows.flat().filter((r) => r.errors > 0 || r.broken > 0);
if (bad.length > 0) {
  console.error(`${bad.length} run(s) with errors or a broken stock invariant`);
  process.exit(1);
}
console.log(`(the worktree stays for the next A/B: git worktree remove --force ${before})`);
