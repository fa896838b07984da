import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isRetryableTransactionError } from './database-errors';
import { batchWrites } from './prepared-query';

/**
 * Transactions, pipelined (the pool runs node-postgres in pipeline mode: `pipeline: true` in
 * data-source-options.ts, so a statement is written to the server without waiting for the answer
 * of the one before; the server still runs them one after the other, in order).
 *
 * - BEGIN is sent with the transaction's first statement (one round trip, not two).
 * - A write whose answer nobody needs before the commit can be handed to `beforeCommit()`:
 *   COMMIT is then written right behind it, and both answers come back in one round trip.
 * - Statements sent together (`Promise.all` of repository calls) share a round trip, as long as
 *   each call writes its statement synchronously — `preparedQuery` does; `m.query` (TypeORM)
 *   writes it a few microtasks later, so never mix the two inside one `Promise.all` when their
 *   order matters.
 *
 * An error in one statement aborts the transaction, and every statement written behind it then
 * fails with 25P02 ("current transaction is aborted"); `inTransaction` reports the first error.
 */

/** What each open transaction has sent and not yet awaited (BEGIN, then the `beforeCommit` writes). */
const unawaited = new WeakMap<QueryRunner, Promise<unknown>[]>();

interface PgClient {
  query(text: string): Promise<unknown>;
}

export interface TransactionOptions {
  /** How many times a serialization failure or deadlock is retried (3). */
  retries?: number;
  /**
   * Plan each prepared statement once per connection (`SET LOCAL plan_cache_mode = force_generic_plan`,
   * sent with BEGIN). Left to itself PostgreSQL keeps planning a prepared statement on every call when
   * its generic plan's estimate looks costlier than a custom plan's — as it does for the checkout's
   * statements over arrays of ids, whose planning took longer than their execution (1.4 ms of planning
   * for 1.9 ms of execution, docs/PERFORMANCE.md). For transactions of key lookups only (checkout,
   * payment), where the generic plan is the custom one; never for range or report queries.
   */
  genericPlans?: boolean;
}

/**
 * Runs `work` in one transaction and retries it (a few times, with jitter) when
 * PostgreSQL reports a serialization failure or deadlock. Everything inside
 * must go through the given manager: a query through a global repository
 * would take a second pool connection and can deadlock the pool under load.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce(dataSource, work, options.genericPlans === true);
    } catch (err) {
      if (attempt >= retries || !isRetryableTransactionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

async function runOnce<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, genericPlans: boolean): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  const pending: Promise<unknown>[] = [];
  try {
    const client = (await runner.connect()) as PgClient;
    // BEGIN goes out now and is answered with the first statement. TypeORM is told the
    // transaction is open (so a nested manager.transaction() takes a savepoint).
    batchWrites(client);
    pending.push(quiet(client.query('BEGIN')));
    if (genericPlans) pending.push(quiet(client.query('SET LOCAL plan_cache_mode = force_generic_plan')));
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    unawaited.set(runner, pending);
    let result: T;
    try {
      result = await work(runner.manager);
    } catch (err) {
      // A statement sent earlier and not awaited may have failed first: that is the cause.
      throw (await firstFailure(pending)) ?? err;
    }
    unawaited.delete(runner);
    // COMMIT is written behind whatever is still in flight; one round trip answers them all.
    batchWrites(client);
    const committed = quiet(runner.commitTransaction());
    const cause = await firstFailure(pending);
    await committed; // after a failed statement the server answers COMMIT with ROLLBACK
    if (cause) throw cause;
    return result;
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    unawaited.delete(runner);
    await runner.release();
  }
}

/**
 * Hands `sent` — a write already written to the transaction's connection (by `preparedQuery`),
 * whose answer nobody needs — to the commit: `inTransaction` writes COMMIT right behind it and
 * fails the transaction if it failed. Outside `inTransaction` it is simply awaited.
 */
export async function beforeCommit(m: EntityManager, sent: Promise<unknown>): Promise<void> {
  const pending = m.queryRunner ? unawaited.get(m.queryRunner) : undefined;
  if (!pending) {
    await sent;
    return;
  }
  pending.push(quiet(sent));
}

/** The promise, with a handler attached so that its failure is not reported as unhandled before it is awaited. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

async function firstFailure(pending: Promise<unknown>[]): Promise<unknown> {
  for (const r of await Promise.allSettled(pending)) if (r.status === 'rejected') return r.reason;
  return undefined;
}
