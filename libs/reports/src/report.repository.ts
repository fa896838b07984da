import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseMinorUnits } from '@farmlink/shared';

export type GroupBy = 'county' | 'prefecture' | 'province' | 'month' | 'category';

/** Whitelisted grouping expressions over `d` (a rollup table) joined with `m` (report_county_map). */
const KEY: Record<GroupBy, (dayExpr: string) => string> = {
  county: () => 'd.county_code',
  prefecture: () => 'm.prefecture_code',
  province: () => 'm.province_code',
  month: (day) => `to_char(${day}, 'YYYY-MM')`,
  category: () => 'd.category',
};

export interface Scope {
  from: string;
  to: string;
  /** null = every county. */
  counties: string[] | null;
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

const KIND_FIELD: Record<string, keyof DistinctFigures> = { o: 'orders', b: 'buyers', s: 'sellers', p: 'producers', h: 'povertyHouseholds' };

export const emptyDistinct = (): DistinctFigures => ({ orders: 0, buyers: 0, sellers: 0, producers: 0, povertyHouseholds: 0 });

/**
 * All of the reports' SQL. Reads only the rollups (report_sales_daily,
 * report_sales_actors), which PostgreSQL triggers keep exact; see the
 * migration 1780000000050-reports.
 */
@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private scopeSql(first: number): string {
    return `d.day BETWEEN $${first}::date AND $${first + 1}::date AND ($${first + 2}::char(6)[] IS NULL OR d.county_code = ANY($${first + 2}::char(6)[]))`;
  }

  /** Sums per group (gross, refunds, units, grams, poverty net) over the daily rollup. */
  async additive(groupBy: GroupBy, scope: Scope): Promise<AdditiveFigures[]> {
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT ${KEY[groupBy]('d.day')} AS key,
              sum(d.gross_cents)::bigint AS gross, sum(d.refunds_cents)::bigint AS refunds,
              sum(d.units)::bigint AS units, sum(d.weight_grams)::bigint AS grams,
              coalesce(sum(d.gross_cents - d.refunds_cents) FILTER (WHERE d.poverty), 0)::bigint AS poverty_net
         FROM report_sales_daily d JOIN report_county_map m ON m.county_code = d.county_code
        WHERE ${this.scopeSql(1)}
        GROUP BY 1
       HAVING sum(d.units) <> 0 OR sum(d.refunds_cents) <> 0 OR sum(d.gross_cents) <> 0`,
      [scope.from, scope.to, scope.counties],
    );
    return rows.map((r) => ({
      key: String(r.key).trim(),
      grossSalesCents: parseMinorUnits(r.gross),
      refundsCents: parseMinorUnits(r.refunds),
      units: parseMinorUnits(r.units),
      weightGrams: parseMinorUnits(r.grams),
      povertyHouseholdSalesCents: parseMinorUnits(r.poverty_net),
    }));
  }

  /**
   * Net sales per group for the same dates one year earlier, keyed as the
   * current range is (a month row YYYY-MM gets the net of the month a year before).
   */
  async previousYearNet(groupBy: GroupBy, scope: Scope): Promise<Map<string, number>> {
    const rows: { key: string; net: string }[] = await this.db.query(
      `SELECT ${KEY[groupBy]("(d.day + interval '1 year')::date")} AS key, sum(d.gross_cents - d.refunds_cents)::bigint AS net
         FROM report_sales_daily d JOIN report_county_map m ON m.county_code = d.county_code
        WHERE d.day BETWEEN ($1::date - interval '1 year')::date AND ($2::date - interval '1 year')::date
          AND ($3::char(6)[] IS NULL OR d.county_code = ANY($3::char(6)[]))
        GROUP BY 1`,
      [scope.from, scope.to, scope.counties],
    );
    return new Map(rows.map((r) => [String(r.key).trim(), parseMinorUnits(r.net)]));
  }

  /**
   * Distinct orders, buyers, sellers, producers and poor households per group
   * and over the whole scope (key null), from the per-day distinct-id rollup.
   */
  async distinct(groupBy: GroupBy | null, scope: Scope): Promise<{ groups: Map<string, DistinctFigures>; total: DistinctFigures }> {
    const key = groupBy ? KEY[groupBy]('d.day') : 'NULL::text';
    const rows: { key: string | null; kind: string; n: number }[] = await this.db.query(
      `WITH f AS (
         SELECT DISTINCT ${key} AS key, d.kind, d.actor_id
           FROM report_sales_actors d JOIN report_county_map m ON m.county_code = d.county_code
          WHERE ${this.scopeSql(1)}
       )
       SELECT key, kind, count(*)::int AS n FROM f GROUP BY key, kind
       UNION ALL
       SELECT NULL, kind, count(DISTINCT actor_id)::int FROM f GROUP BY kind`,
      [scope.from, scope.to, scope.counties],
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
    const rows: { code: string; name: string }[] = await this.db.query(`SELECT code, name FROM regions WHERE code = ANY($1::char(6)[])`, [codes]);
    return new Map(rows.map((r) => [r.code.trim(), r.name]));
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

  /** Recomputes every rollup from orders, order lines and refunds. */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`SELECT report_rebuild()`);
    });
  }

  async rollupSizes(): Promise<{ daily: number; actors: number }> {
    const [row] = await this.db.query(`SELECT (SELECT count(*) FROM report_sales_daily)::int AS daily, (SELECT count(*) FROM report_sales_actors)::int AS actors`);
    return row;
  }
}
