"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureDatabaseExists = ensureDatabaseExists;
exports.resolveDatabase = resolveDatabase;
const path = __importStar(require("node:path"));
const pg_1 = require("pg");
const embedded_postgres_1 = require("./embedded-postgres");
/** Creates `name` on the server behind `adminUrl` unless it exists. */
async function ensureDatabaseExists(adminUrl, name) {
    const client = new pg_1.Client({ connectionString: adminUrl });
    await client.connect();
    try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount)
            await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
    finally {
        await client.end();
    }
}
/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL with its data under `dataDir` (default `.data/postgres`).
 */
async function resolveDatabase(options) {
    if (options.databaseUrl) {
        return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
    }
    const pg = await (0, embedded_postgres_1.startEmbeddedPostgres)({
        dataDir: options.dataDir ?? path.resolve('.data', 'postgres'),
        log: options.log,
    });
    try {
        await ensureDatabaseExists(pg.adminUrl, 'farmlink');
    }
    catch (err) {
        await pg.stop();
        throw err;
    }
    return { url: pg.urlFor('farmlink'), embedded: true, stop: () => pg.stop() };
}
//# sourceMappingURL=database-runtime.js.map