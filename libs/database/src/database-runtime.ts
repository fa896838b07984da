import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, EmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL with its data under `dataDir` (default `.data/postgres`).
 */
export async function resolveDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  log?: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const pg: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? path.resolve('.data', 'postgres'),
    log: options.log,
  });
  try {
    await ensureDatabaseExists(pg.adminUrl, 'farmlink');
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return { url: pg.urlFor('farmlink'), embedded: true, stop: () => pg.stop() };
}
