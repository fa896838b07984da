import ExcelJS from 'exceljs';
import { checkout, COUNTIES, createCooperative, createListing, createUser, TestUser, useTestApp } from '@farmlink/testing';
import { oracleReport, pickFigures } from '../libs/reports/test/sales-oracle';

/** Parses the CSV export (BOM, header row, quoted cells) into objects of numbers and strings. */
function parseCsv(text: string): Record<string, string | number | null>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, h === 'key' || h === 'name' ? r[i] : r[i] === '' ? null : Number(r[i])])));
}

describe('Sales reports (e2e)', () => {
  const t = useTestApp();
  let admin: TestUser;
  let guizhouOfficer: TestUser;
  let zunyiOfficer: TestUser;
  let buyer: TestUser;
  let buyer2: TestUser;
  let tongziPoor: TestUser;
  let zhengan: TestUser;
  let lankao: TestUser;
  const lastYear = new Date().getUTCFullYear() - 1;
  const Y = String(lastYear);
  const P = String(lastYear - 1);

  const pay = (b: TestUser, paymentId: string) => t.http().post(`/api/payments/${paymentId}/simulate`).set(b.auth).send({ outcome: 'succeeded' }).expect(200);

  /** Checks out and pays, then dates the payment at `paidAt` (UTC). Returns the orders by seller. */
  async function sale(b: TestUser, items: { listingId: string; quantity: number }[], paidAt: string): Promise<{ id: string; sellerId: string; totalCents: number }[]> {
    const res = await checkout(t, b, items).expect(201);
    await pay(b, res.body.payment.id);
    for (const o of res.body.orders) await t.db.query(`UPDATE orders SET paid_at = $2 WHERE id = $1`, [o.id, paidAt]);
    return res.body.orders;
  }

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    guizhouOfficer = await createUser(t, 'officer', { jurisdictionCode: '520000' });
    zunyiOfficer = await createUser(t, 'officer', { jurisdictionCode: '520300' });
    buyer = await createUser(t, 'buyer');
    buyer2 = await createUser(t, 'buyer');
    tongziPoor = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi, povertyRegistered: true });
    zhengan = await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan });
    lankao = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
    const kiwi = await createListing(t, tongziPoor, { priceCents: 3333, stock: 1000, netWeightGrams: 2500 });
    const tea = await createListing(t, zhengan, { priceCents: 12800, stock: 1000, category: 'tea', netWeightGrams: 250 });
    const garlic = await createListing(t, lankao, { priceCents: 999, stock: 1000, category: 'vegetables', netWeightGrams: 5000 });
    const coop = await createCooperative(t, zhengan, [tongziPoor]);
    const coopKiwi = await createListing(t, tongziPoor, { priceCents: 4000, stock: 1000, cooperativeId: coop });

    // Last year, in Guizhou: a kiwi sale at 23:30 local time on 31 Dec (still last year)…
    const [k1] = await sale(buyer, [{ listingId: kiwi.id, quantity: 3 }], `${Y}-12-31T15:30:00Z`);
    // …and one at 00:30 local on 1 Jan of last year, which was 31 Dec of the year before in UTC.
    await sale(buyer2, [{ listingId: kiwi.id, quantity: 1 }], `${P}-12-31T16:30:00Z`);
    // A tea sale, partly refunded in March.
    const [teaOrder] = await sale(buyer, [{ listingId: tea.id, quantity: 2 }], `${Y}-03-01T04:00:00Z`);
    const refund = await t.http().post(`/api/orders/${teaOrder.id}/refunds`).set(zhengan.auth).send({ amountCents: 5000, reason: '破损' }).expect(201);
    await t.db.query(`UPDATE refunds SET created_at = $2 WHERE id = $1`, [refund.body.id, `${Y}-03-10T02:00:00Z`]);
    // A cooperative order mixing the poor household's kiwi (coop) with nothing else.
    await sale(buyer2, [{ listingId: coopKiwi.id, quantity: 2 }], `${Y}-06-15T08:00:00Z`);
    // Henan: outside Guizhou.
    await sale(buyer, [{ listingId: garlic.id, quantity: 10 }], `${Y}-05-05T05:00:00Z`);
    // The year before last, in Zheng'an, for growth.
    await sale(buyer, [{ listingId: tea.id, quantity: 1 }], `${P}-04-01T05:00:00Z`);
    // Cancelled before payment, then the money arrives: refunded automatically, never counted.
    const late = await checkout(t, buyer, [{ listingId: kiwi.id, quantity: 5 }]).expect(201);
    await t.http().post(`/api/orders/${late.body.orders[0].id}/cancel`).set(buyer.auth).send({}).expect(200);
    await pay(buyer, late.body.payment.id);
    const [auto] = await t.db.query(`SELECT count(*)::int AS n FROM refunds WHERE order_id = $1`, [late.body.orders[0].id]);
    expect(auto.n).toBe(1);
    void k1;
  });

  const get = (u: TestUser, query: Record<string, string>) => t.http().get('/api/reports/sales').query(query).set(u.auth);

  it('gives a province officer the county report for last year as JSON, CSV and XLSX, each agreeing with the orders to the fen', async () => {
    const q = { from: `${Y}-01-01`, to: `${Y}-12-31`, groupBy: 'county' };
    const json = await get(guizhouOfficer, q).expect(200);
    // Unfiltered, the officer sees only Guizhou: Lankao (Henan) is not there.
    expect(json.body.rows.map((r: { key: string }) => r.key).sort()).toEqual([COUNTIES.tongzi, COUNTIES.zhengan].sort());
    const guizhou = (await t.app.get(require('@farmlink/regions').RegionsService).countiesWithin('520000')) as string[];
    const expected = await oracleReport(t.db, { ...q, groupBy: 'county', counties: guizhou });
    for (const row of json.body.rows) expect(pickFigures(row)).toEqual(expected.rows.get(row.key));
    expect(pickFigures(json.body.totals)).toEqual(expected.totals);

    const tongzi = json.body.rows.find((r: { key: string }) => r.key === COUNTIES.tongzi);
    // 3 × 33.33 on 31 Dec (local) and 2 × 40.00 via the cooperative; the 1 Jan 00:30 local sale is in last year too.
    expect(tongzi).toMatchObject({ name: '桐梓县', grossSalesCents: 3 * 3333 + 3333 + 2 * 4000, units: 6, weightKg: 15, orders: 3, buyers: 2, sellers: 2, producers: 1, povertyHouseholds: 1 });
    expect(tongzi.povertyHouseholdSalesCents).toBe(tongzi.netSalesCents);
    const zhenganRow = json.body.rows.find((r: { key: string }) => r.key === COUNTIES.zhengan);
    expect(zhenganRow).toMatchObject({ grossSalesCents: 25600, refundsCents: 5000, netSalesCents: 20600, previousYearNetSalesCents: 12800, growthPct: 60.9 });
    // Sorted by net sales, largest first.
    expect(json.body.rows.map((r: { netSalesCents: number }) => r.netSalesCents)).toEqual([21332, 20600]);

    const csv = await get(guizhouOfficer, { ...q, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const csvRows = parseCsv(csv.text);
    expect(csvRows.slice(0, -1)).toEqual(json.body.rows);
    expect(csvRows.at(-1)).toEqual(json.body.totals);

    const xlsx = await get(guizhouOfficer, { ...q, format: 'xlsx' }).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.getWorksheet('Sales')!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const [header, ...body] = values as unknown[][];
    const objects = body.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? null])));
    expect(objects.slice(0, -1)).toEqual(json.body.rows);
    expect(objects.at(-1)).toEqual(json.body.totals);
  });

  it('counts a sale on the local date of its payment (Asia/Shanghai) and refunds on their own date', async () => {
    const jan1 = await get(admin, { from: `${Y}-01-01`, to: `${Y}-01-01`, groupBy: 'month' }).expect(200);
    expect(jan1.body.rows).toEqual([expect.objectContaining({ key: `${Y}-01`, grossSalesCents: 3333, orders: 1 })]);
    const march = await get(admin, { from: `${Y}-03-01`, to: `${Y}-03-09`, groupBy: 'category' }).expect(200);
    expect(march.body.rows).toEqual([expect.objectContaining({ key: 'tea', grossSalesCents: 25600, refundsCents: 0 })]);
    const refundDay = await get(admin, { from: `${Y}-03-10`, to: `${Y}-03-10`, groupBy: 'category' }).expect(200);
    expect(refundDay.body.rows).toEqual([expect.objectContaining({ key: 'tea', grossSalesCents: 0, refundsCents: 5000, netSalesCents: -5000, orders: 0 })]);
  });

  it('limits officers to their jurisdiction and refuses buyers and farmers', async () => {
    const q = { from: `${Y}-01-01`, to: `${Y}-12-31` };
    const outside = await get(zunyiOfficer, { ...q, regionCode: '410000' }).expect(403);
    expect(outside.body).toMatchObject({ statusCode: 403, error: expect.any(String), message: expect.stringMatching(/jurisdiction/) });
    await get(zunyiOfficer, { ...q, regionCode: '520000' }).expect(403); // wider than Zunyi
    const inside = await get(zunyiOfficer, { ...q, regionCode: COUNTIES.tongzi }).expect(200);
    expect(inside.body.rows.map((r: { key: string }) => r.key)).toEqual([COUNTIES.tongzi]);
    const byProvince = await get(admin, { ...q, groupBy: 'province' }).expect(200);
    expect(byProvince.body.rows.map((r: { key: string; name: string }) => [r.key, r.name]).sort()).toEqual([['410000', '河南省'], ['520000', '贵州省']]);
    const scoped = await get(guizhouOfficer, { ...q, groupBy: 'province' }).expect(200);
    expect(scoped.body.rows.map((r: { key: string }) => r.key)).toEqual(['520000']);
    await get(buyer, q).expect(403);
    await get(zhengan, q).expect(403);
    await t.http().get('/api/reports/sales').query(q).expect(401);
    // An officer without a jurisdiction is a national officer: every county, e.g. Lankao in Henan.
    const national = await createUser(t, 'officer');
    const all = await get(national, q).expect(200);
    expect(all.body.rows.map((r: { key: string }) => r.key)).toContain('410225');
  });

  it('rejects bad input with 400 or 404, never 5xx', async () => {
    const ok = { from: `${Y}-01-01`, to: `${Y}-12-31` };
    for (const bad of [
      { from: `${Y}-1-01`, to: ok.to },
      { from: `${Y}-02-30`, to: ok.to },
      { from: ok.to, to: ok.from },
      { from: '2020-01-01', to: '2023-01-02' },
      { ...ok, groupBy: 'village' },
      { ...ok, format: 'pdf' },
      { ...ok, sort: 'bogus' },
      { ...ok, regionCode: '12' },
      { ...ok, programmeId: 'nope' },
      { to: ok.to },
      { ...ok, extra: '1' },
    ]) {
      const res = await get(admin, bad as Record<string, string>);
      expect([res.status, bad]).toEqual([400, bad]);
      expect(res.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.anything() });
    }
    await get(admin, { from: '2020-01-01', to: '2023-01-01' }).expect(200);
    await get(admin, { ...ok, regionCode: '999999' }).expect(404);
    await get(admin, { ...ok, programmeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await t.http().get('/api/reports/programmes/00000000-0000-4000-8000-000000000000/summary?year=2025').set(admin.auth).expect(404);
    await t.http().get('/api/reports/programmes/x/summary?year=2025').set(admin.auth).expect(400);
  });

  it('sorts as asked', async () => {
    const res = await get(admin, { from: `${Y}-01-01`, to: `${Y}-12-31`, sort: 'key' }).expect(200);
    const keys = res.body.rows.map((r: { key: string }) => r.key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toHaveLength(3);
  });

  it('summarises a programme year with growth against the previous year', async () => {
    const programme = await t.http().post('/api/programmes').set(admin.auth).send({ name: '电子商务进农村综合示范', startDate: `${P}-01-01` }).expect(201);
    await t.http().put(`/api/programmes/${programme.body.id}/counties`).set(admin.auth).send({ countyCodes: [COUNTIES.tongzi, COUNTIES.zhengan, COUNTIES.leishan] }).expect(200);
    const res = await t.http().get(`/api/reports/programmes/${programme.body.id}/summary?year=${Y}`).set(admin.auth).expect(200);
    const report = await get(admin, { from: `${Y}-01-01`, to: `${Y}-12-31`, programmeId: programme.body.id }).expect(200);
    expect(res.body).toMatchObject({
      programme: { id: programme.body.id, name: '电子商务进农村综合示范' },
      year: lastYear,
      countiesEnrolled: 3,
      countiesWithSales: 2,
      netSalesCents: 20600 + 21332,
      previousYearNetSalesCents: 12800,
      growthPct: Math.round(((41932 - 12800) / 12800) * 1000) / 10,
      povertyHouseholdSalesCents: 21332,
      povertyHouseholds: 1,
      orders: report.body.totals.orders,
    });
    expect(res.body.netSalesCents).toBe(report.body.totals.netSalesCents);
    expect(res.body.topCounties.map((c: { key: string; name: string }) => [c.key, c.name])).toEqual([[COUNTIES.tongzi, '桐梓县'], [COUNTIES.zhengan, '正安县']]);
    expect(res.body.topCategories.map((c: { key: string }) => c.key)).toEqual(['fruit', 'tea']);
    // An officer outside the programme's counties sees none of them.
    const henan = await createUser(t, 'officer', { jurisdictionCode: '410000' });
    const scoped = await t.http().get(`/api/reports/programmes/${programme.body.id}/summary?year=${Y}`).set(henan.auth).expect(200);
    expect(scoped.body).toMatchObject({ countiesEnrolled: 0, netSalesCents: 0, topCounties: [] });
    await t.http().get(`/api/reports/programmes/${programme.body.id}/summary?year=20x5`).set(admin.auth).expect(400);
    await t.http().get(`/api/reports/programmes/${programme.body.id}/summary?year=${Y}`).set(buyer.auth).expect(403);
  });
});
