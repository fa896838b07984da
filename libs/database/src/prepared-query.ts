import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
}

/**
 * Runs a hot statement as a named prepared statement on the transaction's own
 * connection, so PostgreSQL parses it once per connection instead of on every call.
 * It is also planned once only in a transaction run with `genericPlans`
 * (transaction.ts): otherwise PostgreSQL goes on planning it on every call whenever
 * the generic plan's estimate looks costlier — as it did for the checkout's CTEs,
 * whose planning cost more than running them. Write such a statement so that its
 * generic plan is a good one (ids by `= ANY($n)` rather than joined to an unnest()).
 * Falls back to a plain query when the manager has no connected pg client.
 * Use only with constant SQL text; `name` must be unique per text.
 *
 * The statement is written synchronously, before this returns, so several calls made together
 * (`Promise.all`) are pipelined in call order (transaction.ts); what they write in one turn of the
 * event loop leaves in one socket write (batchWrites).
 */
export async function preparedQuery<T = Record<string, unknown>>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner as unknown as { databaseConnection?: PgClient; isReleased?: boolean } | undefined;
  const client = runner?.databaseConnection;
  if (!client || runner?.isReleased) return m.query(text, values);
  batchWrites(client);
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}

const corked = new WeakSet<object>();

/**
 * Holds the connection's socket writes until the end of this turn of the event loop
 * (setImmediate), so the statements written in it — BEGIN, a pipelined group, COMMIT — leave in one
 * write (one system call here, one wake-up of the server's backend) instead of one each. On this
 * machine a socket write was the API's largest single cost (docs/PERFORMANCE.md).
 */
export function batchWrites(client: PgClient | object): void {
  const stream = (client as PgClient).connection?.stream;
  if (!stream?.cork || !stream.uncork || corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  setImmediate(() => {
    corked.delete(stream);
    stream.uncork!();
  });
}
