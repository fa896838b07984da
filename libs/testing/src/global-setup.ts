import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../database/src/migrations';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../database/src/embedded-postgres';
import { installJobQueue } from '../../database/src/job-queue';
import { TEST_ENV, withDatabase } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var __FARMLINK_EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

/**
 * Jest global setup: a PostgreSQL for the whole run (embedded, or DATABASE_URL
 * when set), and one template database with every migration applied.
 */
export default async function globalSetup(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
    console.log(`\n[tests] PostgreSQL server from DATABASE_URL (${new URL(adminUrl).host})`);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), ephemeral: true, unsafeFast: true, maxConnections: 300 });
    globalThis.__FARMLINK_EMBEDDED_PG__ = pg;
    process.env.FARMLINK_TEST_EMBEDDED_ROOT = dataDir;
    adminUrl = pg.adminUrl;
    console.log(`\n[tests] embedded PostgreSQL on port ${pg.port}`);
  }
  const template = `farmlink_tpl_${runId}`;
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.destroy();

  // Migrations only (no entities): global setup runs outside Jest's module mapper, so it must not
  // touch files that import through the @farmlink/* path aliases.
  const ds = new DataSource({ type: 'postgres', url: withDatabase(adminUrl, template), migrations, migrationsTransactionMode: 'each' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  // The job queue's schema (graphile-worker) too, so each cloned database has it from the start.
  await installJobQueue(withDatabase(adminUrl, template));

  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
}
