import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { moneyMapper, readingAfterPrimary, readQuery } from '@farmlink/database';
import { dayMask, Grain, monthsOf, splitRange, yearsOf } from './report-calendar';

export type GroupBy = 'county' | 'prefecture' | 'province' | 'month' | 'category';

/** Whitelisted grouping expressions over `d` (report_sales) joined with `m` (report_county_map). */
const KEY: Record<GroupBy, (periodExpr: string) => string> = {
  county: () => 'd.county_code',
  prefecture: () => 'm.prefecture_code',
  province: () => 'm.province_code',
  month: (period) => `to_char(${period}, 'YYYY-MM')`,
  category: () => 'd.category',
};

/** The same groupings for the exact scan: over report_actor_days `a` + slice `sl`, and over order lines `l` of orders `o`. */
const SCAN_KEY: Record<GroupBy, { actors: string; orders: string }> = {
  county: { actors: 'a.county_code::text', orders: 'l.producer_county_code::text' },
  prefecture: { actors: 'c.prefecture_code::text', orders: 'c.prefecture_code::text' },
  province: { actors: 'c.province_code::text', orders: 'c.province_code::text' },
  month: { actors: 'sl.month', orders: "to_char((o.paid_at AT TIME ZONE $7::text)::date, 'YYYY-MM')" },
  category: { actors: 'a.category', orders: 'l.category' },
};

export interface Scope {
  from: string;
  to: string;
  /** null = every county of the market. */
  counties: string[] | null;
  /** The market's whole-market scope ('*' for cn, '*ke' for ke: see report_refresh_scopes) and report zone. */
  market: { scope: string; timeZone: string };
}

/** The counties of a scope: its list, or (null) every county of its market, so no market's figures mix with another's. */
function countiesClause(column: string, countiesParam: string, marketScopeParam: string): string {
  return `(${countiesParam}::text[] IS NULL AND ${column} IN (SELECT county_code FROM report_scope_counties WHERE scope = ${marketScopeParam}::text)
           OR ${column} = ANY(${countiesParam}::text[]))`;
}

export interface AdditiveFigures {
  key: string;
  grossSalesCents: number;
  refundsCents: number;
  units: number;
  weightGrams: number;
  povertyHouseholdSalesCents: number;
}

export interface DistinctFigures {
  orders: number;
  buyers: number;
  sellers: number;
  producers: number;
  povertyHouseholds: number;
}

/** One distinct-count question the counters can answer: a calendar period, a scope, a category ('*' = all). */
export interface CounterRequest {
  grain: Grain;
  period: string;
  scope: string;
  category: string;
}

const KIND_FIELD: Record<string, keyof DistinctFigures> = { o: 'orders', b: 'buyers', s: 'sellers', p: 'producers', h: 'povertyHouseholds' };

export const emptyDistinct = (): DistinctFigures => ({ orders: 0, buyers: 0, sellers: 0, producers: 0, povertyHouseholds: 0 });

/** The county → prefecture → province map, joined only for the groupings that need it. */
const mapJoin = (groupBy: GroupBy) => (groupBy === 'prefecture' || groupBy === 'province' ? 'JOIN report_county_map m ON m.county_code = d.county_code' : '');

/** The report_sales rows that make up from..to: whole years (if allowed), whole months, loose days. */
function periodFilter(from: string, to: string, years: boolean, first: number): { sql: string; params: unknown[] } {
  const p = splitRange(from, to, { years });
  const [a, b] = [p.days[0] ?? [null, null], p.days[1] ?? [null, null]];
  return {
    sql: `((d.grain = 'y' AND d.period = ANY($${first}::date[]))
        OR (d.grain = 'm' AND d.period = ANY($${first + 1}::date[]))
        OR (d.grain = 'd' AND (d.period BETWEEN $${first + 2}::date AND $${first + 3}::date OR d.period BETWEEN $${first + 4}::date AND $${first + 5}::date)))`,
    params: [p.years, p.months, a[0], a[1], b[0], b[1]],
  };
}

const toAdditive = moneyMapper<AdditiveFigures>('grossSalesCents', 'refundsCents', 'units', 'weightGrams', 'povertyHouseholdSalesCents');
const toNet = moneyMapper<{ key: string; net: number }>('net');
const toCount = moneyMapper<{ i: number; kind: string; n: number }>('n');

/**
 * All of the reports' SQL in TypeScript. Reads only the rollups (report_sales,
 * report_distinct_counts, report_actor_days), which the report aggregator keeps
 * (libs/reports/src/sql, libs/reports/DESIGN.md), and, for distinct orders over
 * ranges the counters do not cover, the paid orders themselves.
 */
@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether any sale or refund was ever counted in these counties (the yearly rollup rows; on the caller's transaction). */
  async countiesHaveSales(m: EntityManager, countyCodes: string[]): Promise<boolean> {
    const [row] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM report_sales
                       WHERE grain = 'y' AND county_code = ANY($1::text[]) AND (gross_cents <> 0 OR refunds_cents <> 0)) AS found`,
      [countyCodes],
    );
    return row.found === true;
  }

  /** Sums per group (gross, refunds, units, grams, poverty net). Whole years, months and loose days each read their own rows. */
  async additive(groupBy: GroupBy, scope: Scope): Promise<AdditiveFigures[]> {
    const f = periodFilter(scope.from, scope.to, groupBy !== 'month', 2);
    const rows: AdditiveFigures[] = await readQuery(this.db,
      `SELECT ${KEY[groupBy]('d.period')} AS key,
              sum(d.gross_cents)::bigint AS "grossSalesCents", sum(d.refunds_cents)::bigint AS "refundsCents",
              sum(d.units)::bigint AS units, sum(d.weight_grams)::bigint AS "weightGrams",
              coalesce(sum(d.gross_cents - d.refunds_cents) FILTER (WHERE d.poverty), 0)::bigint AS "povertyHouseholdSalesCents"
         FROM report_sales d ${mapJoin(groupBy)}
        WHERE ${f.sql} AND ${countiesClause('d.county_code', '$1', `$${f.params.length + 2}`)}
        GROUP BY 1
       HAVING sum(d.units) <> 0 OR sum(d.refunds_cents) <> 0 OR sum(d.gross_cents) <> 0`,
      [scope.counties, ...f.params, scope.market.scope],
    );
    return rows.map((r) => ({ ...toAdditive(r), key: String(r.key).trim() }));
  }

  /**
   * Net sales per group for the same dates one year earlier, keyed as the
   * current range is (a month row YYYY-MM gets the net of the month a year before).
   * previousFrom/previousTo are the range moved back a year (29 Feb → 28 Feb).
   */
  async previousYearNet(groupBy: GroupBy, scope: Scope, previousFrom: string, previousTo: string): Promise<Map<string, number>> {
    const f = periodFilter(previousFrom, previousTo, groupBy !== 'month', 2);
    const rows: { key: string; net: number }[] = await readQuery(this.db,
      `SELECT ${KEY[groupBy]("(d.period + interval '1 year')::date")} AS key, sum(d.gross_cents - d.refunds_cents)::bigint AS net
         FROM report_sales d ${mapJoin(groupBy)}
        WHERE ${f.sql} AND ${countiesClause('d.county_code', '$1', `$${f.params.length + 2}`)}
        GROUP BY 1`,
      [scope.counties, ...f.params, scope.market.scope],
    );
    return new Map(rows.map(toNet).map((r) => [String(r.key).trim(), r.net]));
  }

  /** Distinct counts read from the calendar counters, one answer per request (in order). */
  async distinctFromCounters(requests: CounterRequest[]): Promise<DistinctFigures[]> {
    const answers = requests.map(() => emptyDistinct());
    if (requests.length === 0) return answers;
    const rows: { i: number; kind: string; n: number }[] = await readQuery(this.db,
      `SELECT x.i, d.kind, sum(d.n)::bigint AS n
         FROM unnest($1::int[], $2::text[], $3::date[], $4::text[], $5::text[]) x(i, grain, period, scope, category)
         JOIN report_distinct_counts d
           ON d.grain = x.grain::"char" AND d.period = x.period AND d.scope = x.scope AND d.category = x.category
        GROUP BY 1, 2`,
      [requests.map((_, i) => i), requests.map((r) => r.grain), requests.map((r) => r.period), requests.map((r) => r.scope), requests.map((r) => r.category)],
    );
    for (const r of rows.map(toCount)) answers[r.i][KIND_FIELD[r.kind]] = r.n;
    return answers;
  }

  /**
   * Distinct counts for any range and any set of counties, per group and over
   * the whole scope (key null): ids from the day bits of report_actor_days,
   * masked to the range; orders from the paid orders themselves. Exact, but
   * its cost grows with the ids active in the scope: used when the counters
   * cannot answer (a range that is not one calendar month or year, or a set
   * of counties that is no region or programme).
   */
  async distinctScan(groupBy: GroupBy | null, scope: Scope): Promise<{ groups: Map<string, DistinctFigures>; total: DistinctFigures }> {
    const slices =
      groupBy === 'month'
        ? monthsOf(scope.from, scope.to).map((m) => ({ year: Number(m.key.slice(0, 4)), month: m.key, mask: dayMask(m.from, m.to) }))
        : yearsOf(scope.from, scope.to).map((y) => ({ year: y.year, month: null, mask: dayMask(y.from, y.to) }));
    const key = groupBy ? SCAN_KEY[groupBy] : { actors: 'NULL::text', orders: 'NULL::text' };
    const rows: { key: string | null; kind: string; n: number }[] = await readQuery(this.db,
      `WITH sl AS (
         SELECT s.year::smallint AS year, s.month, s.mask::bit(366) AS mask FROM unnest($1::int[], $2::text[], $3::text[]) s(year, month, mask)
       ), f AS (
         SELECT DISTINCT ${key.actors} AS key, a.kind, a.actor_id
           FROM report_actor_days a JOIN sl ON sl.year = a.year JOIN report_county_map c ON c.county_code = a.county_code
          WHERE bit_count(a.days & sl.mask) > 0 AND ${countiesClause('a.county_code', '$4', '$8')}
         UNION
         SELECT DISTINCT ${key.orders}, 'o'::"char", o.id
           FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN report_county_map c ON c.county_code = l.producer_county_code
          WHERE o.paid_at >= ($5::date::timestamp AT TIME ZONE $7::text)
            AND o.paid_at < (($6::date + 1)::timestamp AT TIME ZONE $7::text)
            AND ${countiesClause('l.producer_county_code', '$4', '$8')}
       )
       SELECT key, kind, count(*)::int AS n FROM f GROUP BY key, kind
       UNION ALL
       SELECT NULL, kind, count(DISTINCT actor_id)::int FROM f GROUP BY kind`,
      [slices.map((s) => s.year), slices.map((s) => s.month), slices.map((s) => s.mask), scope.counties, scope.from, scope.to, scope.market.timeZone, scope.market.scope],
    );
    const groups = new Map<string, DistinctFigures>();
    const total = emptyDistinct();
    // With no grouping both halves of the UNION are the totals: read them once.
    const seenTotal = new Set<string>();
    for (const r of rows) {
      const field = KIND_FIELD[r.kind];
      if (r.key === null) {
        if (seenTotal.has(r.kind)) continue;
        seenTotal.add(r.kind);
        total[field] = r.n;
        continue;
      }
      const k = String(r.key).trim();
      const g = groups.get(k) ?? emptyDistinct();
      g[field] = r.n;
      groups.set(k, g);
    }
    return { groups, total };
  }

  /** Region names for codes. */
  async regionNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await readQuery(this.db, `SELECT code, name FROM regions WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code.trim(), r.name]));
  }

  /** The market of a user (an officer reads their own market's reports). */
  async marketOf(userId: string): Promise<string | null> {
    const rows: { code: string }[] = await this.db.query(`SELECT market_code AS code FROM users WHERE id = $1`, [userId]);
    return rows[0]?.code ?? null;
  }

  async jurisdictionOf(userId: string): Promise<string | null> {
    const rows: { code: string | null }[] = await this.db.query(`SELECT jurisdiction_code AS code FROM users WHERE id = $1`, [userId]);
    return rows[0]?.code?.trim() ?? null;
  }

  async storedTimeZone(): Promise<string> {
    const [row] = await this.db.query(`SELECT time_zone FROM report_settings`);
    return row.time_zone;
  }

  /** Switches the rollups to another calendar and recomputes them, in one transaction. */
  async changeTimeZone(zone: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE report_settings SET time_zone = $1`, [zone]);
      await m.query(`SELECT report_rebuild()`);
    });
  }

  /** Folds counter shards (left by migrations before 1780000000064) into one row each; returns how many counters it touched. */
  async compactCounters(): Promise<number> {
    const [row] = await this.db.query(`SELECT report_compact_counters() AS n`);
    return Number(row.n);
  }

  /** Whether sales or refunds wait in report_pending (committed ones: what a report must include). */
  /**
   * Runs report reads so that a replica serves them only once it has replayed everything the
   * primary has committed now (after the aggregator caught up); a lagging replica is passed over.
   */
  readingAfterPrimary<T>(fn: () => Promise<T>): Promise<T> {
    return readingAfterPrimary(this.db, fn);
  }

  async hasPending(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM report_pending) AS pending`);
    return row.pending === true;
  }

  /**
   * One aggregator batch, in its own transaction under the aggregator's lock: folds up to `limit`
   * pending sales and refunds into the rollups and deletes them. Returns how many it applied, or
   * -1 when `wait` is false and another process holds the lock.
   */
  async applyPending(limit: number, wait = true): Promise<number> {
    const [row] = await this.db.query(`SELECT report_apply_pending($1, $2) AS n`, [limit, wait]);
    return Number(row.n);
  }

  /** Recomputes every rollup from orders, order lines and refunds. */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`SELECT report_rebuild()`);
    });
  }

  async rollupSizes(): Promise<{ sales: number; actorDays: number; counters: number }> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*) FROM report_sales)::int AS sales, (SELECT count(*) FROM report_actor_days)::int AS "actorDays",
              (SELECT count(*) FROM report_distinct_counts)::int AS counters`,
    );
    return row;
  }
}
