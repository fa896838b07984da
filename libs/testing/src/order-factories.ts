import { randomUUID } from 'node:crypto';
import type { TestApp } from './create-test-app';
import type { TestUser } from './factories';

export interface TestListing {
  id: string;
  farmerId: string;
  priceCents: number;
  stock: number;
}

/** Inserts a listing straight into the database (the catalog's HTTP API has its own tests). */
export async function createListing(
  t: TestApp,
  farmer: TestUser,
  over: {
    title?: string;
    priceCents?: number;
    stock?: number;
    category?: string;
    netWeightGrams?: number;
    status?: 'active' | 'paused' | 'archived';
    cooperativeId?: string | null;
  } = {},
): Promise<TestListing> {
  const priceCents = over.priceCents ?? 2500;
  const stock = over.stock ?? 100;
  const [row] = await t.db.query(
    `INSERT INTO listings (farmer_id, cooperative_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock, status,
                           market_code, currency)
     SELECT $1, $2, u.county_code, $3, '', $4, 'box', $5, $6, $7, $8, u.market_code, mk.currency
       FROM users u JOIN markets mk ON mk.code = u.market_code WHERE u.id = $1
     RETURNING id`,
    [
      farmer.id,
      over.cooperativeId ?? null,
      over.title ?? '高山猕猴桃',
      over.category ?? 'fruit',
      over.netWeightGrams ?? 2500,
      priceCents,
      stock,
      over.status ?? 'active',
    ],
  );
  return { id: row.id, farmerId: farmer.id, priceCents, stock };
}

/** Inserts a cooperative managed by `manager`, with the given members. */
export async function createCooperative(t: TestApp, manager: TestUser, members: TestUser[] = []): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO cooperatives (name, county_code, manager_id, market_code)
     SELECT $1, $2, $3, u.market_code FROM users u WHERE u.id = $3 RETURNING id`,
    [`合作社 ${randomUUID().slice(0, 6)}`, manager.countyCode, manager.id],
  );
  await t.db.query(
    `INSERT INTO cooperative_members (cooperative_id, farmer_id, role)
     SELECT $1, m, CASE WHEN m = $2 THEN 'manager' ELSE 'member' END FROM unnest($3::uuid[]) AS m`,
    [row.id, manager.id, [manager.id, ...members.map((m) => m.id)]],
  );
  return row.id;
}

export const SHIPPING_ADDRESS = { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号 3 单元 501' };

/** POST /api/checkouts with a fresh Idempotency-Key unless one is given. */
export function checkout(t: TestApp, buyer: TestUser, items: { listingId: string; quantity: number }[], key: string = randomUUID()) {
  return t
    .http()
    .post('/api/checkouts')
    .set(buyer.auth)
    .set('Idempotency-Key', key)
    .send({ items, shippingAddress: SHIPPING_ADDRESS });
}

export async function stockOf(t: TestApp, listingId: string): Promise<number> {
  const [row] = await t.db.query(`SELECT stock FROM listings WHERE id = $1`, [listingId]);
  return row.stock;
}
