import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@farmlink/testing/test-database';
import { dataSourceOptions } from './data-source-options';
import { preparedQuery } from './prepared-query';
import { beforeCommit, inTransaction } from './transaction';

/** The socket flushes of the transaction's connection (one per round trip when statements are pipelined). */
function countFlushes(m: EntityManager): { readonly count: number } {
  const stream = (m.queryRunner as unknown as { databaseConnection: { connection: { stream: Record<string, (...a: unknown[]) => unknown> } } })
    .databaseConnection.connection.stream;
  const counter = { count: 0 };
  for (const method of ['_writev', '_write'] as const) {
    const original = stream[method];
    stream[method] = function (this: unknown, ...args: unknown[]) {
      counter.count++;
      return original.apply(this, args);
    };
  }
  return counter;
}

describe('inTransaction, pipelined (real PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
    await ds.query(`CREATE TABLE pipelined (id int PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => {
    await ds.destroy();
    await database.drop();
  });
  beforeEach(() => ds.query(`TRUNCATE pipelined`));

  it('sends BEGIN with the first statements and COMMIT with the last writes: two round trips for four statements', async () => {
    let flushes!: { readonly count: number };
    const seen = await inTransaction(ds, async (m) => {
      flushes = countFlushes(m); // BEGIN is still in the connection's buffer: written at the end of this turn
      const [a, b] = await Promise.all([
        preparedQuery<{ xid: string }>(m, 'spec_xid_a', `SELECT txid_current()::text AS xid`, []),
        preparedQuery<{ xid: string }>(m, 'spec_xid_b', `SELECT txid_current()::text AS xid`, []),
      ]);
      await beforeCommit(m, preparedQuery(m, 'spec_insert', `INSERT INTO pipelined (id, note) VALUES ($1, $2)`, [1, 'kept']));
      return [a[0].xid, b[0].xid];
    });
    // One transaction (BEGIN came first), written in two socket writes.
    expect(seen[0]).toBe(seen[1]);
    expect(flushes.count).toBe(2);
    expect(await ds.query(`SELECT note FROM pipelined`)).toEqual([{ note: 'kept' }]);
  });

  it('fails with the error of a write handed to beforeCommit, and keeps nothing', async () => {
    const failed = inTransaction(ds, async (m) => {
      await preparedQuery(m, 'spec_insert', `INSERT INTO pipelined (id, note) VALUES ($1, $2)`, [1, 'first']);
      await beforeCommit(m, preparedQuery(m, 'spec_insert', `INSERT INTO pipelined (id, note) VALUES ($1, $2)`, [1, 'duplicate']));
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await ds.query(`SELECT * FROM pipelined`)).toEqual([]);
  });

  it('reports the first failed statement, not the "transaction is aborted" of those written behind it', async () => {
    const failed = inTransaction(ds, async (m) => {
      await beforeCommit(m, preparedQuery(m, 'spec_fail', `SELECT 1 / $1::int AS x`, [0]));
      await m.query(`INSERT INTO pipelined (id, note) VALUES (2, 'after')`); // 25P02 once the division failed
    });
    await expect(failed).rejects.toMatchObject({ code: '22012' });
    expect(await ds.query(`SELECT * FROM pipelined`)).toEqual([]);
  });

  it('rolls back writes already sent when the work throws', async () => {
    const failed = inTransaction(ds, async (m) => {
      await beforeCommit(m, preparedQuery(m, 'spec_insert', `INSERT INTO pipelined (id, note) VALUES ($1, $2)`, [3, 'sent']));
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await ds.query(`SELECT * FROM pipelined`)).toEqual([]);
    // The connection went back to the pool clean: the next transaction works.
    await inTransaction(ds, (m) => preparedQuery(m, 'spec_insert', `INSERT INTO pipelined (id, note) VALUES ($1, $2)`, [4, 'next']));
    expect(await ds.query(`SELECT id FROM pipelined`)).toEqual([{ id: 4 }]);
  });

  it('outside inTransaction beforeCommit simply waits for the statement', async () => {
    await beforeCommit(ds.manager, ds.query(`INSERT INTO pipelined (id, note) VALUES (5, 'plain')`));
    expect(await ds.query(`SELECT id FROM pipelined`)).toEqual([{ id: 5 }]);
  });

  it('genericPlans: the transaction plans its prepared statements once (force_generic_plan), and only that transaction', async () => {
    const mode = (m: EntityManager) => preparedQuery<{ mode: string }>(m, 'spec_plan_mode', `SELECT current_setting('plan_cache_mode') AS mode`, []);
    const inside = await inTransaction(ds, async (m) => (await mode(m))[0].mode, { genericPlans: true });
    expect(inside).toBe('force_generic_plan');
    // SET LOCAL ends with the transaction: the connection goes back to the pool as it was.
    const after = await Promise.all([0, 1].map(() => inTransaction(ds, async (m) => (await mode(m))[0].mode)));
    expect(after).toEqual(['auto', 'auto']);
    // A generic plan shows the parameter ($1), a custom plan the value.
    const plan = await inTransaction(
      ds,
      async (m) => {
        const { databaseConnection: client } = m.queryRunner as unknown as { databaseConnection: { query(q: string): Promise<{ rows: Record<string, string>[] }> } };
        await client.query(`PREPARE spec_generic (int) AS SELECT note FROM pipelined WHERE id = $1`);
        const rows = (await client.query(`EXPLAIN (COSTS OFF) EXECUTE spec_generic(7)`)).rows;
        await client.query(`DEALLOCATE spec_generic`);
        return rows.map((r) => Object.values(r)[0]).join('\n');
      },
      { genericPlans: true },
    );
    expect(plan).toContain('$1');
  });
});
