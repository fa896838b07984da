import { Client } from 'pg';
import { createEmptyDatabase, TestDatabase } from '@farmlink/testing/test-database';
import { migrate } from './migrate';
import { migrations } from './migrations';

describe('migrate (real PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.drop());

  it('three processes migrating one fresh database at the same moment all succeed, and each migration runs once', async () => {
    const results = await Promise.allSettled([migrate(database.url), migrate(database.url), migrate(database.url)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const applied = results.map((r) => (r as PromiseFulfilledResult<string[]>).value);
    // One of them applied everything; the others found nothing left.
    expect(applied.map((a) => a.length).sort((x, y) => x - y)).toEqual([0, 0, migrations.length]);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM migrations`);
      expect(rows[0]).toEqual({ n: migrations.length, d: migrations.length });
      expect((await client.query(`SELECT count(*)::int AS n FROM regions WHERE level = 'county'`)).rows[0].n).toBeGreaterThan(2800);
    } finally {
      await client.end();
    }
  }, 300_000);
});
