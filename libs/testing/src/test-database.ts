import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Test databases. Jest's global setup migrates one template database; each
 * spec file clones it with CREATE DATABASE … TEMPLATE, which takes a few tens
 * of milliseconds, so files are isolated and can run in parallel.
 */
export const TEST_ENV = {
  adminUrl: 'FARMLINK_TEST_ADMIN_URL',
  template: 'FARMLINK_TEST_TEMPLATE',
  runId: 'FARMLINK_TEST_RUN_ID',
} as const;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: required(TEST_ENV.adminUrl) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests through Jest (npm test), whose global setup prepares the database`);
  return v;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, migrated database cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = required(TEST_ENV.template);
  const runId = required(TEST_ENV.runId);
  const name = `farmlink_t_${runId}_${process.pid}_${++counter}_${randomBytes(2).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (err) {
      // Another file cloning the template at the same moment: try again shortly.
      if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
  const url = withDatabase(required(TEST_ENV.adminUrl), name);
  return {
    name,
    url,
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A fresh, empty database (no migrations): for tests of migrating itself. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `farmlink_e_${required(TEST_ENV.runId)}_${process.pid}_${++counter}_${randomBytes(2).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(required(TEST_ENV.adminUrl), name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
