import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { CatalogService } from '@farmlink/catalog';
import { CooperativesService } from '@farmlink/cooperatives';
import { type AuthUser } from '@farmlink/common';
import { IdentityService, PovertyService } from '@farmlink/identity';
import { CheckoutService, OrdersService } from '@farmlink/orders';
import { PaymentsService } from '@farmlink/payments';
import { RegionsService } from '@farmlink/regions';
import { ReportsService } from '@farmlink/reports';
import { BUYER_NAMES, CITY_ADDRESSES, DEMO_COUNTIES, DEMO_DOMAIN, DEMO_PASSWORD, DEMO_PRODUCTS, FARMER_NAMES, productSvg } from './demo-data';

/** A small deterministic random source, so every demo market looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Seeds a small, realistic market on the first start of the embedded
 * database (never with DATABASE_URL; SEED_DEMO=false turns it off): farmers
 * and cooperatives in six real poverty counties, listings with pictures,
 * buyers, and two years of paid, shipped, delivered, refunded and cancelled
 * orders — made through the same services the API uses, then moved back in
 * time so reports and ledgers have history. Demo logins are in the README.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly regions: RegionsService,
    private readonly cooperatives: CooperativesService,
    private readonly catalog: CatalogService,
    private readonly checkouts: CheckoutService,
    private readonly payments: PaymentsService,
    private readonly orders: OrdersService,
    private readonly poverty: PovertyService,
    private readonly reports: ReportsService,
  ) {}

  async seedIfFirstStart(): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM users WHERE role <> 'admin'`);
    if (n > 0) return false;
    const started = Date.now();
    this.logger.log('first start: seeding the demo market (a few seconds)…');
    // Orders are paid now and then moved back in time: the rollups are rebuilt once at the end.
    await this.reports.rewritingHistory(() => this.seed());
    this.logger.log(`demo market ready in ${((Date.now() - started) / 1000).toFixed(1)} s — logins: buyer@${DEMO_DOMAIN}, farmer@${DEMO_DOMAIN}, officer@${DEMO_DOMAIN}, admin@${DEMO_DOMAIN} (password ${DEMO_PASSWORD})`);
    return true;
  }

  private async seed(): Promise<void> {
    const random = rng(832);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)];
    const email = (local: string) => `${local}@${DEMO_DOMAIN}`;

    // People.
    await this.identity.createStaff(null, { email: email('admin'), password: DEMO_PASSWORD, displayName: '平台管理员', role: 'admin' });
    const officer = await this.identity.createStaff(null, { email: email('officer'), password: DEMO_PASSWORD, displayName: '商务部 王处长', role: 'officer' });
    const guizhouOfficer = await this.identity.createStaff(null, { email: email('officer.guizhou'), password: DEMO_PASSWORD, displayName: '贵州省商务厅 李科长', role: 'officer', jurisdictionCode: '520000' });

    const farmersByCounty = new Map<string, AuthUser[]>();
    let f = 0;
    for (const county of DEMO_COUNTIES) {
      const list: AuthUser[] = [];
      for (let i = 0; i < 3; i++, f++) {
        const { user } = await this.identity.register({
          email: f === 0 ? email('farmer') : email(`farmer${f}`),
          password: DEMO_PASSWORD,
          displayName: FARMER_NAMES[f % FARMER_NAMES.length],
          role: 'farmer',
          countyCode: county.code,
          village: county.villages[i % county.villages.length],
          // Two farmers per county claim poverty registration; in the Guizhou counties the third claims too,
          // and that claim is left waiting for the officer (their page shows it).
          povertyRegistered: i !== 2 || county.code.startsWith('52'),
          povertyRegistrationNo: i !== 2 || county.code.startsWith('52') ? `${county.code}${String(1000 + f).padStart(10, '0')}` : undefined,
          phone: `1390000${String(1000 + f)}`,
        });
        list.push({ id: user.id, role: 'farmer' });
        // The officers verify the first two before any order is placed, so the reports count their sales.
        if (i !== 2) {
          const decider = county.code.startsWith('52') ? guizhouOfficer : officer;
          await this.poverty.decide({ id: decider.id, role: 'officer' }, user.id, 'verified', '已核对扶贫开发信息系统（演示）');
        }
      }
      farmersByCounty.set(county.code, list);
    }
    const buyers: AuthUser[] = [];
    for (let b = 0; b < BUYER_NAMES.length; b++) {
      const { user } = await this.identity.register({
        email: b === 0 ? email('buyer') : email(`buyer${b}`),
        password: DEMO_PASSWORD,
        displayName: BUYER_NAMES[b],
        role: 'buyer',
      });
      buyers.push({ id: user.id, role: 'buyer' });
    }

    // Cooperatives: the first farmer of three counties manages one, with the second as a member.
    const coopOf = new Map<string, { id: string; manager: AuthUser }>();
    for (const [code, name] of [
      ['520322', '桐梓县山堡猕猴桃专业合作社'],
      ['522634', '雷山县苗岭银球茶合作社'],
      ['130131', '平山县太行山核桃合作社'],
    ] as const) {
      const [manager, member] = farmersByCounty.get(code)!;
      const coop = await this.cooperatives.create(manager, { name, countyCode: code });
      await this.cooperatives.addMember(manager, coop.id, member.id);
      coopOf.set(code, { id: coop.id, manager });
    }

    // Listings with pictures; some sold through the county's cooperative.
    const listings: { id: string; sellerCaller: AuthUser; priceCents: number }[] = [];
    let seed = 0;
    for (const product of DEMO_PRODUCTS) {
      const farmers = farmersByCounty.get(product.county)!;
      const producer = farmers[seed % farmers.length];
      const coop = coopOf.get(product.county);
      const throughCoop = coop && producer.id !== farmers[2].id && seed % 2 === 0;
      const listing = await this.catalog.create(producer, {
        title: product.title,
        description: product.description,
        category: product.category,
        unit: product.unit,
        netWeightGrams: product.netWeightGrams,
        priceCents: product.priceCents,
        stock: 2000,
        ...(throughCoop ? { cooperativeId: coop.id } : {}),
      } as never);
      const png = await sharp(Buffer.from(productSvg(product.colour, seed))).png().toBuffer();
      await this.catalog.addPhoto(producer, listing.id, png);
      listings.push({ id: listing.id, sellerCaller: throughCoop ? coop.manager : producer, priceCents: product.priceCents });
      seed++;
    }

    // Programme: the pilot counties.
    const start = new Date(Date.now() - 740 * DAY).toISOString().slice(0, 10);
    const programme = await this.regions.createProgramme(null, { name: '电子商务进农村综合示范（演示）', startDate: start });
    await this.regions.enrolCounties(null, programme.id, DEMO_COUNTIES.map((c) => c.code), start);

    // A year of orders, made through the real services, then moved back in time.
    const now = Date.now();
    for (let i = 0; i < 420; i++) {
      const buyer = pick(buyers);
      const address = pick(CITY_ADDRESSES);
      const chosen = new Set<number>();
      const lines = 1 + Math.floor(random() * 3);
      while (chosen.size < lines) chosen.add(Math.floor(random() * listings.length));
      const result = await this.checkouts.checkout(buyer.id, randomUUID(), {
        items: [...chosen].map((k) => ({ listingId: listings[k].id, quantity: 1 + Math.floor(random() * 3) })),
        shippingAddress: { name: '收货人', phone: '13800000000', countyCode: address.countyCode, line1: address.line1 },
      } as never);
      // Two years of history, about half again as much in the last year as in the one before
      // (the pilots reported +52 %); a few orders from the last two days still to ship.
      const daysAgo = i < 12 ? Math.floor(random() * 2) : random() < 0.4 ? 366 + Math.floor(random() * 364) : 8 + Math.floor(random() * 357);
      const placedAt = new Date(now - daysAgo * DAY - Math.floor(random() * DAY * 0.6));
      const roll = random();
      if (roll < 0.04) {
        await this.orders.cancel(buyer, result.orders[0].id, '买错了');
      } else if (roll < 0.94 || daysAgo === 0) {
        await this.payments.simulate(result.payment.id, buyer.id, 'succeeded');
        for (const order of result.orders) {
          const seller = listings.find((l) => l.id === order.lines[0].listingId)!.sellerCaller;
          if (daysAgo < 1) continue; // today's orders wait for shipping
          if (random() < 0.05) {
            await this.orders.refund(seller, order.id, { amountCents: Math.max(1, Math.round(order.totalCents * 0.3)), reason: '部分破损，退部分货款' });
          }
          await this.orders.ship(seller, order.id, { carrier: pick(['顺丰速运', '中国邮政 EMS', '中通快递']), trackingNo: `SF${1000000000 + i}` });
          if (daysAgo > 5) await this.orders.deliver(buyer, order.id);
        }
      }
      // else: left unpaid; the payment timeout cancels it once it is moved back in time.
      await this.backdate(result.id, placedAt);
      // …at once, as a running API would have: a buyer may hold only MAX_UNPAID_CHECKOUTS unpaid checkouts.
      if (roll >= 0.94 && daysAgo > 0) await this.orders.expireUnpaidOrders();
    }
  }

  /** Moves one checkout's whole story back to `placedAt`, keeping the order of events. */
  private async backdate(checkoutId: string, placedAt: Date): Promise<void> {
    await this.db.transaction(async (m) => {
      const t = placedAt.toISOString();
      await m.query(`UPDATE checkouts SET created_at = $2 WHERE id = $1`, [checkoutId, t]);
      await m.query(
        `UPDATE orders SET placed_at = $2::timestamptz,
                paid_at      = CASE WHEN paid_at IS NULL THEN NULL ELSE $2::timestamptz + interval '7 minutes' END,
                shipped_at   = CASE WHEN shipped_at IS NULL THEN NULL ELSE $2::timestamptz + interval '1 day 3 hours' END,
                delivered_at = CASE WHEN delivered_at IS NULL THEN NULL ELSE $2::timestamptz + interval '4 days' END,
                cancelled_at = CASE WHEN cancelled_at IS NULL THEN NULL ELSE $2::timestamptz + interval '20 minutes' END,
                updated_at   = $2::timestamptz + interval '4 days'
          WHERE checkout_id = $1`,
        [checkoutId, t],
      );
      await m.query(
        `UPDATE order_history h SET created_at = $2::timestamptz + CASE h.to_status
              WHEN 'pending_payment' THEN interval '0' WHEN 'paid' THEN interval '7 minutes'
              WHEN 'shipped' THEN interval '1 day 3 hours' WHEN 'delivered' THEN interval '4 days' ELSE interval '20 minutes' END
          FROM orders o WHERE o.id = h.order_id AND o.checkout_id = $1`,
        [checkoutId, t],
      );
      await m.query(
        `UPDATE payments SET created_at = $2::timestamptz, updated_at = $2::timestamptz + interval '7 minutes',
                succeeded_at = CASE WHEN succeeded_at IS NULL THEN NULL ELSE $2::timestamptz + interval '7 minutes' END
          WHERE checkout_id = $1`,
        [checkoutId, t],
      );
      await m.query(
        `UPDATE refunds r SET created_at = $2::timestamptz + interval '1 day 1 hour' FROM orders o WHERE o.id = r.order_id AND o.checkout_id = $1`,
        [checkoutId, t],
      );
      // The seller ledger is append-only (a trigger refuses changes); the demo seed alone may move it back in time.
      await m.query(`ALTER TABLE seller_ledger_entries DISABLE TRIGGER seller_ledger_append_only`);
      await m.query(
        `UPDATE seller_ledger_entries e SET created_at = $2::timestamptz + CASE WHEN e.refund_id IS NULL THEN interval '7 minutes' ELSE interval '1 day 1 hour' END
           FROM orders o WHERE o.id = e.order_id AND o.checkout_id = $1`,
        [checkoutId, t],
      );
      await m.query(`ALTER TABLE seller_ledger_entries ENABLE TRIGGER seller_ledger_append_only`);
    });
  }
}
