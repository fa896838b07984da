import ExcelJS from 'exceljs';
import { createUser, useTestApp, type TestUser } from '@farmlink/testing';

const HEADER = 'title,category,unit,netWeightGrams,price,stock,description,harvestDate';

/** A 40-row CSV whose rows 5, 17 and 30 (file rows, the header is row 1) are bad. */
function fortyRows(): string {
  const lines = [HEADER];
  for (let i = 1; i <= 40; i++) {
    const row = i + 1;
    if (row === 5) lines.push(`"坏的,价格",fruit,box,2500,12.345,10,,`); // three decimals
    else if (row === 17) lines.push(`高山茶 ${i},not_a_category,box,500,88.00,5,,`);
    else if (row === 30) lines.push(`,vegetables,bag,1000,5,-3,,2026-13-40`); // no title, negative stock, bad date
    else lines.push(`"桐梓方竹笋 ${i}, 5斤装",vegetables,box,2500,48.${String(i).padStart(2, '0')},${i},"现挖,当天发货",2026-04-12`);
  }
  return lines.join('\r\n') + '\r\n';
}

describe('Bulk listing import (e2e)', () => {
  const t = useTestApp();
  let farmer: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer');
  });

  const upload = (by: TestUser, body: Buffer | string, query = '', filename = 'listings.csv') =>
    t.http().post(`/api/listings/import${query}`).set(by.auth).attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), filename);

  it('a 40-row CSV with 3 bad rows creates 37 listings and names the 3 rows (a dry run first creates nothing)', async () => {
    const csv = '\uFEFF' + fortyRows(); // Excel's UTF-8 CSV starts with a BOM
    const preview = await upload(farmer, csv, '?dryRun=true').expect(200);
    expect(preview.body).toMatchObject({ dryRun: true, total: 40, valid: 37, created: 0 });
    expect((await t.http().get('/api/listings/mine').set(farmer.auth).expect(200)).body).toHaveLength(0);

    const res = await upload(farmer, csv).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, total: 40, valid: 37, created: 37 });
    const bad = res.body.rows.filter((r: { ok: boolean }) => !r.ok);
    expect(bad.map((r: { row: number }) => r.row)).toEqual([5, 17, 30]);
    expect(bad[0].errors).toEqual([{ field: 'price', message: expect.stringMatching(/two decimals/) }]);
    expect(bad[1].errors.map((e: { field: string }) => e.field)).toEqual(['category']);
    expect(bad[2].errors.map((e: { field: string }) => e.field).sort()).toEqual(['harvestDate', 'stock', 'title']);

    const mine = (await t.http().get('/api/listings/mine').set(farmer.auth).expect(200)).body as { id: string; title: string; priceCents: number; stock: number; description: string; harvestDate: string }[];
    expect(mine).toHaveLength(37);
    const third = mine.find((l) => l.title === '桐梓方竹笋 3, 5斤装')!;
    expect(third).toMatchObject({ priceCents: 4803, stock: 3, description: '现挖,当天发货', harvestDate: '2026-04-12' });
    expect(res.body.rows.find((r: { row: number }) => r.row === 4).listingId).toBe(third.id);
    // Each imported listing's stock history starts with the import, by the farmer.
    const history = await t.http().get(`/api/listings/${third.id}/stock-history`).set(farmer.auth).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ reason: 'import', delta: 3, stockAfter: 3, actorId: farmer.id })]);
  });

  it('allOrNothing creates nothing when a row is bad; Chinese headers, weight in kg and XLSX are read', async () => {
    const f = await createUser(t, 'farmer');
    const zh = '标题,分类,单位,重量(千克),价格(元),库存,描述,采收日期\n小米,grain,bag,2.5,30,10,,\n坏,grain,bag,abc,30,10,,\n';
    const none = await upload(f, zh, '?allOrNothing=true').expect(200);
    expect(none.body).toMatchObject({ total: 2, valid: 1, created: 0 });
    expect(none.body.rows[1].errors).toEqual([{ field: 'weightKg', message: expect.any(String) }]);
    expect((await t.http().get('/api/listings/mine').set(f.auth)).body).toHaveLength(0);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('listings');
    ws.addRow(HEADER.split(','));
    ws.addRow(['土鸡蛋', 'eggs_dairy', 'box', 1500, 39.9, 20, '散养', new Date('2026-05-01T00:00:00Z')]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(f, xlsx, '', 'listings.xlsx').expect(200);
    expect(res.body).toMatchObject({ total: 1, created: 1 });
    const [egg] = (await t.http().get('/api/listings/mine').set(f.auth)).body;
    expect(egg).toMatchObject({ title: '土鸡蛋', priceCents: 3990, netWeightGrams: 1500, stock: 20, harvestDate: '2026-05-01' });
  });

  it('refuses what it cannot take with a 4xx and creates nothing', async () => {
    const f = await createUser(t, 'farmer');
    const big = [HEADER, ...Array.from({ length: 1001 }, (_, i) => `梨 ${i},fruit,box,1000,10,1,,`)].join('\n');
    await upload(f, big).expect(413);
    await upload(f, Buffer.alloc(1024 * 1024 + 10, 'a')).expect(413);
    await upload(f, 'just some text\nwithout a title column\n').expect(422);
    await upload(f, '').expect(422);
    await upload(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '', 'x.xlsx').expect(422);
    await upload(f, `${HEADER}\n"unterminated,fruit\n`).expect(422);
    await t.http().post('/api/listings/import').set(f.auth).send({ rows: [] }).expect(400);
    await upload(f, `${HEADER}\n`, '?dryRun=maybe').expect(400);
    await upload(await createUser(t, 'buyer'), `${HEADER}\n`).expect(403);
    expect((await t.http().get('/api/listings/mine').set(f.auth)).body).toHaveLength(0);
  });

  describe('updating by SKU', () => {
    const SKU_HEADER = 'sku,title,category,unit,netWeightGrams,price,stock,description,harvestDate';

    it('a row with a known SKU updates that listing (stock change recorded as import), a new SKU creates, all in one go', async () => {
      const f = await createUser(t, 'farmer');
      // One listing made by hand with a SKU, one imported with a SKU.
      const byHand = await t.http().post('/api/listings').set(f.auth)
        .send({ title: '高山茶', category: 'tea', unit: 'box', netWeightGrams: 500, priceCents: 8800, stock: 5, sku: 'TEA-500', description: '明前' }).expect(201);
      expect(byHand.body.sku).toBe('TEA-500');
      const first = await upload(f, `${SKU_HEADER}\nMI-2.5,小米,grain,bag,2500,30,10,,\n`).expect(200);
      expect(first.body).toMatchObject({ created: 1, updated: 0, rows: [{ action: 'create', sku: 'MI-2.5', ok: true }] });
      const miId = first.body.rows[0].listingId;

      const csv = `${SKU_HEADER}\nTEA-500,高山茶 新茶,tea,box,500,96.00,12,,2026-04-20\nMI-2.5,小米 5斤,grain,bag,2500,32.50,10,新米,\nNEW-1,土鸡蛋,eggs_dairy,box,1500,45,20,,\n`;
      const preview = await upload(f, csv, '?dryRun=true').expect(200);
      expect(preview.body).toMatchObject({ dryRun: true, valid: 3, created: 0, updated: 0 });
      expect(preview.body.rows.map((r: { action: string; listingId: string | null }) => [r.action, r.listingId])).toEqual([
        ['update', byHand.body.id],
        ['update', miId],
        ['create', null],
      ]);
      const res = await upload(f, csv).expect(200);
      expect(res.body).toMatchObject({ total: 3, valid: 3, created: 1, updated: 2 });

      const mine = (await t.http().get('/api/listings/mine').set(f.auth).expect(200)).body as { id: string; sku: string; title: string; priceCents: number; stock: number; description: string; harvestDate: string | null }[];
      expect(mine).toHaveLength(3); // two updated, one created: no duplicates
      expect(mine.find((l) => l.sku === 'TEA-500')).toMatchObject({ id: byHand.body.id, title: '高山茶 新茶', priceCents: 9600, stock: 12, description: '明前', harvestDate: '2026-04-20' });
      expect(mine.find((l) => l.sku === 'MI-2.5')).toMatchObject({ id: miId, title: '小米 5斤', priceCents: 3250, stock: 10, description: '新米' });
      expect(mine.find((l) => l.sku === 'NEW-1')).toMatchObject({ title: '土鸡蛋', stock: 20 });
      // The stock change is in the listing's history as an import by the farmer; an unchanged stock adds no row.
      const tea = await t.http().get(`/api/listings/${byHand.body.id}/stock-history`).set(f.auth).expect(200);
      expect(tea.body.items.map((c: { reason: string; delta: number; stockAfter: number }) => [c.reason, c.delta, c.stockAfter])).toEqual([['import', 7, 12], ['created', 5, 5]]);
      const mi = await t.http().get(`/api/listings/${miId}/stock-history`).set(f.auth).expect(200);
      expect(mi.body.items.map((c: { reason: string }) => c.reason)).toEqual(['import']);
    });

    it('a SKU twice in one file, or naming a listing taken down, is a bad row; allOrNothing then writes nothing; another farmer\'s SKU is theirs alone', async () => {
      const f = await createUser(t, 'farmer');
      const other = await createUser(t, 'farmer');
      await t.http().post('/api/listings').set(other.auth).send({ title: '别人的', category: 'tea', unit: 'box', netWeightGrams: 500, priceCents: 100, stock: 1, sku: 'A-1' }).expect(201);
      const gone = await t.http().post('/api/listings').set(f.auth).send({ title: '下架的', category: 'tea', unit: 'box', netWeightGrams: 500, priceCents: 100, stock: 1, sku: 'GONE' }).expect(201);
      await t.db.query(`UPDATE listings SET status = 'removed', removal_reason = 'x' WHERE id = $1`, [gone.body.id]);
      const csv = `${SKU_HEADER}\nA-1,我的茶,tea,box,500,10,3,,\nA-1,又一个,tea,box,500,10,3,,\nGONE,回来,tea,box,500,10,3,,\n`;
      const none = await upload(f, csv, '?allOrNothing=true').expect(200);
      expect(none.body).toMatchObject({ total: 3, valid: 1, created: 0, updated: 0 });
      expect(none.body.rows[1].errors).toEqual([{ field: 'sku', message: 'sku A-1 is already in row 2 of this file' }]);
      expect(none.body.rows[2].errors).toEqual([{ field: 'sku', message: expect.stringMatching(/taken down/) }]);
      expect((await t.db.query(`SELECT title FROM listings WHERE id = $1`, [gone.body.id]))[0].title).toBe('下架的');
      const some = await upload(f, csv).expect(200);
      expect(some.body).toMatchObject({ created: 1, updated: 0, rows: [{ action: 'create', ok: true }, { ok: false }, { ok: false }] });
      const [theirs] = (await t.http().get('/api/listings/mine').set(other.auth).expect(200)).body;
      expect(theirs).toMatchObject({ sku: 'A-1', title: '别人的' });
    });

    it('SKUs are unique among a seller\'s listings: a clash on create or edit is 409 and changes nothing; null clears it; an archived listing frees it', async () => {
      const f = await createUser(t, 'farmer');
      const base = { category: 'tea', unit: 'box', netWeightGrams: 500, priceCents: 100, stock: 1 };
      const a = await t.http().post('/api/listings').set(f.auth).send({ ...base, title: 'A', sku: ' S-1 ' }).expect(201);
      expect(a.body.sku).toBe('S-1'); // trimmed
      const clash = await t.http().post('/api/listings').set(f.auth).send({ ...base, title: 'B', sku: 'S-1' }).expect(409);
      expect(clash.body.code).toBe('DUPLICATE_SKU');
      const b = await t.http().post('/api/listings').set(f.auth).send({ ...base, title: 'B', sku: 'S-2' }).expect(201);
      await t.http().patch(`/api/listings/${b.body.id}`).set(f.auth).send({ sku: 'S-1', title: 'B2' }).expect(409);
      expect((await t.http().get(`/api/listings/${b.body.id}`).expect(200)).body).toMatchObject({ title: 'B', sku: 'S-2' });
      await t.http().post('/api/listings').set(f.auth).send({ ...base, title: 'C', sku: 'x'.repeat(65) }).expect(400);
      expect((await t.http().patch(`/api/listings/${b.body.id}`).set(f.auth).send({ sku: null }).expect(200)).body.sku).toBeNull();
      await t.http().delete(`/api/listings/${a.body.id}`).set(f.auth).expect(204);
      expect((await t.http().patch(`/api/listings/${b.body.id}`).set(f.auth).send({ sku: 'S-1' }).expect(200)).body.sku).toBe('S-1');
    });
  });
});
