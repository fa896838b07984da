import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { actorOf, AuditService } from '@farmlink/audit';
import type { AuthUser } from '@farmlink/common';
import { RegionsService } from '@farmlink/regions';
import { mulDivRound, sumMinorUnits } from '@farmlink/shared';
import type { ProgrammeSummaryDto, SalesReportDto, SalesReportQueryDto, SalesRowDto, TopEntryDto } from './dto/report.dto';
import { ReportAccess, type CounterScope } from './report.access';
import { calendarPeriod, monthsOf } from './report-calendar';
import type { ExportContext, ExportLang } from './report-export';
import { AdditiveFigures, CounterRequest, DistinctFigures, emptyDistinct, GroupBy, ReportRepository, Scope } from './report.repository';
import { ReportRangeError } from './reports.errors';

/** (net − previous) / previous × 100, one decimal, half away from zero; null when previous is 0. */
export function growthPct(net: number, previous: number): number | null {
  if (previous === 0) return null;
  try {
    return mulDivRound(net - previous, 1000, previous) / 10;
  } catch {
    // Growth beyond 2^53 tenths of a percent (net ≥ ~10^12 × previous): a rounded figure, never a 500.
    return Math.round(((net - previous) / previous) * 1000) / 10;
  }
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function plusYears(s: string, years: number): string {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCDate() !== d) t.setUTCDate(0); // 29 Feb → 28 Feb
  return t.toISOString().slice(0, 10);
}

export const MAX_RANGE_YEARS = 3;

/** Pending rows the aggregator applies per transaction. */
export const AGGREGATOR_BATCH = 5000;

/**
 * Sales reports for programme officers: who may see which counties, the
 * figures from the rollups, and the rows, totals, sorting and growth.
 */
@Injectable()
export class ReportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportRepository,
    private readonly regions: RegionsService,
    private readonly config: ConfigService,
    private readonly access: ReportAccess,
    private readonly audit: AuditService,
  ) {
    // A programme with sales in its counties is not deleted: its reports read those counties (RegionsService.deleteProgramme).
    regions.useProgrammeHistory((m, countyCodes) => reports.countiesHaveSales(m, countyCodes));
  }

  /** A report leaving the system as a file (CSV or XLSX) is audited: who, which figures, how many rows. */
  async recordExport(caller: AuthUser, q: SalesReportQueryDto, report: SalesReportDto): Promise<void> {
    await this.audit.recordAlone({
      ...actorOf(caller),
      action: 'report.export',
      targetType: 'report',
      targetId: q.programmeId ?? q.regionCode ?? null,
      details: {
        report: 'sales',
        format: q.format,
        from: report.from,
        to: report.to,
        groupBy: report.groupBy,
        regionCode: q.regionCode ?? null,
        programmeId: q.programmeId ?? null,
        rows: report.rows.length,
      },
    });
  }

  /** The scope in words and the time of export, for the title of an export for people. */
  async exportContext(caller: AuthUser, q: SalesReportQueryDto, lang: ExportLang): Promise<ExportContext> {
    const code = q.regionCode ?? (caller.role === 'officer' ? await this.reports.jurisdictionOf(caller.id) : null);
    let regionLabel = lang === 'en' ? 'All China' : '全国';
    if (code) {
      const region = await this.regions.get(code);
      regionLabel = [...region.parents, region].map((r) => r.name).join(' › ');
    }
    const programmeName = q.programmeId ? (await this.regions.getProgramme(q.programmeId)).name : null;
    const exportedAt = new Intl.DateTimeFormat('sv-SE', {
      timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).format(new Date());
    return { lang, regionLabel, programmeName, exportedAt };
  }

  /** The rollups' days are dates in REPORT_TIME_ZONE: when the setting changes, recompute them. */
  async onApplicationBootstrap(): Promise<void> {
    const zone = this.config.get<string>('REPORT_TIME_ZONE') ?? 'Asia/Shanghai';
    if ((await this.reports.storedTimeZone()) !== zone) {
      this.logger.warn(`REPORT_TIME_ZONE is now ${zone}: rebuilding the sales rollups`);
      await this.reports.changeTimeZone(zone);
    }
  }

  get timeZone(): string {
    return this.config.get<string>('REPORT_TIME_ZONE') ?? 'Asia/Shanghai';
  }

  rebuild(): Promise<void> {
    return this.reports.rebuild();
  }

  /** Folds leftover counter shards into one row each (safe with several processes). */
  compactCounters(): Promise<number> {
    return this.reports.compactCounters();
  }

  /**
   * The report aggregator: folds every pending sale and refund into the rollups, in batches of
   * `batch`, each in its own transaction (one statement on one pool connection) under the
   * aggregator's cluster-wide lock. `wait`: wait for a batch another process is running, then apply
   * what is left (a report's catch-up); without it, stop at once when another process holds the
   * lock (the periodic job: that process is doing the work). Returns how many it applied.
   */
  async applyPending(batch = AGGREGATOR_BATCH, wait = true): Promise<number> {
    if (!wait && this.aggregatorPaused > 0) return 0;
    let total = 0;
    for (;;) {
      const n = await this.reports.applyPending(batch, wait);
      if (n < 0) return total;
      total += n;
      if (n < batch) return total;
    }
  }

  /**
   * Runs `work` with this process's periodic aggregator held (a report's catch-up still runs), then
   * rebuilds the rollups from the raw tables (pending rows are dropped: the tables hold what they
   * describe). For bulk rewrites of order dates — the demo seed moves hundreds of paid orders back in
   * time: folded one by one, each such move re-counts its buyer's and sellers' whole year
   * (report_remove_paid_order), minutes of work for a rebuild of a second.
   */
  async rewritingHistory<T>(work: () => Promise<T>): Promise<T> {
    this.aggregatorPaused++;
    try {
      const result = await work();
      await this.rebuild();
      return result;
    } finally {
      this.aggregatorPaused--;
    }
  }

  private aggregatorPaused = 0;

  /**
   * Makes the rollups include every sale and refund committed before this call (a payment answered
   * 200 is in the very next report): nothing to do when nothing is pending, else the aggregator runs.
   */
  async catchUp(): Promise<void> {
    if (await this.reports.hasPending()) await this.applyPending();
  }

  async salesReport(caller: AuthUser, q: SalesReportQueryDto): Promise<SalesReportDto> {
    if (!isRealDate(q.from)) throw new ReportRangeError(`from ${q.from} is not a calendar date`);
    if (!isRealDate(q.to)) throw new ReportRangeError(`to ${q.to} is not a calendar date`);
    if (q.from > q.to) throw new ReportRangeError('from must not be after to');
    if (q.to > plusYears(q.from, MAX_RANGE_YEARS)) throw new ReportRangeError(`The range may span at most ${MAX_RANGE_YEARS} years and a day`);
    const groupBy = q.groupBy ?? 'county';
    const { counties, counterScope, market, marketScope } = await this.access.scopeCounties(caller, q);
    const scope: Scope = { from: q.from, to: q.to, counties, market: { scope: marketScope, timeZone: market.timeZone } };
    await this.catchUp();
    // Read from a replica only once it has replayed the catch-up (else the primary answers).
    const { rows, totals } = await this.reports.readingAfterPrimary(() => this.figures(groupBy, scope, counterScope));
    sortRows(rows, q.sort ?? '-netSalesCents');
    return {
      from: q.from,
      to: q.to,
      groupBy,
      regionCode: q.regionCode ?? null,
      programmeId: q.programmeId ?? null,
      timeZone: market.timeZone,
      marketCode: market.code,
      currency: market.currency,
      rows,
      totals,
    };
  }

  /** Rows and totals for one grouping and scope. */
  private async figures(groupBy: GroupBy, scope: Scope, counterScope: CounterScope | null): Promise<{ rows: SalesRowDto[]; totals: SalesRowDto }> {
    const [additive, previous] = await Promise.all([this.reports.additive(groupBy, scope), this.previousYearNet(groupBy, scope)]);
    const byKey = new Map<string, AdditiveFigures>(additive.map((a) => [a.key, a]));
    for (const [key, net] of previous) {
      if (net !== 0 && !byKey.has(key)) byKey.set(key, { key, grossSalesCents: 0, refundsCents: 0, units: 0, weightGrams: 0, povertyHouseholdSalesCents: 0 });
    }
    const distinct = await this.distinct(groupBy, scope, counterScope, [...byKey.keys()]);
    const names = await this.names(groupBy, [...byKey.keys()]);
    const rows = [...byKey.values()].map((a) =>
      toRow(a.key, names.get(a.key) ?? a.key, a, distinct.groups.get(a.key) ?? emptyDistinct(), previous.get(a.key) ?? 0),
    );
    const sum = (f: (r: SalesRowDto) => number) => sumMinorUnits(rows.map(f)); // 422 rather than a rounded total
    const totals = toRow(
      'total',
      '合计',
      {
        key: 'total',
        grossSalesCents: sum((r) => r.grossSalesCents),
        refundsCents: sum((r) => r.refundsCents),
        units: sum((r) => r.units),
        weightGrams: sum((r) => r.weightGrams),
        povertyHouseholdSalesCents: sum((r) => r.povertyHouseholdSalesCents),
      },
      distinct.total,
      sum((r) => r.previousYearNetSalesCents),
    );
    return { rows, totals };
  }

  private previousYearNet(groupBy: GroupBy, scope: Scope): Promise<Map<string, number>> {
    return this.reports.previousYearNet(groupBy, scope, plusYears(scope.from, -1), plusYears(scope.to, -1));
  }

  /**
   * Distinct counts for the rows (keys) and the totals: from the calendar
   * counters when every row and the totals are one calendar month or year
   * over one scope, else by the exact scan (see ReportRepository).
   */
  private async distinct(
    groupBy: GroupBy | null,
    scope: Scope,
    counterScope: CounterScope | null,
    keys: string[],
  ): Promise<{ groups: Map<string, DistinctFigures>; total: DistinctFigures }> {
    const plan = counterScope && this.counterPlan(groupBy, scope, counterScope, keys);
    if (!plan) return this.reports.distinctScan(groupBy, scope);
    const answers = await this.reports.distinctFromCounters([...plan.rows.map((r) => r.request), plan.total]);
    const total = answers.pop()!;
    return { groups: new Map(plan.rows.map((r, i) => [r.key, answers[i]])), total };
  }

  private counterPlan(
    groupBy: GroupBy | null,
    scope: Scope,
    counterScope: CounterScope,
    keys: string[],
  ): { rows: { key: string; request: CounterRequest }[]; total: CounterRequest } | null {
    const whole = calendarPeriod(scope.from, scope.to);
    // The totals, and every row but a month's, cover the whole range.
    if (!whole && groupBy !== 'month') return null;
    const rows: { key: string; request: CounterRequest }[] = [];
    for (const key of keys) {
      let request: CounterRequest | null;
      switch (groupBy) {
        case 'county':
          request = whole && { ...whole, scope: key, category: '*' };
          break;
        case 'prefecture':
        case 'province': {
          // A row's counties are its region inside the scope: the region, or the scope when it is the smaller.
          if (counterScope.depth === null) return null;
          const rowDepth = groupBy === 'province' ? 1 : 2;
          request = whole && { ...whole, scope: counterScope.depth >= rowDepth ? counterScope.code : key, category: '*' };
          break;
        }
        case 'category':
          request = whole && { ...whole, scope: counterScope.code, category: key };
          break;
        case 'month': {
          const part = monthsOf(scope.from, scope.to).find((m) => m.key === key);
          const period = part && calendarPeriod(part.from, part.to);
          request = period ? { ...period, scope: counterScope.code, category: '*' } : null;
          break;
        }
        default:
          request = null;
      }
      if (!request) return null;
      rows.push({ key, request });
    }
    if (!whole) return null;
    return { rows, total: { ...whole, scope: counterScope.code, category: '*' } };
  }

  private async names(groupBy: GroupBy, keys: string[]): Promise<Map<string, string>> {
    if (groupBy === 'month' || groupBy === 'category') return new Map(keys.map((k) => [k, k]));
    return this.reports.regionNames(keys);
  }

  async programmeSummary(caller: AuthUser, programmeId: string, year: number): Promise<ProgrammeSummaryDto> {
    const programme = await this.regions.getProgramme(programmeId);
    const { counties, counterScope, market, marketScope } = await this.access.scopeCounties(caller, { programmeId });
    const scope: Scope = { from: `${year}-01-01`, to: `${year}-12-31`, counties: counties ?? programme.countyCodes, market: { scope: marketScope, timeZone: market.timeZone } };
    await this.catchUp();
    const [byCounty, byCountyPrev, byCategory, byCategoryPrev, distinct] = await this.reports.readingAfterPrimary(() =>
      Promise.all([
        this.reports.additive('county', scope),
        this.previousYearNet('county', scope),
        this.reports.additive('category', scope),
        this.previousYearNet('category', scope),
        this.distinct(null, scope, counterScope, []),
      ]),
    );
    const top = async (groupBy: GroupBy, rows: AdditiveFigures[], prev: Map<string, number>, n: number): Promise<TopEntryDto[]> => {
      const entries = rows.map((a) => {
        const net = a.grossSalesCents - a.refundsCents;
        const p = prev.get(a.key) ?? 0;
        return { key: a.key, name: a.key, grossSalesCents: a.grossSalesCents, refundsCents: a.refundsCents, netSalesCents: net, previousYearNetSalesCents: p, growthPct: growthPct(net, p) };
      });
      entries.sort((x, y) => y.netSalesCents - x.netSalesCents || (x.key < y.key ? -1 : 1));
      const chosen = entries.slice(0, n);
      const names = await this.names(groupBy, chosen.map((e) => e.key));
      for (const e of chosen) e.name = names.get(e.key) ?? e.key;
      return chosen;
    };
    const gross = sumMinorUnits(byCounty.map((a) => a.grossSalesCents));
    const refunds = sumMinorUnits(byCounty.map((a) => a.refundsCents));
    const net = gross - refunds;
    const previous = sumMinorUnits(byCountyPrev.values());
    return {
      programme: { id: programme.id, name: programme.name, startDate: programme.startDate, endDate: programme.endDate },
      year,
      countiesEnrolled: scope.counties!.length,
      countiesWithSales: byCounty.filter((a) => a.units > 0).length,
      orders: distinct.total.orders,
      grossSalesCents: gross,
      refundsCents: refunds,
      netSalesCents: net,
      previousYearNetSalesCents: previous,
      growthPct: growthPct(net, previous),
      povertyHouseholdSalesCents: sumMinorUnits(byCounty.map((a) => a.povertyHouseholdSalesCents)),
      povertyHouseholds: distinct.total.povertyHouseholds,
      topCounties: await top('county', byCounty, byCountyPrev, 10),
      topCategories: await top('category', byCategory, byCategoryPrev, 5),
    };
  }
}

function toRow(key: string, name: string, a: AdditiveFigures, d: ReturnType<typeof emptyDistinct>, previous: number): SalesRowDto {
  const net = a.grossSalesCents - a.refundsCents;
  return {
    key,
    name,
    orders: d.orders,
    grossSalesCents: a.grossSalesCents,
    refundsCents: a.refundsCents,
    netSalesCents: net,
    units: a.units,
    weightKg: a.weightGrams / 1000,
    weightGrams: a.weightGrams,
    buyers: d.buyers,
    sellers: d.sellers,
    producers: d.producers,
    povertyHouseholdSalesCents: a.povertyHouseholdSalesCents,
    povertyHouseholds: d.povertyHouseholds,
    previousYearNetSalesCents: previous,
    growthPct: growthPct(net, previous),
  };
}

function sortRows(rows: SalesRowDto[], sort: string): void {
  const desc = sort.startsWith('-');
  const field = (desc ? sort.slice(1) : sort) as keyof SalesRowDto;
  rows.sort((x, y) => {
    const a = x[field];
    const b = y[field];
    if (a !== b) {
      if (a === null) return 1; // nulls (no growth figure) last either way
      if (b === null) return -1;
      const c = a < b ? -1 : 1;
      return desc ? -c : c;
    }
    return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
  });
}
