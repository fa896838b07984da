import ExcelJS from 'exceljs';
import { checkout, COUNTIES, createListing, createTestApp, createUser, TestApp, TestUser } from '@farmlink/testing';
import { EXPORT_COLUMNS } from '../libs/reports/src/report-export';

/**
 * #16 item 3: exports for people with `lang` (headers in the language, money in yuan, XLSX with a
 * title); without `lang`, or with raw=1, the machine form exactly as before (the contract's
 * "CSV with a header row when format=csv", read by scripts).
 */
describe('Sales report exports for people (e2e)', () => {
  let t: TestApp;
  let officer: TestUser;
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
  const q = `from=${year}-01-01&to=${year}-12-31&groupBy=county`;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await createUser(t, 'officer', { jurisdictionCode: '520300' });
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { priceCents: 660200, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  });
  afterAll(() => t.close());

  // supertest's parser: the response is a stream (typed as its Response).
  const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
    const stream = res as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  it('format=csv without lang, and with raw=1, is the machine form: field names and fen', async () => {
    const plain = await t.http().get(`/api/reports/sales?${q}&format=csv`).set(officer.auth).expect(200);
    const raw = await t.http().get(`/api/reports/sales?${q}&format=csv&raw=1&lang=zh-CN`).set(officer.auth).set('Accept-Language', 'zh-CN').expect(200);
    expect(raw.text).toBe(plain.text);
    const lines = plain.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines[1]).toMatch(new RegExp(`^${COUNTIES.tongzi},桐梓县,1,1320400,0,1320400,`));
  });

  it('lang=zh-CN and lang=en: translated headers, yuan with two decimals', async () => {
    const zh = await t.http().get(`/api/reports/sales?${q}&format=csv&lang=zh-CN`).set(officer.auth).expect(200);
    expect(zh.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const zhLines = zh.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(zhLines[0]).toMatch(/^代码,县,订单数,销售总额（元）,退款（元）,净销售额（元）/);
    expect(zhLines[1]).toMatch(new RegExp(`^${COUNTIES.tongzi},桐梓县,1,13204\\.00,0\\.00,13204\\.00,`));
    expect(zhLines[2]).toMatch(/^,合计,1,13204\.00,/);
    const en = await t.http().get(`/api/reports/sales?${q}&format=csv&lang=en`).set(officer.auth).expect(200);
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Code,County,Orders,Gross sales \(CNY\)/);
  });

  it('XLSX with lang: a title naming the range and the officer\'s scope, yuan cells formatted #,##0.00', async () => {
    const res = await t.http().get(`/api/reports/sales?${q}&format=xlsx&lang=zh-CN`).set(officer.auth).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('销售报表')!;
    expect(ws.getCell('A1').value).toBe('FarmLink 销售报表（按县）');
    expect(ws.getCell('B2').value).toBe(`${year}-01-01 至 ${year}-12-31`);
    expect(ws.getCell('B3').value).toBe('贵州省 › 遵义市'); // the officer's jurisdiction
    expect(String(ws.getCell('B4').value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Shanghai\)$/);
    const row = ws.getRow(8);
    expect(row.getCell(1).value).toBe(COUNTIES.tongzi);
    expect(row.getCell(4).value).toBe(13204);
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
  });

  it('a bad lang or raw is 400; each export is audited once', async () => {
    await t.http().get(`/api/reports/sales?${q}&format=csv&lang=fr`).set(officer.auth).expect(400);
    await t.http().get(`/api/reports/sales?${q}&format=csv&raw=yes`).set(officer.auth).expect(400);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND actor_id = $1`, [officer.id]))[0].n;
    await t.http().get(`/api/reports/sales?${q}&format=xlsx&lang=en`).set(officer.auth).buffer(true).parse(binary).expect(200);
    const after = (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND actor_id = $1`, [officer.id]))[0].n;
    expect(after).toBe(before + 1);
  });
});
