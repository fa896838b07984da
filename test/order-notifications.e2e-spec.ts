import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationsService } from '@farmlink/notifications';
import { checkout, COUNTIES, createListing, createUser, TestSmtp, TestUser, useTestApp } from '@farmlink/testing';

/**
 * Issue 15, item 1: order events mailed through the outbox (written in the
 * event's transaction), received by a real SMTP server in this process.
 */
describe('Order notifications by mail (e2e)', () => {
  const smtp = new TestSmtp();
  beforeAll(() => smtp.start());
  afterAll(() => smtp.stop());
  // A local fake of an SMS gateway (the HTTP provider's other end): keeps every { to, text } posted to it.
  const texts: { to: string; text: string; auth?: string }[] = [];
  let gateway: Server;
  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        texts.push({ ...JSON.parse(body), auth: req.headers.authorization });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => new Promise<void>((r) => gateway.close(() => r())));
  const t = useTestApp(() => ({
    SMTP_URL: smtp.url(),
    SMS_HTTP_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
    SMS_HTTP_TOKEN: 'gateway-token',
    OUTBOX_POLL_MS: '200',
  }));

  const pay = (b: TestUser, paymentId: string) => t.http().post(`/api/payments/${paymentId}/simulate`).set(b.auth).send({ outcome: 'succeeded' }).expect(200);

  async function paidOrder(farmer: TestUser, buyer: TestUser, title: string) {
    const listing = await createListing(t, farmer, { title, priceCents: 3990, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    await pay(buyer, res.body.payment.id);
    return res.body.orders[0] as { id: string; orderNo: string };
  }

  it('a paid order reaches the farmer (what to ship and where, in their language) and the buyer; shipping mails the tracking number', async () => {
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi, displayName: 'Farmer Wang' });
    await t.db.query(`UPDATE users SET locale = 'en', phone = '13912345678' WHERE id = $1`, [farmer.id]);
    const buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    const order = await paidOrder(farmer, buyer, '红心猕猴桃');
    const no = order.orderNo; // the readable number, as the web app shows it

    const toFarmer = await smtp.waitFor(farmer.email, 1);
    expect(toFarmer.subject).toBe(`New paid order ${no}: please ship`);
    expect(toFarmer.text).toContain('红心猕猴桃 × 2');
    expect(toFarmer.text).toContain('¥79.80');
    expect(toFarmer.text).toMatch(/Please ship it to: .*\d{11}.*/); // recipient, phone, county by name, street
    expect(toFarmer.html).toContain('<li>红心猕猴桃 × 2</li>');
    // And by SMS, through the HTTP gateway, to the farmer's phone.
    for (let i = 0; i < 100 && !texts.some((x) => x.to === '13912345678'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts.filter((x) => x.to === '13912345678')).toEqual([
      { to: '13912345678', text: `New paid order ${no}: please ship. 红心猕猴桃 × 2`, auth: 'Bearer gateway-token' },
    ]);
    const toBuyer = await smtp.waitFor(buyer.email, 1);
    expect(toBuyer.subject).toBe(`订单 ${no} 已收到付款`);

    await t.http().post(`/api/orders/${order.id}/ship`).set(farmer.auth).send({ carrier: '顺丰速运', trackingNo: 'SF1234567890' }).expect(200);
    const shipped = await smtp.waitFor(buyer.email, 2);
    expect(shipped.subject).toBe(`订单 ${no} 已发货`);
    expect(shipped.text).toContain('顺丰速运');
    expect(shipped.text).toContain('SF1234567890');
    // The tracking number by SMS to the phone given for the delivery.
    for (let i = 0; i < 100 && !texts.some((x) => x.to === '13800000000'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts.filter((x) => x.to === '13800000000').map((x) => x.text)).toEqual([`订单 ${no} 已发货: 顺丰速运 SF1234567890`]);
  });

  it('one payment for two farms: each farmer is told only their own order, with the county by name', async () => {
    const [a, b] = [await createUser(t, 'farmer', { countyCode: COUNTIES.leishan }), await createUser(t, 'farmer', { countyCode: COUNTIES.lankao })];
    const buyer = await createUser(t, 'buyer');
    const tea = await createListing(t, a, { title: '雷山银球茶', priceCents: 5000, stock: 10 });
    const rice = await createListing(t, a, { title: '雷山香米', priceCents: 2000, stock: 10 });
    const garlic = await createListing(t, b, { title: '兰考大蒜', priceCents: 1500, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: tea.id, quantity: 1 }, { listingId: garlic.id, quantity: 3 }, { listingId: rice.id, quantity: 2 }]).expect(201);
    await pay(buyer, res.body.payment.id);

    const [toA, toB] = [await smtp.waitFor(a.email, 1), await smtp.waitFor(b.email, 1)];
    expect(toA.text).toContain('雷山银球茶 × 1');
    expect(toA.text).toContain('雷山香米 × 2');
    expect(toA.text).not.toContain('兰考大蒜');
    expect(toB.text).toContain('兰考大蒜 × 3');
    expect(toB.text).not.toContain('雷山');
    for (const mail of [toA, toB]) expect(mail.text).toContain('朝阳区'); // the delivery county (110105) by name
    expect((await smtp.waitFor(buyer.email, 2)).subject).toBeTruthy(); // and the buyer, once per order
  });

  it("a payment's mails are written without touching the queue; relays racing each other hand them over once", async () => {
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan });
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { title: '正安白茶', priceCents: 8800, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const notifications = t.app.get(NotificationsService);
    await Promise.all([pay(buyer, res.body.payment.id), notifications.relay(), notifications.relay(), notifications.relay()]);
    await Promise.all([notifications.relay(), notifications.relay()]);
    await smtp.waitFor(farmer.email, 1);
    await smtp.waitFor(buyer.email, 1);
    await new Promise((r) => setTimeout(r, 1000)); // time for a second delivery, if there were one
    expect(smtp.to(farmer.email)).toHaveLength(1);
    expect(smtp.to(buyer.email)).toHaveLength(1);
    const rows = await t.db.query(`SELECT queued_at, sent_at, attempts FROM outbox WHERE recipient = ANY($1)`, [[farmer.email, buyer.email]]);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ queued_at: expect.any(Date), sent_at: expect.any(Date), attempts: 1 });
  });

  it('a paid order the farmer cancels: both are told, and the refund is mailed', async () => {
    const farmer = await createUser(t, 'farmer');
    await t.db.query(`UPDATE users SET phone = '13700000001' WHERE id = $1`, [farmer.id]);
    const buyer = await createUser(t, 'buyer');
    const order = await paidOrder(farmer, buyer, '土鸡蛋');
    await smtp.waitFor(farmer.email, 1);
    await t.http().post(`/api/orders/${order.id}/cancel`).set(farmer.auth).send({ reason: '缺货' }).expect(200);
    await smtp.waitFor(buyer.email, 3);
    await smtp.waitFor(farmer.email, 3);
    const subjects = (email: string) => smtp.to(email).map((m) => m.subject).sort();
    const no = order.orderNo; // the readable number, as the web app shows it
    expect(subjects(buyer.email)).toEqual([`订单 ${no} 已取消`, `订单 ${no} 已收到付款`, `订单 ${no} 退款 ¥79.80`].sort());
    expect(subjects(farmer.email)).toEqual([`新订单 ${no} 已付款，请发货`, `订单 ${no} 已取消，请勿发货`, `订单 ${no} 已退款 ¥79.80`].sort());
    expect(smtp.to(buyer.email).find((m) => m.subject === `订单 ${no} 已取消`)!.text).toContain('缺货');
    // The farmer's phone hears of every one of them by SMS too.
    for (let i = 0; i < 100 && texts.filter((x) => x.to === '13700000001').length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts.filter((x) => x.to === '13700000001').map((x) => x.text.replace(/\. 土鸡蛋 × 2$/, '')).sort()).toEqual(subjects(farmer.email));
  });

  it('with the SMTP server down during the payment, the farmer\'s mail arrives once after it comes back', async () => {
    const farmer = await createUser(t, 'farmer');
    const buyer = await createUser(t, 'buyer');
    await smtp.stop();
    try {
      await paidOrder(farmer, buyer, '高山茶');
      for (let i = 0; i < 100; i++) {
        const [row] = await t.db.query(`SELECT attempts FROM outbox WHERE recipient = $1`, [farmer.email]);
        if (row?.attempts >= 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [row] = await t.db.query(`SELECT attempts, sent_at AS "sentAt" FROM outbox WHERE recipient = $1`, [farmer.email]);
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.sentAt).toBeNull();
    } finally {
      await smtp.start();
    }
    await smtp.waitFor(farmer.email, 1, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(farmer.email)).toHaveLength(1);
  });

  it('forgets sent messages after 30 days, keeps unsent ones', async () => {
    const [old] = await t.db.query(`INSERT INTO outbox (channel, recipient, template, body_text, sent_at) VALUES ('email', 'old@x.test', 't', 'x', now() - interval '31 days') RETURNING id`);
    const [unsent] = await t.db.query(`INSERT INTO outbox (channel, recipient, template, body_text) VALUES ('email', 'later@x.test', 't', 'x') RETURNING id`);
    expect(await t.app.get(NotificationsService).purgeSent(30)).toBeGreaterThanOrEqual(1);
    const left = await t.db.query(`SELECT id FROM outbox WHERE id = ANY($1::uuid[])`, [[old.id, unsent.id]]);
    expect(left.map((r: { id: string }) => r.id)).toEqual([unsent.id]);
  });
});
