import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError } from './database-errors';

/**
 * Runs `work` in one transaction and retries it (a few times, with jitter) when
 * PostgreSQL reports a serialization failure or deadlock. Everything inside
 * must go through the given manager: a query through a global repository
 * would take a second pool connection and can deadlock the pool under load.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: { retries?: number } = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (err) {
      if (attempt >= retries || !isRetryableTransactionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}
