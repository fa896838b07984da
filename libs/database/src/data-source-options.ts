import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** Log every query (debugging only). */
  logging?: boolean;
}

/** The one set of TypeORM options, used by the app, the CLI and the tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: settings.logging ? ['query', 'error'] : false,
    applicationName: 'farmlink',
    extra: {
      max: settings.poolSize ?? 20,
      // Fail fast instead of queueing for ever when the pool is exhausted or the
      // database is gone; callers turn this into 503.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
    },
  };
}
