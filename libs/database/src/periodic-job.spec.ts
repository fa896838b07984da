import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@farmlink/testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { runOncePerCluster } from './periodic-job';

/** Two DataSources stand for two API processes on one database. */
describe('runOncePerCluster (real PostgreSQL)', () => {
  let database: TestDatabase;
  let a: DataSource;
  let b: DataSource;
  const logger = { warnings: [] as string[], warn(m: string) { this.warnings.push(m); } };

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 3 })).initialize();
    b = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 3 })).initialize();
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
    await database.drop();
  });

  it('runs a round in one process only while it lasts; the next round may run anywhere', async () => {
    let rounds = 0;
    let release!: () => void;
    const slow = () => new Promise<void>((resolve) => { rounds++; release = resolve; });
    const first = runOncePerCluster(a, 'test-job', slow, logger);
    await new Promise((r) => setTimeout(r, 200));
    // Meanwhile the other process, and this one again, skip the round.
    expect(await runOncePerCluster(b, 'test-job', async () => { rounds++; }, logger)).toBe(false);
    expect(await runOncePerCluster(a, 'test-job', async () => { rounds++; }, logger)).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(rounds).toBe(1);
    // The lock is gone with the round: another process takes the next one.
    expect(await runOncePerCluster(b, 'test-job', async () => { rounds++; }, logger)).toBe(true);
    expect(rounds).toBe(2);
  });

  it('logs a failed round, releases the lock, and runs other jobs independently', async () => {
    expect(await runOncePerCluster(a, 'failing-job', async () => { throw new Error('boom'); }, logger)).toBe(true);
    expect(logger.warnings).toContain('failing-job failed: boom');
    expect(await runOncePerCluster(b, 'failing-job', async () => undefined, logger)).toBe(true);
    // Advisory locks held in this spec's own database (other spec files share the server).
    const [{ n }] = await a.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(n).toBe(0);
  });
});
