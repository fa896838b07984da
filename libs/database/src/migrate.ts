import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { installJobQueue } from './job-queue';

const MIGRATION_LOCK = 'farmlink:migrations';

/**
 * Applies every pending migration (libs/database/src/migrations), safe when
 * several API processes start at once on one database: each takes a session
 * advisory lock first, so one migrates while the others wait, then find
 * nothing left to do. Then the job queue's own schema (graphile-worker, see
 * job-queue.ts) is installed or updated. No statement timeout: a migration that rebuilds a large
 * table must not be cancelled halfway. Answers the names of the migrations
 * applied by this call.
 */
export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 2, statementTimeoutMs: 0 }));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [MIGRATION_LOCK]);
    try {
      const applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
      await installJobQueue(url);
      return applied;
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
    await ds.destroy();
  }
}
