import * as fs from 'node:fs';
import * as path from 'node:path';
import type { QueryRunner } from 'typeorm';

/**
 * Where the reports' SQL lives: libs/reports/src/sql/*.sql. Found beside the
 * compiled migrations (dist/apps/api/libs/reports/src/sql, copied there by the
 * nest-cli `assets` rule) or in the source tree (ts-jest, ts-node, the CLI).
 */
export function reportSqlDir(): string {
  const candidates = [
    path.resolve(__dirname, '../../../reports/src/sql'),
    path.resolve(process.cwd(), 'libs/reports/src/sql'),
  ];
  const found = candidates.find((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.endsWith('.sql')));
  if (!found) throw new Error(`report SQL files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The report SQL files, in name order, with their text. */
export function reportSqlFiles(): { name: string; sql: string }[] {
  const dir = reportSqlDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * (Re)creates every report function from libs/reports/src/sql (CREATE OR
 * REPLACE). A migration that changes report SQL edits those files and calls
 * this; landed migrations are never edited.
 */
export async function loadReportSql(q: QueryRunner): Promise<void> {
  for (const f of reportSqlFiles()) {
    try {
      await q.query(f.sql);
    } catch (err) {
      throw new Error(`libs/reports/src/sql/${f.name}: ${(err as Error).message}`);
    }
  }
}
