import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { inTransaction } from '@farmlink/database';
import { NotificationsService } from '@farmlink/notifications';
import { checkout, COUNTIES, createListing, createUser, useTestApp } from '@farmlink/testing';

/**
 * Issue #18: the paying transaction writes the sale, and its mails only as one queued row per
 * order (order_mail_pending); the outbox relay renders them off the payment. The test holds the
 * periodic relay's cluster-wide lock, so it sees the queue before and after a relay it runs itself.
 */
describe('Order mails queued by the event, rendered by the relay (e2e)', () => {
  const t = useTestApp();
  let holder: QueryRunner;
  beforeAll(async () => {
    holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('farmlink:job:outbox-relay'))`);
  });
  afterAll(async () => {
    if (holder.isReleased) return; // the app (and its pool, with this connection and its lock) is already closed
    await holder.query(`SELECT pg_advisory_unlock(hashtext('farmlink:job:outbox-relay'))`);
    await holder.release();
  });

  it('a payment queues one row per order and writes no outbox message; one relay renders them once, in each reader\'s language', async () => {
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan });
    const other = await createUser(t, 'farmer');
    const buyer = await createUser(t, 'buyer');
    await t.db.query(`UPDATE users SET locale = 'en' WHERE id = ANY($1::uuid[])`, [[other.id, buyer.id]]);
    const tea = await createListing(t, farmer, { title: '正安白茶', priceCents: 8800, stock: 10 });
    const eggs = await createListing(t, other, { title: 'Eggs', priceCents: 1500, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: tea.id, quantity: 1 }, { listingId: eggs.id, quantity: 2 }]).expect(201);
    const orderIds = (res.body.orders as { id: string }[]).map((o) => o.id);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);

    const pending = () => t.db.query(`SELECT order_id AS "orderId" FROM order_mail_pending WHERE order_id = ANY($1::uuid[]) ORDER BY order_id`, [orderIds]);
    const outbox = () => t.db.query(`SELECT recipient, template, subject FROM outbox WHERE recipient = ANY($1) ORDER BY recipient, template`, [[farmer.email, other.email, buyer.email]]);
    expect(await pending()).toEqual([...orderIds].sort().map((orderId) => ({ orderId })));
    expect(await outbox()).toEqual([]);

    const notifications = t.app.get(NotificationsService);
    await Promise.all([notifications.relay(), notifications.relay()]); // racing relays render each event once
    expect(await pending()).toEqual([]);
    const mails = await outbox();
    expect(mails).toHaveLength(4); // each farmer once, the buyer once per order
    expect(mails.filter((m: { recipient: string }) => m.recipient === buyer.email).map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Payment received for order /)]),
    );
    expect(mails.find((m: { recipient: string }) => m.recipient === farmer.email)).toMatchObject({ template: 'order.seller_paid', subject: expect.stringMatching(/^新订单 .* 已付款，请发货$/) });
    expect(mails.find((m: { recipient: string }) => m.recipient === other.email)).toMatchObject({ template: 'order.seller_paid', subject: expect.stringMatching(/^New paid order /) });

    await notifications.relay();
    expect(await outbox()).toHaveLength(4);
  });

  it('rendered messages are written with their delivery jobs: they go out with no relay pass', async () => {
    // The relay is held by this test (beforeAll), so only the jobs that enqueueAll wrote can send these.
    const to = `queued-${randomUUID()}@farmlink.test`;
    const mail = { subject: 'Order', text: 'text', html: '<p>html</p>' };
    await inTransaction(t.db, (m) =>
      t.app.get(NotificationsService).enqueueAll(m, Array.from({ length: 25 }, () => ({ channel: 'email' as const, to, template: 'order.test', mail }))),
    );
    const rows = () => t.db.query(`SELECT queued_at, sent_at FROM outbox WHERE recipient = $1`, [to]);
    expect(await rows()).toHaveLength(25);
    for (const r of await rows()) expect(r.queued_at).toBeInstanceOf(Date);
    const deadline = Date.now() + 15_000;
    while ((await rows()).some((r: { sent_at: Date | null }) => r.sent_at === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const r of await rows()) expect(r.sent_at).toBeInstanceOf(Date);
  });

  it('a move that mails nobody (delivered) queues nothing', async () => {
    const farmer = await createUser(t, 'farmer');
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { priceCents: 1000, stock: 5 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const orderId = res.body.orders[0].id as string;
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    await t.http().post(`/api/orders/${orderId}/ship`).set(farmer.auth).send({ carrier: 'SF', trackingNo: 'SF123' }).expect(200);
    await t.http().post(`/api/orders/${orderId}/deliver`).set(buyer.auth).expect(200);
    const queued = await t.db.query(
      `SELECT h.to_status AS "toStatus" FROM order_mail_pending p JOIN order_history h ON h.id = p.history_id WHERE p.order_id = $1 ORDER BY p.id`,
      [orderId],
    );
    expect(queued).toEqual([{ toStatus: 'paid' }, { toStatus: 'shipped' }]);
  });
});
