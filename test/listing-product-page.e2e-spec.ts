import { checkout, createListing, createUser, TestListing, TestUser, useTestApp } from '@farmlink/testing';

/**
 * The product page (GET /api/listings/:id) is the cheapest read: a public
 * listing's answer is cached as sent, carries an ETag and Cache-Control, and
 * answers 304 to a matching If-None-Match; every change (an edit, stock taken
 * by a checkout) shows at once in this process.
 */
describe('GET /api/listings/:id: ETag, Cache-Control, 304 and invalidation', () => {
  const t = useTestApp();
  let farmer: TestUser;
  let buyer: TestUser;
  let listing: TestListing;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer');
    buyer = await createUser(t, 'buyer');
    listing = await createListing(t, farmer, { priceCents: 1200, stock: 50 });
  });

  it('answers 200 with an ETag and public Cache-Control, then 304 to If-None-Match', async () => {
    const first = await t.http().get(`/api/listings/${listing.id}`).expect(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('public, max-age=1, must-revalidate');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.body).toMatchObject({ id: listing.id, priceCents: 1200, stock: 50 });

    const again = await t.http().get(`/api/listings/${listing.id}`).expect(200);
    expect(again.headers.etag).toBe(etag);
    expect(again.body).toEqual(first.body);

    const notModified = await t.http().get(`/api/listings/${listing.id}`).set('If-None-Match', etag).expect(304);
    expect(notModified.text ?? '').toBe('');
    await t.http().get(`/api/listings/${listing.id}`).set('If-None-Match', `"other", W/${etag}`).expect(304);
    await t.http().get(`/api/listings/${listing.id}`).set('If-None-Match', '"other"').expect(200);
  });

  it('an edit changes the answer and its ETag at once', async () => {
    const before = await t.http().get(`/api/listings/${listing.id}`).expect(200);
    await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ priceCents: 1300 }).expect(200);
    const after = await t.http().get(`/api/listings/${listing.id}`).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.body.priceCents).toBe(1300);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('stock taken by a checkout shows at once', async () => {
    const before = await t.http().get(`/api/listings/${listing.id}`).expect(200);
    await checkout(t, buyer, [{ listingId: listing.id, quantity: 7 }]).expect(201);
    const after = await t.http().get(`/api/listings/${listing.id}`).expect(200);
    expect(after.body.stock).toBe(before.body.stock - 7);
  });

  it('an archived listing is private to its farmer, never publicly cached', async () => {
    const other = await createListing(t, farmer, { priceCents: 500, stock: 5 });
    await t.http().get(`/api/listings/${other.id}`).expect(200);
    await t.http().delete(`/api/listings/${other.id}`).set(farmer.auth).expect((r) => expect([200, 204]).toContain(r.status));
    await t.http().get(`/api/listings/${other.id}`).expect(404);
    const own = await t.http().get(`/api/listings/${other.id}`).set(farmer.auth).expect(200);
    expect(own.headers['cache-control']).toBe('private, no-cache');
  });

  it('an unknown id is 404, and so is a path that is no id and no slug (v1.1: GET /api/listings/:idOrSlug)', async () => {
    await t.http().get('/api/listings/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/listings/nope').expect(404);
    await t.http().get(`/api/listings/${'x'.repeat(300)}`).expect(404);
  });
});
