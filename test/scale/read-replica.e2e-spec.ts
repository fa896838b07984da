import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ensureDatabaseExists, migrate, replicaReadStats, startEmbeddedPostgres, type EmbeddedPostgres } from '@farmlink/database';
import { checkout, COUNTIES, createListing, createTestApp, createUser, type TestApp, type TestDatabase, type TestUser } from '@farmlink/testing';

/** pg_basebackup of PostgreSQL 15 (the embedded package ships only initdb, pg_ctl and postgres). */
const PG_BASEBACKUP = ['/usr/lib/postgresql/15/bin/pg_basebackup', 'pg_basebackup'].find((b) => spawnSync(b, ['--version']).status === 0);

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/**
 * Read replicas (DATABASE_REPLICA_URLS) against a real streaming replica made
 * in this test: a primary of its own, `pg_basebackup -R` of it, started on
 * another port. Reports and public search are read from the replica (shown by
 * pausing its replay), and once it has caught up a report equals the primary's.
 */
(PG_BASEBACKUP ? describe : describe.skip)('Read replica (e2e, a real streaming replica)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-replica-'));
  let primary: EmbeddedPostgres;
  let replica: EmbeddedPostgres;
  let onReplica: TestApp; // reads from the replica
  let onPrimary: TestApp; // the same database, no replica configured
  let replicaClient: Client;
  let officer: TestUser;
  let buyer: TestUser;
  let farmer: TestUser;

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    primary = await startEmbeddedPostgres({ dataDir: path.join(dir, 'primary'), ephemeral: true, maxConnections: 60 });
    await ensureDatabaseExists(primary.adminUrl, 'farmlink');
    await migrate(primary.urlFor('farmlink'));

    const replicaDir = path.join(dir, 'replica');
    fs.mkdirSync(replicaDir, { mode: 0o700 });
    const runAs = postgresUser();
    if (runAs) fs.chownSync(replicaDir, runAs.uid, runAs.gid);
    execFileSync(PG_BASEBACKUP!, ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'], {
      ...(runAs ?? {}),
      stdio: 'pipe',
    });
    replica = await startEmbeddedPostgres({ dataDir: replicaDir, ephemeral: true, maxConnections: 60 });
    replicaClient = new Client({ connectionString: replica.urlFor('farmlink') });
    await replicaClient.connect();
    expect((await replicaClient.query(`SELECT pg_is_in_recovery() AS r`)).rows[0].r).toBe(true);

    const database: TestDatabase = { name: 'farmlink', url: primary.urlFor('farmlink'), drop: async () => undefined };
    onReplica = await createTestApp(
      { DATABASE_REPLICA_URLS: replica.urlFor('farmlink'), CATALOG_COUNT_CACHE_MS: '0', CATALOG_SEARCH_CACHE_MS: '0' },
      { database },
    );
    onPrimary = await createTestApp({ CATALOG_COUNT_CACHE_MS: '0', CATALOG_SEARCH_CACHE_MS: '0' }, { database });
    officer = await createUser(onPrimary, 'officer');
    buyer = await createUser(onPrimary, 'buyer');
    farmer = await createUser(onPrimary, 'farmer', { countyCode: COUNTIES.tongzi });
  }, 180_000);

  afterAll(async () => {
    await replicaClient?.end();
    await onReplica?.app.close();
    await onPrimary?.app.close();
    await replica?.stop();
    await primary?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function paidOrder(priceCents: number): Promise<void> {
    const listing = await createListing(onPrimary, farmer, { priceCents, stock: 10 });
    const res = await checkout(onPrimary, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    await onPrimary.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  }

  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await onPrimary.db.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let i = 0; i < 200; i++) {
      const { rows } = await replicaClient.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn]);
      if (rows[0].done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up within 10 s');
  }

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const report = async (t: TestApp) =>
    (await t.http().get('/api/reports/sales').query({ from: today(), to: today(), groupBy: 'county' }).set(officer.auth).expect(200)).body;
  const searchTotal = async (t: TestApp) => (await t.http().get(`/api/listings?farmerId=${farmer.id}`).expect(200)).body.total as number;

  it('a report read with a replica configured equals the same report on the primary', async () => {
    await paidOrder(3900);
    await paidOrder(12800);
    await caughtUp();
    const stats = { ...replicaReadStats(onReplica.db) };
    const fromReplica = await report(onReplica);
    expect(fromReplica.totals).toMatchObject({ orders: 2, grossSalesCents: 2 * (3900 + 12800) });
    // Every figure of that report was read on the replica (it had replayed the primary's position).
    expect(replicaReadStats(onReplica.db).replica).toBeGreaterThan(stats.replica);
    expect(replicaReadStats(onReplica.db).primaryFallback).toBe(stats.primaryFallback);
    expect(fromReplica).toEqual(await report(onPrimary));
  });

  it('search is read from the replica; reports only from a replica that has replayed the primary; what a user just wrote is read from the primary', async () => {
    await replicaClient.query(`SELECT pg_wal_replay_pause()`);
    try {
      const before = await report(onReplica);
      const listingsBefore = await searchTotal(onReplica);
      await paidOrder(5000);
      const created = await onReplica
        .http()
        .post('/api/listings')
        .set(farmer.auth)
        .send({ title: '新米', category: 'grain', unit: 'bag', netWeightGrams: 5000, priceCents: 6000, stock: 5 })
        .expect(201);
      // Read after write: the farmer's new listing, at once, through the process that has a replica.
      await onReplica.http().get(`/api/listings/${created.body.id}`).expect(200);
      expect((await report(onPrimary)).totals.orders).toBe(3);
      // The paused replica has not seen the third order, so the report is not read there: a payment
      // answered 200 is in the very next report, replica or not.
      const fallbacks = replicaReadStats(onReplica.db).primaryFallback;
      const fresh = await report(onReplica);
      expect(before.totals.orders).toBe(2);
      expect(fresh.totals.orders).toBe(3);
      expect(fresh).toEqual(await report(onPrimary));
      expect(replicaReadStats(onReplica.db).primaryFallback).toBeGreaterThan(fallbacks);
      await new Promise((r) => setTimeout(r, 2100)); // just after a change, search reads the primary
      expect(await searchTotal(onPrimary)).toBe(listingsBefore + 2);
      expect(await searchTotal(onReplica)).toBe(listingsBefore);
    } finally {
      await replicaClient.query(`SELECT pg_wal_replay_resume()`);
    }
    await caughtUp();
    const after = await report(onReplica);
    expect(after.totals.orders).toBe(3);
    expect(after).toEqual(await report(onPrimary));
  });
});
