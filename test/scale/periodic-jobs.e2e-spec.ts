import { checkout, COUNTIES, createListing, createUser, useFakeStripe, useTwoTestApps, type TestApp, type TestUser } from '@farmlink/testing';
import { PeriodicJobs } from '../../apps/api/src/jobs/periodic-jobs';

/**
 * Periodic jobs with two API processes on one database: each round runs in one
 * process only. Counted where it matters: every pending refund reaches Stripe
 * once, although both processes' refund retries fire at the same moment.
 */
describe('Periodic jobs across two processes (e2e, real SDK against a local fake Stripe)', () => {
  const stripe = useFakeStripe();
  const [a, b] = useTwoTestApps(() => stripe.env());
  let farmer: TestUser;
  let buyer: TestUser;
  beforeAll(async () => {
    farmer = await createUser(a, 'farmer', { countyCode: COUNTIES.tongzi });
    buyer = await createUser(a, 'buyer');
  });

  const deliver = (t: TestApp, event: unknown) => {
    const { payload, signature } = stripe.sign(event);
    return t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signature).send(payload).expect(200);
  };

  /** A paid order whose refund Stripe could not be reached for: it stays pending, unsent. */
  async function pendingRefund(): Promise<string> {
    const listing = await createListing(a, farmer, { priceCents: 5000, stock: 10 });
    const res = await checkout(a, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const [{ provider_ref: intent }] = await a.db.query(`SELECT provider_ref FROM payments WHERE id = $1`, [res.body.payment.id]);
    await deliver(a, stripe.event('payment_intent.succeeded', stripe.succeed(intent)));
    stripe.failNext = 3; // the SDK's three tries all fail
    const refund = await a.http().post(`/api/orders/${res.body.orders[0].id}/refunds`).set(farmer.auth).send({ amountCents: 1200, reason: '少发一盒' }).expect(201);
    expect(refund.body.status).toBe('pending');
    return refund.body.id;
  }

  it('sends each pending refund once when both processes retry at the same moment', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await pendingRefund());
    // The retry sends refunds unanswered for a minute: these were made "two minutes ago".
    await a.db.query(`UPDATE refunds SET created_at = created_at - interval '2 minutes' WHERE id = ANY($1)`, [ids]);
    const sentBefore = (id: string) => stripe.requestsTo('POST', '/v1/refunds').filter((r) => (r.body.metadata as Record<string, string> | undefined)?.refund_id === id).length;
    const tries = new Map(ids.map((id) => [id, sentBefore(id)]));
    expect([...tries.values()]).toEqual([3, 3, 3, 3]); // the failed first attempts

    stripe.delayMs = 150; // slow answers: without a claim, both rounds would be sending at once
    const rounds = await Promise.all([a.app.get(PeriodicJobs).refundRetry(), b.app.get(PeriodicJobs).refundRetry()]);
    // Then each process again, one after the other: nothing is left to send.
    rounds.push(await b.app.get(PeriodicJobs).refundRetry(), await a.app.get(PeriodicJobs).refundRetry());
    stripe.delayMs = 0;

    expect(rounds.slice(0, 2).filter(Boolean)).toHaveLength(1); // one process ran the concurrent round
    for (const id of ids) expect(sentBefore(id) - tries.get(id)!).toBe(1);
    const rows = await a.db.query(`SELECT status, provider_ref FROM refunds WHERE id = ANY($1)`, [ids]);
    expect(rows).toEqual(ids.map(() => ({ status: 'succeeded', provider_ref: expect.stringMatching(/^re_/) })));
  });

  // The report aggregator takes its own transaction lock per batch (test/report-aggregator.e2e-spec.ts).
  it('every job takes its cluster-wide lock: while another holds it, neither process runs a round', async () => {
    const jobs = { paymentTimeout: 'payment-timeout', refundRetry: 'refund-retry', rateLimitCleanup: 'rate-limit-cleanup', outboxPurge: 'outbox-purge', outboxRelay: 'outbox-relay' } as const;
    for (const [method, name] of Object.entries(jobs) as [keyof typeof jobs, string][]) {
      const holder = a.db.createQueryRunner();
      await holder.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [`farmlink:job:${name}`]);
        expect(await Promise.all([a, b].map((t) => t.app.get(PeriodicJobs)[method]()))).toEqual([false, false]);
        await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`farmlink:job:${name}`]);
      } finally {
        await holder.release();
      }
      // Free again, it runs — unless this very moment a process's own timer (the relay's is 500 ms) holds it: try again.
      let ran = false;
      for (let i = 0; i < 50 && !ran; i++) {
        ran = await b.app.get(PeriodicJobs)[method]();
        if (!ran) await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      }
      expect(ran).toBe(true);
    }
  });
});
