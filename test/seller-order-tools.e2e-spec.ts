import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { migrations } from '@farmlink/database/migrations';
import { checkout, COUNTIES, createListing, createUser, TestUser, useTestApp, useUsers } from '@farmlink/testing';
import { formatOrderNo, isValidOrderNo } from '@farmlink/shared';

/** Issue #15 item 5: readable order numbers, the seller's search and filters, the CSV/XLSX export. */
describe('Seller order tools (e2e)', () => {
  const t = useTestApp();
  const { farmerA, farmerB, buyer1, buyer2 } = useUsers(t, {
    farmerA: ['farmer', { countyCode: COUNTIES.tongzi, displayName: '王农' }],
    farmerB: ['farmer', { countyCode: COUNTIES.leishan }],
    buyer1: ['buyer', { displayName: 'Zhang San' }],
    buyer2: ['buyer', { displayName: 'Li Si' }],
  });

  const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
    const stream = res as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  /** A checkout with its own shipping name; returns the orders of the answer. */
  async function buy(b: TestUser, items: { listingId: string; quantity: number }[], name: string) {
    const res = await t
      .http()
      .post('/api/checkouts')
      .set(b.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ items, shippingAddress: { name, phone: '13800000000', countyCode: '110105', line1: '=HYPERLINK("http://x","y") 1 号' } })
      .expect(201);
    return res.body.orders as { id: string; orderNo: string; sellerId: string }[];
  }

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((o) => o.id).sort();

  let kiwi: { id: string };
  let tea: { id: string };
  let teaB: { id: string };
  let o1: { id: string; orderNo: string };
  let o2: { id: string; orderNo: string };
  let o3: { id: string; orderNo: string };
  let oB: { id: string; orderNo: string };

  beforeAll(async () => {
    kiwi = await createListing(t, farmerA, { title: '红心猕猴桃', priceCents: 3990, stock: 100 });
    tea = await createListing(t, farmerA, { title: '+SUM(A1) 茶', priceCents: 12800, stock: 100, category: 'tea' });
    teaB = await createListing(t, farmerB, { title: '雷山银球茶', priceCents: 5000, stock: 100, category: 'tea' });
    // One checkout from two farms: two orders, two different numbers.
    const first = await buy(buyer1, [{ listingId: kiwi.id, quantity: 2 }, { listingId: teaB.id, quantity: 1 }], '张三');
    o1 = first.find((o) => o.sellerId === farmerA.id)!;
    oB = first.find((o) => o.sellerId === farmerB.id)!;
    [o2] = await buy(buyer2, [{ listingId: tea.id, quantity: 1 }], '李四');
    [o3] = await buy(buyer2, [{ listingId: kiwi.id, quantity: 1 }, { listingId: tea.id, quantity: 3 }], '李四');
    // Placed at known local times (Asia/Shanghai, +08:00): o1 on 1 March 00:30 local (29 Feb 16:30 UTC), o2 on 5 March, o3 on 10 March.
    await t.db.query(`UPDATE orders SET placed_at = '2028-02-29T16:30:00Z' WHERE id = $1`, [o1.id]);
    await t.db.query(`UPDATE orders SET placed_at = '2028-03-05T04:00:00Z' WHERE id = $1`, [o2.id]);
    await t.db.query(`UPDATE orders SET placed_at = '2028-03-10T04:00:00Z' WHERE id = $1`, [o3.id]);
  });

  it('gives every order a readable, unique number with a check symbol, also on each order of one checkout', async () => {
    for (const o of [o1, o2, o3, oB]) {
      expect(o.orderNo).toMatch(/^FL-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]$/);
      expect(isValidOrderNo(o.orderNo)).toBe(true);
    }
    expect(o1.orderNo).not.toBe(oB.orderNo);
    const one = await t.http().get(`/api/orders/${o1.id}`).set(farmerA.auth).expect(200);
    expect(one.body.orderNo).toBe(o1.orderNo);
    const list = await t.http().get('/api/orders').set(buyer1.auth).expect(200);
    expect(list.body.items.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual([o1.orderNo, oB.orderNo].sort());
  });

  it('makes numbers in SQL exactly as the TypeScript rule does, past 32^5 too (6 symbols, not cut to 5)', async () => {
    const ns = [1, 2, 3, 31, 32, 1000, 33554431, 33554432, 99999999];
    const rows: { no: string }[] = await t.db.query(`SELECT order_no_of(n) AS no FROM unnest($1::bigint[]) WITH ORDINALITY AS x(n, i) ORDER BY i`, [ns]);
    expect(rows.map((r) => r.no)).toEqual(ns.map(formatOrderNo));
  });

  it('filters a seller\'s orders by status, local dates, buyer name, listing and order number', async () => {
    const get = (q: string, who: TestUser = farmerA) => t.http().get(`/api/orders?${q}`).set(who.auth).expect(200);
    expect(ids(await get(''))).toEqual([o1.id, o2.id, o3.id].sort());
    // Dates are local (Asia/Shanghai): o1 placed 29 Feb 16:30 UTC is 1 March.
    expect(ids(await get('from=2028-03-01&to=2028-03-01'))).toEqual([o1.id]);
    expect(ids(await get('to=2028-02-29'))).toEqual([]);
    expect(ids(await get('from=2028-03-05'))).toEqual([o2.id, o3.id].sort());
    expect(ids(await get('from=2028-03-02&to=2028-03-09'))).toEqual([o2.id]);
    // Buyer: the shipping name or the account's name, any case.
    expect(ids(await get(`buyer=${encodeURIComponent('张')}`))).toEqual([o1.id]);
    expect(ids(await get('buyer=li%20si'))).toEqual([o2.id, o3.id].sort());
    expect(ids(await get('buyer=%25'))).toEqual([]); // a % is a character, not a wildcard
    expect(ids(await get(`listingId=${tea.id}`))).toEqual([o2.id, o3.id].sort());
    expect(ids(await get(`listingId=${kiwi.id}&buyer=zhang`))).toEqual([o1.id]);
    // The order number as written, typed sloppily, or its beginning.
    expect(ids(await get(`q=${o2.orderNo}`))).toEqual([o2.id]);
    expect(ids(await get(`q=${o2.orderNo.replace(/-/g, '').toLowerCase().replace(/^fl/, '')}`))).toEqual([o2.id]);
    expect(ids(await get(`q=${o3.orderNo.slice(0, 7)}`))).toContain(o3.id);
    expect(ids(await get('status=paid'))).toEqual([]);
    const paged = await get('pageSize=2&page=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('never widens what a caller sees: a buyer\'s or another seller\'s filters find only their own orders', async () => {
    const asBuyer2 = await t.http().get(`/api/orders?listingId=${kiwi.id}`).set(buyer2.auth).expect(200);
    expect(ids(asBuyer2)).toEqual([o3.id]);
    const byNumber = await t.http().get(`/api/orders?q=${o1.orderNo}`).set(buyer2.auth).expect(200);
    expect(byNumber.body.items).toEqual([]);
    const asFarmerB = await t.http().get(`/api/orders?listingId=${kiwi.id}&buyer=li`).set(farmerB.auth).expect(200);
    expect(asFarmerB.body.items).toEqual([]);
    await t.http().get('/api/orders/export?format=csv').set(buyer1.auth).expect(403);
    const csvB = await t.http().get(`/api/orders/export?format=csv&lang=en&listingId=${kiwi.id}`).set(farmerB.auth).expect(200);
    expect(csvB.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1); // the header only
  });

  it.each([
    ['from=2028-02-30', /from must be a date/],
    ['to=tomorrow', /to must be a date/],
    ['from=2028-03-05&to=2028-03-01', /from must be on or before to/],
    ['q=%23%23%23', /q must be an order number/],
    ['listingId=nope', /listingId must be a UUID/],
    ['buyer=', /buyer must be 1 to 100 characters/],
    ['status=lost', /status must be one of/],
    ['pageSize=101', /pageSize/],
  ])('answers 400 to a bad filter: %s', async (q, message) => {
    const res = await t.http().get(`/api/orders?${q}`).set(farmerA.auth).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(message);
    await t.http().get(`/api/orders/export?format=csv&${q.startsWith('pageSize') ? 'format=pdf' : q}`).set(farmerA.auth).expect(400);
  });

  it('exports the seller\'s own orders as CSV with headers in the chosen language and formula-safe cells', async () => {
    const en = await t.http().get('/api/orders/export?format=csv&lang=en&from=2028-03-05').set(farmerA.auth).expect(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(en.headers['content-disposition']).toMatch(/attachment; filename="orders-2028-03-05-now\.csv"/);
    const lines = en.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Order no.,Placed at,Status,Buyer,Recipient,Phone,County code,Address,Items,Units,Total (CNY),Refunded (CNY),Carrier,Tracking no.');
    expect(lines).toHaveLength(3); // o3 then o2, newest first
    expect(lines[1].startsWith(`${o3.orderNo},2028-03-10 12:00,Awaiting payment,Li Si,李四,13800000000,110105,`)).toBe(true);
    // The address and the title would be formulas: they are written as text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""y"") 1 号"`);
    expect(lines[1]).toContain(`红心猕猴桃 × 1 `);
    expect(lines[1]).toContain(`+SUM(A1) 茶 × 3`); // inside the cell, not at its start: no quote needed
    expect(lines[1]).toMatch(/,4,423\.90,0\.00,,$/);
    const zh = await t.http().get('/api/orders/export?format=csv').set(farmerA.auth).expect(200);
    expect(zh.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^订单号,下单时间,状态,买家,收货人,电话/);
    expect(zh.text.split('\r\n')).toHaveLength(5); // header, three orders, the empty end
    // Each export (it holds buyers' addresses) is on the audit trail.
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'order.export' AND actor_id = $1 ORDER BY at, id`, [farmerA.id]);
    expect(audit.slice(-2).map((a: { details: { format: string; orders: number } }) => [a.details.format, a.details.orders])).toEqual([['csv', 2], ['csv', 3]]);
  });

  it('exports XLSX: translated header, money as numbers in yuan, text cells formula-safe', async () => {
    const res = await t.http().get(`/api/orders/export?format=xlsx&lang=zh-CN&listingId=${tea.id}&from=2028-03-05&to=2028-03-05`).set(farmerA.auth)
      .buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('订单')!;
    expect(ws.getRow(1).values).toEqual([undefined, '订单号', '下单时间', '状态', '买家', '收货人', '电话', '县代码', '地址', '商品', '件数', '金额（元）', '已退款（元）', '快递', '运单号']);
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell('A2').value).toBe(o2.orderNo);
    expect(ws.getCell('C2').value).toBe('待付款');
    expect(ws.getCell('H2').value).toBe(`'=HYPERLINK("http://x","y") 1 号`);
    expect(ws.getCell('I2').value).toMatch(/^'\+SUM\(A1\) 茶 × 1/);
    expect(ws.getCell('K2').value).toBe(128);
    expect(ws.getColumn(11).numFmt).toBe('#,##0.00');
  });

  it('keeps order numbers unique across 1000 orders from concurrent checkouts', async () => {
    const a = await createListing(t, farmerA, { title: '土鸡蛋', priceCents: 100, stock: 10_000 });
    const b = await createListing(t, farmerB, { title: '糯米', priceCents: 100, stock: 10_000 });
    const buyers = await Promise.all(Array.from({ length: 4 }, () => createUser(t, 'buyer')));
    const numbers: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 500) {
        const i = next++;
        const res = await checkout(t, buyers[i % buyers.length], [{ listingId: a.id, quantity: 1 }, { listingId: b.id, quantity: 1 }]).expect(201);
        numbers.push(...res.body.orders.map((o: { orderNo: string }) => o.orderNo));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(numbers).toHaveLength(1000);
    expect(new Set(numbers).size).toBe(1000);
    const [{ stored, distinct }] = await t.db.query(`SELECT count(*)::int AS stored, count(DISTINCT order_no)::int AS distinct FROM orders WHERE order_no = ANY($1)`, [numbers]);
    expect({ stored, distinct }).toEqual({ stored: 1000, distinct: 1000 });
  }, 240_000);

  it('numbers the orders that existed before the migration, in the order they were placed (down and up again)', async () => {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM orders`);
    expect(n).toBeGreaterThan(1000);
    const ds = new DataSource({ type: 'postgres', url: t.database.url });
    await ds.initialize();
    const qr = ds.createQueryRunner();
    try {
      const Migration = migrations.find((m) => m.name === 'OrderNumbers1780000000077')!;
      await new Migration().down(qr);
      expect(await qr.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'order_no'`)).toEqual([]);
      await new Migration().up(qr);
    } finally {
      await qr.release();
      await ds.destroy();
    }
    const rows: { order_no: string }[] = await t.db.query(`SELECT order_no FROM orders ORDER BY placed_at, id`);
    expect(rows.map((r) => r.order_no)).toEqual(rows.map((_, i) => formatOrderNo(i + 1)));
    // New orders go on from there.
    const [fresh] = await buy(buyer1, [{ listingId: kiwi.id, quantity: 1 }], '张三');
    expect(fresh.orderNo).toBe(formatOrderNo(n + 1));
  }, 120_000);
});
