import { createListing, createUser, useTestApp } from '@farmlink/testing';

describe('A farmer\'s own listings (e2e)', () => {
  const t = useTestApp();

  it('shows paused listings to their farmer, not in the shop; never archived ones; never other farmers\'', async () => {
    const farmer = await createUser(t, 'farmer');
    const other = await createUser(t, 'farmer');
    const active = await createListing(t, farmer, { title: '在售' });
    const paused = await createListing(t, farmer, { title: '暂停' });
    const archived = await createListing(t, farmer, { title: '已下架' });
    await createListing(t, other, { title: '别人的' });
    await t.http().patch(`/api/listings/${paused.id}`).set(farmer.auth).send({ status: 'paused' }).expect(200);
    await t.http().delete(`/api/listings/${archived.id}`).set(farmer.auth).expect(204);

    const mine = await t.http().get('/api/listings/mine').set(farmer.auth).expect(200);
    expect(mine.body.map((l: { id: string; status: string }) => [l.id, l.status]).sort()).toEqual(
      [
        [active.id, 'active'],
        [paused.id, 'paused'],
      ].sort(),
    );
    const shop = await t.http().get(`/api/listings?farmerId=${farmer.id}`).expect(200);
    expect(shop.body.items.map((l: { id: string }) => l.id)).toEqual([active.id]);
    await t.http().get('/api/listings/mine').set((await createUser(t, 'buyer')).auth).expect(403);
    await t.http().get('/api/listings/mine').expect(401);
  });
});
