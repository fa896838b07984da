import * as fs from 'node:fs';
import { Client } from 'pg';
import { TEST_ENV } from './test-database';

/** Drops this run's databases and stops the embedded PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const runId = process.env[TEST_ENV.runId];
  if (adminUrl && runId && !globalThis.__FARMLINK_EMBEDDED_PG__) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
        [`farmlink_t_${runId}_%`, `farmlink_tpl_${runId}`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__FARMLINK_EMBEDDED_PG__?.stop();
  const root = process.env.FARMLINK_TEST_EMBEDDED_ROOT;
  if (root) fs.rmSync(root, { recursive: true, force: true });
}
