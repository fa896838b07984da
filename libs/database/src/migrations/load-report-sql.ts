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
 *
 * An earlier migration that loads the files (1780000000064) loads their latest
 * version on a fresh database, possibly before the tables a later migration
 * adds: function bodies are therefore not checked at creation (as pg_dump
 * restores them), only when called — the report tests call every one.
 */
export async function loadReportSql(q: QueryRunner): Promise<void> {
  await q.query(`SELECT set_config('check_function_bodies', 'off', true)`);
  try {
    for (const f of reportSqlFiles()) {
      try {
        await q.query(f.sql);
      } catch (err) {
        throw new Error(`libs/reports/src/sql/${f.name}: ${(err as Error).message}`);
      }
    }
  } finally {
    await q.query(`SELECT set_config('check_function_bodies', 'on', true)`);
  }
}
