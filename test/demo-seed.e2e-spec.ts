import { useTestApp } from '@farmlink/testing';
import { DemoSeedService } from '../apps/api/src/demo/demo-seed.service';

describe('Demo market seed (e2e)', () => {
  const t = useTestApp({}, { timeoutMs: 120_000 });

  it('seeds once, through the real services, a market every page and report can show', async () => {
    const seed = t.app.get(DemoSeedService);
    expect(await seed.seedIfFirstStart()).toBe(true);
    expect(await seed.seedIfFirstStart()).toBe(false);

    const login = async (email: string) =>
      (await t.http().post('/api/auth/login').send({ email, password: 'farmlink-demo' }).expect(200)).body.accessToken as string;
    const admin = { Authorization: `Bearer ${await login('admin@demo.farmlink.cn')}` };
    const officer = { Authorization: `Bearer ${await login('officer@demo.farmlink.cn')}` };
    const farmer = { Authorization: `Bearer ${await login('farmer@demo.farmlink.cn')}` };
    const buyer = { Authorization: `Bearer ${await login('buyer@demo.farmlink.cn')}` };

    const listings = await t.http().get('/api/listings?pageSize=100').expect(200);
    expect(listings.body.total).toBe(20);
    expect(listings.body.items.every((l: { photos: unknown[] }) => l.photos.length === 1)).toBe(true);
    const photo = await t.http().get(listings.body.items[0].photos[0].url).expect(200);
    expect(photo.headers['content-type']).toMatch(/image\/webp/);

    expect((await t.http().get('/api/orders').set(buyer).expect(200)).body.total).toBeGreaterThan(5);
    expect((await t.http().get('/api/orders?status=paid').set(farmer).expect(200)).body.total).toBeGreaterThanOrEqual(0);

    // Two years of sales in the six pilot counties, growing; the money reconciles to the fen.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const report = await t.http().get(`/api/reports/sales?from=${yearAgo}&to=${today}&groupBy=county`).set(admin).expect(200);
    expect(report.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(['130131', '410225', '520322', '520324', '522634', '621126']);
    expect(report.body.totals.netSalesCents).toBeGreaterThan(report.body.totals.previousYearNetSalesCents);
    expect(report.body.totals.previousYearNetSalesCents).toBeGreaterThan(0);
    expect(report.body.totals.povertyHouseholdSalesCents).toBeGreaterThan(0);
    const rec = await t.http().get(`/api/admin/reconciliation?from=${Number(today.slice(0, 4)) - 2}-01-01&to=${today}`).set(admin).expect(200);
    expect(rec.body.mismatches).toEqual([]);

    const programmes = await t.http().get('/api/programmes').set(officer).expect(200);
    expect(programmes.body[0].countyCount).toBe(6);
  }, 180_000);
});
