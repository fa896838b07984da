#!/usr/bin/env node
// Builds apps/web into apps/web/dist unless the build is newer than every source file.
// Used by `npm test` (pretest) and the browser specs, so they always serve the current app.
// Jest runs spec files in parallel workers: a lock folder makes the others wait for one build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(webDir, '../..');
const built = path.join(webDir, 'dist', 'index.html');
const lock = path.join(webDir, '.build-lock');

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

function upToDate() {
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(webDir, p));
  sources.push(path.join(root, 'libs/shared/src'));
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest));
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const force = process.argv.includes('--force');
if (!force && upToDate()) {
  console.log('[web] apps/web/dist is up to date');
  process.exit(0);
}

const deadline = Date.now() + 180_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    // A lock older than 3 minutes was left by a killed build.
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`[web] gave up waiting for ${lock}`);
    sleep(250);
  }
}
try {
  if (!force && upToDate()) {
    console.log('[web] apps/web/dist was just built');
  } else {
    console.log('[web] building apps/web …');
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: webDir,
      stdio: 'inherit',
      // Jest sets NODE_ENV=test, which would give React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
