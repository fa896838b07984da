import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A migration that has landed is never edited: a database that already ran it
 * would never see the change (../shared/DESIGN.md, "Migrations"). Every landed
 * migration's SHA-256 is recorded in libs/database/src/migrations/checksums.json
 * (by `npm run migrations:checksums`); this test fails when one of them changes
 * or disappears. It works on a clean clone, without git history.
 */
const DIR = path.resolve(__dirname, '../libs/database/src/migrations');
const HOW_TO = `
A landed migration must not change. To change the schema or the report SQL:
  1. restore the edited migration:   git checkout main -- libs/database/src/migrations/<file>
  2. add a NEW migration with the next free number (libs/database/src/migrations/<number>-<name>.ts),
     register it in libs/database/src/migrations/index.ts;
     report functions: edit libs/reports/src/sql/*.sql and call loadReportSql(q) from the new migration;
  3. once it has landed, record it:  npm run migrations:checksums`;

const checksum = (text: string) => createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');

describe('landed migrations are never edited', () => {
  const manifest: Record<string, string> = JSON.parse(fs.readFileSync(path.join(DIR, 'checksums.json'), 'utf8'));
  const files = fs.readdirSync(DIR).filter((f) => /^\d{13}-[a-z0-9-]+\.ts$/.test(f));

  it('records at least the migrations up to the report aggregator', () => {
    expect(Object.keys(manifest)).toContain('1780000000064-report-aggregator.ts');
  });

  it.each(Object.keys(manifest))('%s is unchanged', (file) => {
    const full = path.join(DIR, file);
    if (!fs.existsSync(full)) throw new Error(`${file} was deleted.${HOW_TO}`);
    const sum = checksum(fs.readFileSync(full, 'utf8'));
    if (sum !== manifest[file]) throw new Error(`${file} was edited after it landed (checksum ${sum.slice(0, 12)}…, recorded ${manifest[file].slice(0, 12)}…).${HOW_TO}`);
  });

  it('every migration registered in index.ts exists', () => {
    const index = fs.readFileSync(path.join(DIR, 'index.ts'), 'utf8');
    for (const m of index.matchAll(/from '\.\/(\d{13}-[a-z0-9-]+)'/g)) expect(files).toContain(`${m[1]}.ts`);
  });

  it('lists the migrations not recorded yet (new ones: record them once they land)', () => {
    const fresh = files.filter((f) => !manifest[f]);
    if (fresh.length > 0) console.info(`Not in checksums.json yet: ${fresh.join(', ')} — run \`npm run migrations:checksums\` when they land.`);
    expect(Array.isArray(fresh)).toBe(true);
  });
});
