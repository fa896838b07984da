import { randomUUID } from 'node:crypto';
import { checkout, createListing, createUser, useTestApp } from '@farmlink/testing';

/**
 * The checkout's idempotent answer is stored without rewriting the checkout
 * row (issue #18 item 5): the claim row keeps total 0 and no answer, the answer
 * is appended to checkout_answers in the same transaction, and a replay with
 * the same key answers exactly the first answer.
 */
describe('Checkout: the stored answer lives in checkout_answers', () => {
  const t = useTestApp();

  it('writes the checkout row once and replays the stored answer', async () => {
    const buyer = await createUser(t, 'buyer');
    const farmer = await createUser(t, 'farmer');
    const listing = await createListing(t, farmer, { priceCents: 700, stock: 10 });
    const key = randomUUID();
    const first = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }], key).expect(201);

    const [row] = await t.db.query(`SELECT total_cents::int AS total, response FROM checkouts WHERE id = $1`, [first.body.id]);
    expect(row).toEqual({ total: 0, response: null });
    const [answer] = await t.db.query(`SELECT total_cents::int AS total, response FROM checkout_answers WHERE checkout_id = $1`, [first.body.id]);
    expect(answer.total).toBe(1400);
    expect(answer.response).toEqual(first.body);

    // Paid in between: the replay still answers what the first request answered.
    await t.http().post(`/api/payments/${first.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    const replay = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }], key).expect(201);
    expect(replay.body).toEqual(first.body);
    await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }], key).expect(422);
  });
});
