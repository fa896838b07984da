#!/usr/bin/env node
/**
 * `npm run migrations:checksums`: records the SHA-256 of every migration file in
 * libs/database/src/migrations/checksums.json. Run it once when a new migration
 * lands; test/migrations-immutable.spec.ts then fails if a recorded migration
 * is ever edited (a database that already ran it would never see the change).
 * Existing entries are never rewritten: a changed file is reported, not re-recorded.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/migrations');
const manifestPath = path.join(dir, 'checksums.json');
const isMigration = (f) => /^\d{13}-[a-z0-9-]+\.ts$/.test(f);
export const checksum = (text) => createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');

const manifest = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : {};
const changed = [];
for (const f of fs.readdirSync(dir).filter(isMigration).sort()) {
  const sum = checksum(fs.readFileSync(path.join(dir, f), 'utf8'));
  if (!manifest[f]) manifest[f] = sum;
  else if (manifest[f] !== sum) changed.push(f);
}
const sorted = Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]]));
fs.writeFileSync(manifestPath, JSON.stringify(sorted, null, 2) + '\n');
if (changed.length > 0) {
  console.error(`These landed migrations were edited (their checksum is NOT updated): ${changed.join(', ')}.\n` +
    'Restore them (git checkout main -- <file>) and put the change in a new migration.');
  process.exit(1);
}
console.log(`checksums.json: ${Object.keys(sorted).length} migrations recorded`);
