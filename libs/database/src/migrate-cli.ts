/**
 * `npm run migrate`: applies pending migrations and exits — for deployments that
 * run migrations as a job and start the API with MIGRATE_ON_START=false. Uses
 * DATABASE_URL, or the embedded database under .data/postgres like `npm start`.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { resolveDatabase } from './database-runtime';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.EMBEDDED_PG_DIR ?? path.resolve('.data', 'postgres'),
  });
  try {
    const applied = await migrate(database.url);
    console.log(applied.length > 0 ? `[migrate] applied ${applied.join(', ')}` : '[migrate] the database is up to date');
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  console.error(`[migrate] failed: ${(err as Error).message}`);
  process.exit(1);
});
