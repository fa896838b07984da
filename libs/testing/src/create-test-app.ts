import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureApp, createFastifyAdapter } from '../../../apps/api/src/configure-app';
import { validateEnv } from '../../../apps/api/src/config/env.validation';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** supertest against the real HTTP stack (Fastify, pipes, filter, guards). */
  http: () => TestAgent;
  db: DataSource;
  database: TestDatabase;
  /** Base URL of the listening server, for clients other than supertest (e.g. concurrency tests). */
  url: string;
  close(): Promise<void>;
}

/** Settings every test app gets unless the test overrides them. */
const TEST_DEFAULTS: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  // Random per test process: no secret is written in the code.
  JWT_SECRET: randomBytes(32).toString('hex'),
  ARGON2_MEMORY_KIB: '1024',
  AUTH_THROTTLE_LIMIT: '100000',
  DB_POOL_SIZE: '10',
  // CI machines can be slow and busy: tests wait for a connection rather than get a 503.
  DB_ACQUIRE_TIMEOUT_MS: '60000',
  SEED_DEMO: 'false',
  UPLOAD_DIR: '',
  // Specs about other things check out many times as one buyer without paying; the limit itself
  // is tested at its default (test/security/bad-input.e2e-spec.ts passes MAX_UNPAID_CHECKOUTS: undefined).
  MAX_UNPAID_CHECKOUTS: '1000',
};

const MANAGED_KEYS = ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE', 'PLATFORM_FEE_BPS', 'PAYMENT_TIMEOUT_MINUTES',
  'REDIS_URL', 'DATABASE_REPLICA_URLS', 'PHOTO_STORAGE', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_PUBLIC_URL', 'API_WORKERS', 'WEB_CONCURRENCY'];

/**
 * Builds the real AppModule on a fresh database cloned from the migrated
 * template, configured by the same configureApp() as main.ts, listening on a
 * random loopback port. Only Stripe's HTTP API is ever faked (see fake-stripe).
 */
export async function createTestApp(
  env: Record<string, string | undefined> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const saved = { ...process.env };
  for (const key of MANAGED_KEYS) delete process.env[key];
  Object.assign(process.env, TEST_DEFAULTS, { DATABASE_URL: database.url });
  if (!env.UPLOAD_DIR) process.env.UPLOAD_DIR = `${require('node:os').tmpdir()}/farmlink-test-uploads-${database.name}`;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const settings = validateEnv(process.env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(settings), {
      rawBody: true,
      logger: false,
    });
    await configureApp(app, settings);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const db = app.get<DataSource>(getDataSourceToken());
    return {
      app,
      db,
      database,
      url: `http://127.0.0.1:${address.port}`,
      http: () => request(app.getHttpServer()),
      async close() {
        await app.close();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop().catch(() => undefined);
    throw err;
  } finally {
    process.env = saved;
  }
}
