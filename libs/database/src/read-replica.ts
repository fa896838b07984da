import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/** How long a read that must be fresh waits for a lagging replica before the primary answers it. */
export const REPLICA_WAIT_MS = 100;

/** Per data source: reads a replica answered, and fresh reads the primary answered because every replica lagged. */
export interface ReplicaReadStats {
  replica: number;
  primaryFallback: number;
}
const stats = new WeakMap<DataSource, ReplicaReadStats>();

export function replicaReadStats(db: DataSource): ReplicaReadStats {
  let s = stats.get(db);
  if (!s) stats.set(db, (s = { replica: 0, primaryFallback: 0 }));
  return s;
}

export function hasReplicas(db: DataSource): boolean {
  const replication = (db.options as { replication?: { slaves?: unknown[] } }).replication;
  return Boolean(replication?.slaves?.length);
}

/** The primary's WAL position that reads inside `readingAfterPrimary` must have replayed. */
const freshness = new AsyncLocalStorage<{ minLsn: string }>();

/**
 * Runs `fn` so that every `readQuery` inside it sees everything the primary had committed when
 * this was called (a report read right after the aggregator caught up: a payment answered 200 is
 * in it). A replica that has not replayed that far within REPLICA_WAIT_MS is passed over for the
 * primary. Without replicas it just runs `fn`.
 */
export async function readingAfterPrimary<T>(db: DataSource, fn: () => Promise<T>): Promise<T> {
  if (!hasReplicas(db)) return fn();
  const [{ lsn }] = await db.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
  return freshness.run({ minLsn: lsn }, fn);
}

/**
 * Runs a read on a read-only replica when DATABASE_REPLICA_URLS configures
 * some (TypeORM's `replication`: a pool per replica, one picked at random per
 * query), else on the primary. Use it only for reads that may be a moment
 * behind the primary (streaming replication lags by milliseconds) — public
 * catalog search — or inside `readingAfterPrimary`, which makes them exact
 * (reports). What a user must see right after writing it (their listing, their
 * order) and everything in a transaction stays on the primary.
 */
export async function readQuery<T = any>(db: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  if (!hasReplicas(db)) return db.query(sql, params);
  const runner = db.createQueryRunner('slave');
  try {
    const minLsn = freshness.getStore()?.minLsn;
    if (minLsn && !(await replayedTo(runner, minLsn))) {
      replicaReadStats(db).primaryFallback++;
      return await db.query(sql, params);
    }
    const rows = await runner.query(sql, params);
    replicaReadStats(db).replica++;
    return rows;
  } finally {
    await runner.release();
  }
}

async function replayedTo(runner: { query(sql: string, params?: unknown[]): Promise<any> }, minLsn: string): Promise<boolean> {
  const deadline = Date.now() + REPLICA_WAIT_MS;
  for (;;) {
    const [{ done }] = await runner.query(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done`, [minLsn]);
    if (done) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
}
