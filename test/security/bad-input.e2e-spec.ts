/**
 * Bad input that used to reach a 500 or be unsafe (issue "Trust", item 7):
 * NUL characters, deeply nested JSON, prices and totals beyond what money can
 * hold or Stripe can charge, PostgreSQL data exceptions, spreadsheet formulas
 * in exports, and one buyer holding the whole stock in unpaid checkouts.
 * Every case drives the real HTTP API on a real PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { ArgumentsHost } from '@nestjs/common';
import {
  checkout,
  COUNTIES,
  createListing,
  createTestApp,
  createUser,
  SHIPPING_ADDRESS,
  stockOf,
  TestApp,
  TestUser,
} from '@farmlink/testing';
import { HttpExceptionFilter } from '../../apps/api/src/common/http-exception.filter';
import { ReportsService } from '@farmlink/reports';

const count = async (t: TestApp, sql: string, params: unknown[] = []): Promise<number> => Number((await t.db.query(sql, params))[0].n);

/** `[[[[…]]]]` or `{"a":{"a":…}}`, `depth` levels, built as text (JSON.stringify would recurse). */
const nestedArrays = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
const nestedObjects = (depth: number, inner = '1') => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);

describe('Bad input (e2e)', () => {
  let t: TestApp;
  let buyer: TestUser;
  let farmer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ MAX_UNPAID_CHECKOUTS: undefined }); // the default limit, 3
    buyer = await createUser(t, 'buyer');
    farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const pay = (b: TestUser, paymentId: string) =>
    t.http().post(`/api/payments/${paymentId}/simulate`).set(b.auth).send({ outcome: 'succeeded' }).expect(200);

  describe('NUL characters (U+0000)', () => {
    it('refuses a NUL in a checkout address with 400 naming the field, and takes no stock', async () => {
      const listing = await createListing(t, farmer, { stock: 10 });
      const before = await count(t, `SELECT count(*) AS n FROM checkouts`);
      const res = await t
        .http()
        .post('/api/checkouts')
        .set(buyer.auth)
        .set('Idempotency-Key', randomUUID())
        .send({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: { ...SHIPPING_ADDRESS, name: 'A\u0000B' } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(/shippingAddress\.name must not contain the NUL character \(U\+0000\)/);
      expect(await stockOf(t, listing.id)).toBe(10);
      expect(await count(t, `SELECT count(*) AS n FROM checkouts`)).toBe(before);
    });

    it('refuses a NUL in a query string, a path parameter, a key, and before authentication', async () => {
      const inQuery = await t.http().get('/api/listings').query({ q: 'tea\u0000' });
      expect(inQuery.status).toBe(400);
      expect(inQuery.body.message).toMatch(/^q must not contain the NUL character/);

      const inPath = await t.http().get('/api/regions/52%0022');
      expect(inPath.status).toBe(400);
      expect(inPath.body.message).toMatch(/params\.code must not contain the NUL character/);

      const inKey = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":"a@b.cn","pass\\u0000word":"x"}');
      expect(inKey.status).toBe(400);
      expect(inKey.body.message).toMatch(/NUL character/);

      const register = await t.http().post('/api/auth/register').send({
        email: `nul-${randomUUID().slice(0, 8)}@farmlink.test`,
        password: 'long-enough-password',
        displayName: 'Zhang\u0000San',
        role: 'buyer',
      });
      expect(register.status).toBe(400);
      expect(register.body.message).toMatch(/displayName must not contain the NUL character/);

      // No token: the NUL is refused before anything else looks at the request.
      const anonymous = await t.http().post('/api/listings').send({ title: '\u0000' });
      expect(anonymous.status).toBe(400);
    });

    it('answers 400 on every operation of the API for a NUL in the query', async () => {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
      let operations = 0;
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const method of Object.keys(methods)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          const url = path.replace(/\{[^}]+\}/g, randomUUID());
          const res = await t
            .http()
            [method as 'get'](url)
            .set(admin.auth)
            .query({ nul: 'x\u0000y' });
          expect({ op: `${method.toUpperCase()} ${path}`, status: res.status }).toEqual({ op: `${method.toUpperCase()} ${path}`, status: 400 });
          expect(res.body.message).toMatch(/NUL character/);
          operations++;
        }
      }
      expect(operations).toBeGreaterThan(30);
    });
  });

  describe('deeply nested JSON', () => {
    it.each([
      ['arrays', nestedArrays(2000)],
      ['objects', nestedObjects(2000)],
    ])('refuses a login body nested 2,000 levels deep in %s with 400', async (_kind, nested) => {
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":${nested},"password":"x"}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(/nested too deeply: at most 32 levels/);
    });

    it('refuses deep nesting on every kind of route, also 100,000 levels, and keeps normal bodies working', async () => {
      const checkoutRes = await t
        .http()
        .post('/api/checkouts')
        .set(buyer.auth)
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', 'application/json')
        .send(`{"items":${nestedArrays(2000, '{}')},"shippingAddress":{}}`);
      expect(checkoutRes.status).toBe(400);
      expect(checkoutRes.body.message).toMatch(/nested too deeply/);

      const huge = await t.http().post('/api/auth/register').set('Content-Type', 'application/json').send(nestedArrays(100_000));
      expect(huge.status).toBe(400);
      expect(huge.body.message).toMatch(/nested too deeply/);

      // Brackets inside strings are text, not nesting.
      const inString = await t.http().post('/api/auth/login').send({ email: 'nobody@farmlink.test', password: '['.repeat(100) + '\\"{' });
      expect(inString.status).toBe(401);
      // 32 levels is allowed (and then refused by validation, as before).
      const atLimit = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":${nestedArrays(31)},"password":"x"}`);
      expect(atLimit.status).toBe(400);
      expect(atLimit.body.message).not.toEqual(expect.stringMatching(/nested too deeply/));
      // Malformed JSON is still 400 in the error shape.
      const malformed = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    });
  });

  describe('money caps', () => {
    const listingBody = (priceCents: number) => ({
      title: '高山银耳',
      category: 'herbs_fungi',
      unit: 'box',
      netWeightGrams: 500,
      priceCents,
      stock: 5,
    });

    it('accepts a unit price of ¥1,000,000 and refuses one fen more, on create and on update', async () => {
      const tooDear = await t.http().post('/api/listings').set(farmer.auth).send(listingBody(100_000_001));
      expect(tooDear.status).toBe(400);
      expect(JSON.stringify(tooDear.body.message)).toMatch(/priceCents must be at most 100000000/);
      const ok = await t.http().post('/api/listings').set(farmer.auth).send(listingBody(100_000_000)).expect(201);
      expect(ok.body.priceCents).toBe(100_000_000);
      const raise = await t.http().patch(`/api/listings/${ok.body.id}`).set(farmer.auth).send({ priceCents: 100_000_001 });
      expect(raise.status).toBe(400);
      expect(JSON.stringify(raise.body.message)).toMatch(/priceCents must be at most 100000000/);
      const [row] = await t.db.query(`SELECT price_cents FROM listings WHERE id = $1`, [ok.body.id]);
      expect(Number(row.price_cents)).toBe(100_000_000);
    });

    it('refuses a checkout whose order total is over 99,999,999 fen with 422, taking no stock', async () => {
      const b = await createUser(t, 'buyer');
      const dear = await createListing(t, farmer, { priceCents: 50_000_000, stock: 10 });
      const orders = await count(t, `SELECT count(*) AS n FROM orders WHERE buyer_id = $1`, [b.id]);
      const res = await checkout(t, b, [{ listingId: dear.id, quantity: 2 }]); // 100,000,000 fen
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', totalCents: 100_000_000, maxTotalCents: 99_999_999 });
      expect(res.body.message).toMatch(/more than the largest single payment, 99999999 fen/);
      expect(await stockOf(t, dear.id)).toBe(10);
      expect(await count(t, `SELECT count(*) AS n FROM orders WHERE buyer_id = $1`, [b.id])).toBe(orders);
      expect(await count(t, `SELECT count(*) AS n FROM payments p JOIN checkouts c ON c.id = p.checkout_id WHERE c.buyer_id = $1`, [b.id])).toBe(0);

      // One unit is a payable total.
      const one = await checkout(t, b, [{ listingId: dear.id, quantity: 1 }]).expect(201);
      expect(one.body.totalCents).toBe(50_000_000);
      expect(await stockOf(t, dear.id)).toBe(9);
    });

    it('refuses a cart of two sellers whose orders are each payable but whose one payment is not', async () => {
      const b = await createUser(t, 'buyer');
      const other = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
      const a = await createListing(t, farmer, { priceCents: 60_000_000, stock: 3 });
      const c = await createListing(t, other, { priceCents: 60_000_000, stock: 3 });
      const res = await checkout(t, b, [
        { listingId: a.id, quantity: 1 },
        { listingId: c.id, quantity: 1 },
      ]);
      expect(res.status).toBe(422);
      expect(res.body.totalCents).toBe(120_000_000);
      expect([await stockOf(t, a.id), await stockOf(t, c.id)]).toEqual([3, 3]);
    });

    it('answers 422, not 500, when a sum read from PostgreSQL is beyond 2^53 (seller balance, sales report)', async () => {
      // Two orders whose ledger credits add up beyond 2^53 - 1 (written straight into the append-only
      // ledger: the API can no longer make orders that large, but old rows or years of sales can add up).
      const seller = await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan });
      const b = await createUser(t, 'buyer');
      const l = await createListing(t, seller, { priceCents: 1000, stock: 10 });
      for (let i = 0; i < 2; i++) {
        const res = await checkout(t, b, [{ listingId: l.id, quantity: 1 }]).expect(201);
        await t.db.query(
          `INSERT INTO seller_ledger_entries (seller_type, seller_id, kind, amount_cents, order_id, payment_id)
           VALUES ('farmer', $1, 'sale', 5000000000000000, $2, $3)`,
          [seller.id, res.body.orders[0].id, res.body.payment.id],
        );
      }
      const balance = await t.http().get('/api/sellers/me/balance').set(seller.auth);
      expect(balance.status).toBe(422);
      expect(balance.body).toMatchObject({ statusCode: 422, message: expect.stringMatching(/too large to be given exactly/) });

      // Report rows each exact, whose total is not.
      const leishan = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
      for (const f of [seller, leishan]) {
        const listing = await createListing(t, f, { priceCents: 2000, stock: 5 });
        const res = await checkout(t, b, [{ listingId: listing.id, quantity: 1 }]).expect(201);
        await pay(b, res.body.payment.id);
      }
      await t.app.get(ReportsService).catchUp(); // the report aggregator folds the payments into report_sales
      const updated = await t.db.query(
        `UPDATE report_sales SET gross_cents = 5000000000000000 WHERE grain = 'd' AND county_code = ANY($1::text[]) AND gross_cents > 0 RETURNING 1`,
        [[COUNTIES.zhengan, COUNTIES.leishan]],
      );
      expect(updated.length).toBeGreaterThanOrEqual(2);
      const today = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      expect(to >= today).toBe(true);
      const report = await t.http().get(`/api/reports/sales?from=${from}&to=${to}&groupBy=county`).set(admin.auth);
      expect(report.status).toBe(422);
      expect(report.body.message).toMatch(/too large to be given exactly/);
    });
  });

  describe('PostgreSQL data exceptions (SQLSTATE class 22)', () => {
    /** Runs SQL that PostgreSQL refuses, and answers its real error through the API's one exception filter. */
    async function answerFor(sql: string): Promise<{ code: string; status: number; body: Record<string, unknown> }> {
      const error = await t.db.query(sql).then(
        () => {
          throw new Error(`expected PostgreSQL to refuse: ${sql}`);
        },
        (e: unknown) => e as { driverError?: { code?: string } },
      );
      let status = 0;
      let body: Record<string, unknown> = {};
      const reply = {
        header: () => reply,
        status: (s: number) => ((status = s), reply),
        send: (b: Record<string, unknown>) => ((body = b), reply),
      };
      const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
      new HttpExceptionFilter().catch(error, host);
      return { code: error.driverError?.code ?? '', status, body };
    }

    it.each([
      ['22P05', `SELECT '{"a":"A\\u0000B"}'::jsonb`], // NUL in jsonb: a checkout address before the NUL check
      ['22012', `SELECT 1 / 0`],
      ['2201B', `SELECT 'x' ~ '('`],
      ['22003', `SELECT 9223372036854775807::bigint + 1`],
      ['22P02', `SELECT 'not-a-uuid'::uuid`],
      ['22008', `SELECT '2025-13-45'::date`],
      ['22021', `SELECT convert_from('\\x00'::bytea, 'UTF8')`],
    ])('answers %s with 400 and a generic message, no SQL', async (code, sql) => {
      const answer = await answerFor(sql);
      expect(answer.code).toBe(code);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'A value in the request is not valid', code: 'INVALID_VALUE' });
    });

    it('still answers other database errors with 500 (a bug to fix), without details', async () => {
      const answer = await answerFor(`SELECT * FROM no_such_table`);
      expect(answer.code).toBe('42P01');
      expect(answer.status).toBe(500);
      expect(JSON.stringify(answer.body)).not.toMatch(/no_such_table/);
    });
  });

  describe('spreadsheet formulas in exports', () => {
    it('writes a region name that is a formula with a leading apostrophe in CSV and XLSX; numbers stay numbers', async () => {
      const formula = '=HYPERLINK("http://x","y")';
      // Region names come from the regions table (imported division data): make one hostile.
      await t.db.query(`UPDATE regions SET name = $2 WHERE code = $1`, [COUNTIES.pingshan, formula]);
      const pingshan = await createUser(t, 'farmer', { countyCode: COUNTIES.pingshan });
      const b = await createUser(t, 'buyer');
      const listing = await createListing(t, pingshan, { priceCents: 3300, stock: 5 });
      const res = await checkout(t, b, [{ listingId: listing.id, quantity: 2 }]).expect(201);
      await pay(b, res.body.payment.id);

      const from = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const query = `from=${from}&to=${to}&groupBy=county&regionCode=${COUNTIES.pingshan}`;

      const csv = await t.http().get(`/api/reports/sales?${query}&format=csv`).set(admin.auth).expect(200);
      const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      // key, name (quoted: it holds quotes and commas), orders, grossSalesCents, refundsCents, netSalesCents, units, …
      expect(lines[1].startsWith(`${COUNTIES.pingshan},"'=HYPERLINK(""http://x"",""y"")",1,6600,0,6600,2,`)).toBe(true);
      expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);

      const xlsx = await t.http().get(`/api/reports/sales?${query}&format=xlsx`).set(admin.auth).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as never);
      const sheet = wb.getWorksheet('Sales')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row[header.indexOf('name')]).toBe(`'${formula}`);
      expect(row[header.indexOf('grossSalesCents')]).toBe(6600);
      expect(typeof row[header.indexOf('units')]).toBe('number');
    });
  });

  describe('unpaid checkouts per buyer (MAX_UNPAID_CHECKOUTS, default 3)', () => {
    it('answers the fourth unpaid checkout 409 taking no stock, still replays the first, and lets the buyer go on once one is paid', async () => {
      const b = await createUser(t, 'buyer');
      const listing = await createListing(t, farmer, { priceCents: 1500, stock: 100 });
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const first: { body: { id: string; payment: { id: string } } }[] = [];
      for (const key of keys) first.push(await checkout(t, b, [{ listingId: listing.id, quantity: 10 }], key).expect(201));
      expect(await stockOf(t, listing.id)).toBe(70);

      const fourth = await checkout(t, b, [{ listingId: listing.id, quantity: 10 }]);
      expect(fourth.status).toBe(409);
      expect(fourth.body).toMatchObject({ statusCode: 409, error: 'Conflict', maxUnpaidCheckouts: 3 });
      expect(fourth.body.message).toMatch(/already have 3 unpaid checkouts: pay or cancel one/);
      expect(await stockOf(t, listing.id)).toBe(70);
      expect(await count(t, `SELECT count(*) AS n FROM checkouts WHERE buyer_id = $1`, [b.id])).toBe(3);

      // A replay of an existing checkout (same key, same body) answers as before.
      const replay = await checkout(t, b, [{ listingId: listing.id, quantity: 10 }], keys[0]).expect(201);
      expect(replay.body).toEqual(first[0].body);
      expect(await stockOf(t, listing.id)).toBe(70);

      // Another buyer is not held up.
      await checkout(t, await createUser(t, 'buyer'), [{ listingId: listing.id, quantity: 1 }]).expect(201);

      // Paying one frees a place; cancelling one frees another.
      await pay(b, first[1].body.payment.id);
      await checkout(t, b, [{ listingId: listing.id, quantity: 1 }]).expect(201);
      await checkout(t, b, [{ listingId: listing.id, quantity: 1 }]).expect(409);
      const [order] = await t.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [first[2].body.id]);
      await t.http().post(`/api/orders/${order.id}/cancel`).set(b.auth).send({}).expect(200);
      await checkout(t, b, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    });

    it('holds under concurrency: 12 simultaneous checkouts of one buyer, exactly 3 succeed', async () => {
      const b = await createUser(t, 'buyer');
      const listing = await createListing(t, farmer, { priceCents: 700, stock: 1000 });
      const answers = await Promise.all(Array.from({ length: 12 }, () => checkout(t, b, [{ listingId: listing.id, quantity: 5 }])));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([...Array(3).fill(201), ...Array(9).fill(409)]);
      expect(await stockOf(t, listing.id)).toBe(1000 - 3 * 5);
      expect(await count(t, `SELECT count(DISTINCT checkout_id) AS n FROM orders WHERE buyer_id = $1 AND status = 'pending_payment'`, [b.id])).toBe(3);
    });

    it('follows the setting', async () => {
      const one = await createTestApp({ MAX_UNPAID_CHECKOUTS: '1' });
      try {
        const f = await createUser(one, 'farmer');
        const b = await createUser(one, 'buyer');
        const listing = await createListing(one, f, { stock: 10 });
        await checkout(one, b, [{ listingId: listing.id, quantity: 1 }]).expect(201);
        const second = await checkout(one, b, [{ listingId: listing.id, quantity: 1 }]);
        expect(second.status).toBe(409);
        expect(second.body.message).toMatch(/already have 1 unpaid checkout:/);
        expect(await stockOf(one, listing.id)).toBe(9);
      } finally {
        await one.close();
      }
    });
  });
});
