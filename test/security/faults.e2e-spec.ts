/**
 * Faults under load: PostgreSQL is stopped for a few seconds while buyers
 * check out and pay, then started again; and the app is shut down while
 * requests are in flight. Nothing acknowledged may be lost, nothing may be
 * half-written, and the app must recover by itself.
 *
 * This spec runs its own embedded PostgreSQL (the shared test server must not
 * be stopped under the other spec files).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabaseExists, EmbeddedPostgres, startEmbeddedPostgres } from '@farmlink/database';
import { COUNTIES, createListing, createTestApp, createUser, SHIPPING_ADDRESS, TestApp, TestUser } from '@farmlink/testing';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Faults (e2e)', () => {
  let root: string;
  let pg: EmbeddedPostgres;
  let t: TestApp;
  let port: number;

  async function startPg(): Promise<EmbeddedPostgres> {
    return startEmbeddedPostgres({ dataDir: path.join(root, 'data'), unsafeFast: true, port });
  }

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-fault-pg-'));
    fs.chmodSync(root, 0o755);
    pg = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), unsafeFast: true });
    port = pg.port;
    await ensureDatabaseExists(pg.adminUrl, 'farmlink');
    const ds = new DataSource(dataSourceOptions({ url: pg.urlFor('farmlink'), poolSize: 2 }));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    t = await createTestApp({ DB_POOL_SIZE: '8' }, { database: { name: 'farmlink', url: pg.urlFor('farmlink'), drop: async () => undefined } });
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await pg?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function post(url: string, user: TestUser, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.url}${url}`, {
      method: 'POST',
      headers: { ...user.auth, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    }).catch((err: Error) => ({ status: 0, json: async () => ({ message: err.message }) }));
    return { status: res.status, body: (await res.json().catch(() => ({}))) as any };
  }

  it('answers 503 fast while PostgreSQL is down, recovers by itself, and loses nothing acknowledged', async () => {
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const listings = await Promise.all(Array.from({ length: 6 }, () => createListing(t, farmer, { stock: 100_000, priceCents: 990 })));
    const buyers = await Promise.all(Array.from({ length: 8 }, () => createUser(t, 'buyer')));

    const acknowledged: { checkoutId: string; paymentId: string; paid: boolean }[] = [];
    const statuses: number[] = [];
    let running = true;
    const worker = async (buyer: TestUser) => {
      while (running) {
        const items = [{ listingId: listings[Math.floor(Math.random() * listings.length)].id, quantity: 1 + Math.floor(Math.random() * 3) }];
        const c = await post('/api/checkouts', buyer, { items, shippingAddress: SHIPPING_ADDRESS }, { 'Idempotency-Key': randomUUID() });
        statuses.push(c.status);
        if (c.status === 201) {
          const entry = { checkoutId: c.body.id, paymentId: c.body.payment.id, paid: false };
          acknowledged.push(entry);
          const p = await post(`/api/payments/${entry.paymentId}/simulate`, buyer, { outcome: 'succeeded' });
          statuses.push(p.status);
          entry.paid = p.status === 200;
        } else {
          await sleep(20);
        }
      }
    };
    const load = Promise.all(buyers.map(worker));

    await sleep(1500);
    await pg.stop();
    await sleep(300);
    // While it is down: readiness says so, and requests fail fast with 503.
    const started = Date.now();
    const ready = await fetch(`${t.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    const during = await post('/api/checkouts', buyers[0], { items: [{ listingId: listings[0].id, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS }, { 'Idempotency-Key': randomUUID() });
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(Date.now() - started).toBeLessThan(12_000);
    await (await fetch(`${t.url}/api/health`)).status; // liveness still answers
    await sleep(2000);

    pg = await startPg();
    // It recovers without a restart.
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = (await fetch(`${t.url}/api/health/ready`)).status === 200;
      if (!recovered) await sleep(250);
    }
    expect(recovered).toBe(true);
    await sleep(1500);
    running = false;
    await load;

    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(10);

    // Every acknowledged checkout is there, with its orders and payment.
    const ids = acknowledged.map((a) => a.checkoutId);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM checkouts c WHERE c.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM orders o WHERE o.checkout_id = c.id) AND EXISTS (SELECT 1 FROM payments p WHERE p.checkout_id = c.id)`, [ids]);
    expect(n).toBe(ids.length);
    // Every acknowledged payment left its orders paid.
    const paid = acknowledged.filter((a) => a.paid).map((a) => a.checkoutId);
    const unpaid = await t.db.query(`SELECT o.id FROM orders o WHERE o.checkout_id = ANY($1::uuid[]) AND o.status <> 'paid'`, [paid]);
    expect(unpaid).toEqual([]);
    // Nothing half-written: no checkout without orders or payment, no paid order without a succeeded payment.
    const orphans = await t.db.query(`
      SELECT c.id FROM checkouts c
       WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.checkout_id = c.id) OR NOT EXISTS (SELECT 1 FROM payments p WHERE p.checkout_id = c.id)
      UNION ALL
      SELECT o.id FROM orders o JOIN payments p ON p.checkout_id = o.checkout_id WHERE o.status = 'paid' AND p.status <> 'succeeded'`);
    expect(orphans).toEqual([]);
    // Stock + units sold = initial stock, for every listing.
    const broken = await t.db.query(`
      SELECT l.id FROM listings l
        LEFT JOIN (SELECT ol.listing_id, sum(ol.quantity) AS sold FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                    WHERE o.status <> 'cancelled' GROUP BY ol.listing_id) s ON s.listing_id = l.id
       WHERE l.id = ANY($1::uuid[]) AND l.stock + coalesce(s.sold, 0) <> 100000`, [listings.map((l) => l.id)]);
    expect(broken).toEqual([]);
  });

  it('finishes in-flight requests on shutdown and writes nothing by halves', async () => {
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const listing = await createListing(t, farmer, { stock: 10_000 });
    const buyer = await createUser(t, 'buyer');
    const inflight = Array.from({ length: 40 }, () =>
      post('/api/checkouts', buyer, { items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS }, { 'Idempotency-Key': randomUUID() }),
    );
    await sleep(5);
    const db = new DataSource(dataSourceOptions({ url: pg.urlFor('farmlink'), poolSize: 2 }));
    await db.initialize();
    await t.app.close(); // what SIGTERM does in main.ts
    const results = await Promise.all(inflight);
    // Each request either completed (201) or was turned away cleanly (503 / connection refused), never a 500.
    expect(results.every((r) => [201, 503, 0].includes(r.status))).toBe(true);
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM checkouts WHERE buyer_id = $1`, [buyer.id]);
    expect(n).toBe(created.length);
    const [{ stock }] = await db.query(`SELECT stock FROM listings WHERE id = $1`, [listing.id]);
    expect(stock).toBe(10_000 - created.length);
    await db.destroy();
  });
});
