"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
const entities_1 = require("./entities");
const migrations_1 = require("./migrations");
/** The one set of TypeORM options, used by the app, the CLI and the tests. */
function dataSourceOptions(settings) {
    return {
        type: 'postgres',
        url: settings.url,
        entities: entities_1.entities,
        migrations: migrations_1.migrations,
        migrationsRun: false,
        migrationsTransactionMode: 'each',
        synchronize: false,
        uuidExtension: 'pgcrypto',
        logging: settings.logging ? ['query', 'error'] : ['error'],
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
//# sourceMappingURL=data-source-options.js.map