import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** How long a request may wait for a pool connection before it is answered 503 (ms). */
  acquireTimeoutMs?: number;
  /** Log every query (debugging only). */
  logging?: boolean;
}

/** The one set of TypeORM options, used by the app, the CLI and the tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
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
      max: settings.poolSize ?? 20,
      // Never queue for ever when the pool is exhausted or the database is gone:
      // after this long the request is answered 503 (try again).
      connectionTimeoutMillis: settings.acquireTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
    },
  };
}
