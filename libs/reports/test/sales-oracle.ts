import type { DataSource } from 'typeorm';
import { allocateProportionally } from '@farmlink/shared';

/**
 * The contract's definitions computed the plain way, for the tests: every
 * paid order line and every succeeded refund straight from orders,
 * order_lines and refunds (no rollups), refunds shared with
 * allocateProportionally. Deliberately slow and obvious.
 */
export interface OracleRow {
  key: string;
  orders: number;
  grossSalesCents: number;
  refundsCents: number;
  netSalesCents: number;
  units: number;
  weightGrams: number;
  buyers: number;
  sellers: number;
  producers: number;
  povertyHouseholdSalesCents: number;
  povertyHouseholds: number;
  previousYearNetSalesCents: number;
}

type GroupBy = 'county' | 'prefecture' | 'province' | 'month' | 'category';

interface Cell {
  day: string;
  county: string;
  category: string;
  poverty: boolean;
}

function shiftYear(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCDate() !== d) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

export async function oracleReport(
  db: DataSource,
  q: {
    from: string;
    to: string;
    groupBy: GroupBy;
    counties: string[] | null;
    timeZone?: string;
    /**
     * Was the line's producer a *verified* poor household when the order was placed? The test's own
     * record of claims and decisions; without it, the order line's snapshot is taken on trust.
     */
    verifiedAtOrder?: (orderId: string, producerId: string) => boolean;
  },
): Promise<{ rows: Map<string, OracleRow>; totals: OracleRow }> {
  const zone = q.timeZone ?? 'Asia/Shanghai';
  const lines: (Cell & { orderId: string; position: number; total: number; quantity: number; grams: number; producer: string; buyer: string; seller: string })[] = (
    await db.query(
      `SELECT to_char(o.paid_at AT TIME ZONE $1, 'YYYY-MM-DD') AS day, l.producer_county_code AS county, l.category,
              l.producer_poverty_registered AS poverty, o.id AS "orderId", l.position, l.line_total_cents::text AS total,
              l.quantity, l.net_weight_grams AS grams, l.producer_id AS producer, o.buyer_id AS buyer, o.seller_id AS seller
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.paid_at IS NOT NULL
        ORDER BY o.id, l.position`,
      [zone],
    )
  ).map((r: Record<string, unknown>) => ({
    ...r,
    total: Number(r.total),
    poverty: q.verifiedAtOrder ? q.verifiedAtOrder(r.orderId as string, r.producer as string) : (r.poverty as boolean),
  }));
  const refunds: { orderId: string; amount: string; day: string }[] = await db.query(
    `SELECT f.order_id AS "orderId", f.amount_cents::text AS amount, to_char(f.created_at AT TIME ZONE $1, 'YYYY-MM-DD') AS day
       FROM refunds f JOIN orders o ON o.id = f.order_id
      WHERE f.status = 'succeeded' AND o.paid_at IS NOT NULL`,
    [zone],
  );
  const shippingOf = new Map<string, number>(
    (await db.query(`SELECT id, shipping_cents::text AS s FROM orders WHERE shipping_cents > 0`)).map((r: { id: string; s: string }) => [r.id, Number(r.s)]),
  );
  const regions: { code: string; level: string; parent: string | null }[] = await db.query(`SELECT code, level, parent_code AS parent FROM regions`);
  const region = new Map(regions.map((r) => [r.code.trim(), { level: r.level, parent: r.parent?.trim() ?? null }]));
  const prefectureOf = (c: string) => (region.get(region.get(c)!.parent!)!.level === 'prefecture' ? region.get(c)!.parent! : c);
  const provinceOf = (c: string) => {
    let x = c;
    while (region.get(x)!.parent) x = region.get(x)!.parent!;
    return x;
  };
  const keyOf = (cell: Cell, day: string): string =>
    q.groupBy === 'county' ? cell.county : q.groupBy === 'prefecture' ? prefectureOf(cell.county) : q.groupBy === 'province' ? provinceOf(cell.county) : q.groupBy === 'month' ? day.slice(0, 7) : cell.category;
  const inScope = (c: string) => q.counties === null || q.counties.includes(c.trim());

  // Refund shares per line.
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) linesOf.set(l.orderId, [...(linesOf.get(l.orderId) ?? []), l]);
  const shares: { cell: Cell; amount: number; day: string }[] = [];
  for (const r of refunds) {
    const ls = (linesOf.get(r.orderId) ?? []).sort((a, b) => a.position - b.position);
    // The order's shipping takes its share as a last pseudo-line, left out: reports count goods only.
    const split = allocateProportionally(Number(r.amount), [...ls.map((l) => l.total), shippingOf.get(r.orderId) ?? 0]);
    ls.forEach((l, i) => shares.push({ cell: l, amount: split[i], day: r.day }));
  }

  const prevFrom = shiftYear(q.from, -1);
  const prevTo = shiftYear(q.to, -1);
  const acc = new Map<string, OracleRow & { sets: Record<string, Set<string>>; touched: boolean }>();
  const totalSets: Record<string, Set<string>> = { o: new Set(), b: new Set(), s: new Set(), p: new Set(), h: new Set() };
  const row = (key: string) => {
    let r = acc.get(key);
    if (!r) {
      r = {
        key, orders: 0, grossSalesCents: 0, refundsCents: 0, netSalesCents: 0, units: 0, weightGrams: 0, buyers: 0, sellers: 0, producers: 0,
        povertyHouseholdSalesCents: 0, povertyHouseholds: 0, previousYearNetSalesCents: 0,
        sets: { o: new Set(), b: new Set(), s: new Set(), p: new Set(), h: new Set() }, touched: false,
      };
      acc.set(key, r);
    }
    return r;
  };
  for (const l of lines) {
    if (!inScope(l.county)) continue;
    if (l.day >= q.from && l.day <= q.to) {
      const r = row(keyOf(l, l.day));
      r.touched = true;
      r.grossSalesCents += l.total;
      r.units += l.quantity;
      r.weightGrams += l.quantity * l.grams;
      if (l.poverty) r.povertyHouseholdSalesCents += l.total;
      for (const [k, id] of [['o', l.orderId], ['b', l.buyer], ['s', l.seller], ['p', l.producer], ...(l.poverty ? [['h', l.producer]] : [])]) {
        r.sets[k].add(id);
        totalSets[k].add(id);
      }
    }
    if (l.day >= prevFrom && l.day <= prevTo) row(keyOf(l, shiftYear(l.day, 1))).previousYearNetSalesCents += l.total;
  }
  for (const s of shares) {
    if (!inScope(s.cell.county)) continue;
    if (s.day >= q.from && s.day <= q.to) {
      const r = row(keyOf(s.cell, s.day));
      r.refundsCents += s.amount;
      if (s.amount !== 0) r.touched = true;
      if (s.cell.poverty) r.povertyHouseholdSalesCents -= s.amount;
    }
    if (s.day >= prevFrom && s.day <= prevTo) row(keyOf(s.cell, shiftYear(s.day, 1))).previousYearNetSalesCents -= s.amount;
  }
  const rows = new Map<string, OracleRow>();
  const totals: OracleRow = {
    key: 'total', orders: totalSets.o.size, grossSalesCents: 0, refundsCents: 0, netSalesCents: 0, units: 0, weightGrams: 0, buyers: totalSets.b.size,
    sellers: totalSets.s.size, producers: totalSets.p.size, povertyHouseholdSalesCents: 0, povertyHouseholds: totalSets.h.size, previousYearNetSalesCents: 0,
  };
  for (const r of acc.values()) {
    if (!r.touched && r.previousYearNetSalesCents === 0) continue;
    const { sets, touched: _t, ...plain } = r;
    plain.orders = sets.o.size;
    plain.buyers = sets.b.size;
    plain.sellers = sets.s.size;
    plain.producers = sets.p.size;
    plain.povertyHouseholds = sets.h.size;
    plain.netSalesCents = plain.grossSalesCents - plain.refundsCents;
    rows.set(r.key, plain);
    for (const f of ['grossSalesCents', 'refundsCents', 'netSalesCents', 'units', 'weightGrams', 'povertyHouseholdSalesCents', 'previousYearNetSalesCents'] as const) totals[f] += plain[f];
  }
  return { rows, totals };
}

/** The figures of a report row that the oracle checks. */
export function pickFigures(r: Record<string, unknown>): OracleRow {
  const keys: (keyof OracleRow)[] = [
    'key', 'orders', 'grossSalesCents', 'refundsCents', 'netSalesCents', 'units', 'weightGrams', 'buyers', 'sellers', 'producers',
    'povertyHouseholdSalesCents', 'povertyHouseholds', 'previousYearNetSalesCents',
  ];
  return Object.fromEntries(keys.map((k) => [k, r[k]])) as unknown as OracleRow;
}
