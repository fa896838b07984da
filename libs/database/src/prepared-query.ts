import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot statement as a named prepared statement on the transaction's own
 * connection, so PostgreSQL parses and plans it once per connection instead of
 * on every call (planning the checkout's CTEs cost more than running them).
 * Falls back to a plain query when the manager has no connected pg client.
 * Use only with constant SQL text; `name` must be unique per text.
 */
export async function preparedQuery<T = Record<string, unknown>>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner as unknown as { databaseConnection?: PgClient; isReleased?: boolean } | undefined;
  const client = runner?.databaseConnection;
  if (!client || runner?.isReleased) return m.query(text, values);
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
