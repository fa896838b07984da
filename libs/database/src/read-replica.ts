import type { DataSource } from 'typeorm';

/**
 * Runs a read on a read-only replica when DATABASE_REPLICA_URLS configures
 * some (TypeORM's `replication`: a pool per replica, one picked at random per
 * query), else on the primary. Use it only for reads that may be a moment
 * behind the primary (streaming replication lags by milliseconds): reports and
 * public catalog search. What a user must see right after writing it (their
 * listing, their order) and everything in a transaction stays on the primary.
 */
export async function readQuery<T = any>(db: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const runner = db.createQueryRunner('slave');
  try {
    return await runner.query(sql, params);
  } finally {
    await runner.release();
  }
}
