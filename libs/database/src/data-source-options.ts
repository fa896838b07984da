import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** How long a request may wait for a pool connection before it is answered 503 (ms). */
  acquireTimeoutMs?: number;
  /** Log every query (debugging only). */
  logging?: boolean;
  /** Longest a statement may run (ms); 0 = no limit, for maintenance (migrations, rebuilds). Default 30 s. */
  statementTimeoutMs?: number;
  /**
   * Read-only streaming replicas (DATABASE_REPLICA_URLS). Only queries sent with
   * `readQuery()` go to them (reports, public search); everything else, and every
   * transaction, stays on the primary.
   */
  replicaUrls?: string[];
}

/** The one set of TypeORM options, used by the app, the CLI and the tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const replicas = (settings.replicaUrls ?? []).filter(Boolean);
  return {
    type: 'postgres',
    ...(replicas.length > 0
      ? { replication: { master: { url: settings.url }, slaves: replicas.map((url) => ({ url })), defaultMode: 'master' as const } }
      : { url: settings.url }),
    // No entity classes: every query is hand-written SQL in a lib's *.repository.ts.
    entities: [],
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: settings.logging ? ['query', 'error'] : false,
    applicationName: 'farmlink',
    extra: {
      // node-postgres writes a statement without waiting for the answer to the one before
      // (transaction.ts sends BEGIN with the first statement and COMMIT with the last writes).
      pipeline: true,
      max: settings.poolSize ?? 20,
      // Never queue for ever when the pool is exhausted or the database is gone:
      // after this long the request is answered 503 (try again).
      connectionTimeoutMillis: settings.acquireTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: settings.statementTimeoutMs ?? 30_000,
    },
  };
}
