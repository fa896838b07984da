import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AuthUser } from '@farmlink/identity';
import { RegionNotFoundError, RegionsService } from '@farmlink/regions';
import { ForbiddenError, mulDivRound } from '@farmlink/shared';
import type { ProgrammeSummaryDto, SalesReportDto, SalesReportQueryDto, SalesRowDto, TopEntryDto } from './dto/report.dto';
import { AdditiveFigures, emptyDistinct, GroupBy, ReportRepository, Scope } from './report.repository';
import { OutsideJurisdictionError, ReportRangeError } from './reports.errors';

/** (net − previous) / previous × 100, one decimal, half away from zero; null when previous is 0. */
export function growthPct(net: number, previous: number): number | null {
  if (previous === 0) return null;
  return mulDivRound(net - previous, 1000, previous) / 10;
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

/**
 * Sales reports for programme officers: who may see which counties, the
 * figures from the rollups, and the rows, totals, sorting and growth.
 */
@Injectable()
export class ReportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsService.name);
  private readonly countyCache = new Map<string, Promise<string[]>>();

  constructor(
    private readonly reports: ReportRepository,
    private readonly regions: RegionsService,
    private readonly config: ConfigService,
  ) {}

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

  private countiesWithin(code: string): Promise<string[]> {
    let p = this.countyCache.get(code);
    if (!p) {
      p = this.regions.countiesWithin(code);
      this.countyCache.set(code, p);
      p.catch(() => this.countyCache.delete(code));
    }
    return p;
  }

  /**
   * The counties a caller may see, narrowed by regionCode and programmeId.
   * null = every county (an admin without filters).
   */
  async scopeCounties(caller: AuthUser, filter: { regionCode?: string; programmeId?: string }): Promise<string[] | null> {
    let counties: string[] | null = null;
    let jurisdiction: string | null = null;
    if (caller.role === 'officer') {
      // An officer with a jurisdiction sees the counties inside it; one without is a national officer.
      jurisdiction = await this.reports.jurisdictionOf(caller.id);
      if (jurisdiction) counties = await this.countiesWithin(jurisdiction);
    } else if (caller.role !== 'admin') {
      throw new ForbiddenError('Only officers and admins may read reports');
    }
    if (filter.regionCode) {
      if (!(await this.regions.find(filter.regionCode))) throw new RegionNotFoundError(filter.regionCode);
      if (jurisdiction && !(await this.regions.isWithin(filter.regionCode, jurisdiction))) throw new OutsideJurisdictionError(filter.regionCode);
      const inRegion = await this.countiesWithin(filter.regionCode);
      counties = counties ? intersect(counties, inRegion) : inRegion;
    }
    if (filter.programmeId) {
      const programme = await this.regions.getProgramme(filter.programmeId);
      counties = counties ? intersect(counties, programme.countyCodes) : [...programme.countyCodes];
    }
    return counties;
  }

  async salesReport(caller: AuthUser, q: SalesReportQueryDto): Promise<SalesReportDto> {
    if (!isRealDate(q.from)) throw new ReportRangeError(`from ${q.from} is not a calendar date`);
    if (!isRealDate(q.to)) throw new ReportRangeError(`to ${q.to} is not a calendar date`);
    if (q.from > q.to) throw new ReportRangeError('from must not be after to');
    if (q.to > plusYears(q.from, MAX_RANGE_YEARS)) throw new ReportRangeError(`The range may span at most ${MAX_RANGE_YEARS} years and a day`);
    const groupBy = q.groupBy ?? 'county';
    const counties = await this.scopeCounties(caller, q);
    const scope: Scope = { from: q.from, to: q.to, counties };
    const { rows, totals } = await this.figures(groupBy, scope);
    sortRows(rows, q.sort ?? '-netSalesCents');
    return {
      from: q.from,
      to: q.to,
      groupBy,
      regionCode: q.regionCode ?? null,
      programmeId: q.programmeId ?? null,
      timeZone: this.timeZone,
      rows,
      totals,
    };
  }

  /** Rows and totals for one grouping and scope. */
  private async figures(groupBy: GroupBy, scope: Scope): Promise<{ rows: SalesRowDto[]; totals: SalesRowDto }> {
    const [additive, previous, distinct] = await Promise.all([
      this.reports.additive(groupBy, scope),
      this.reports.previousYearNet(groupBy, scope),
      this.reports.distinct(groupBy, scope),
    ]);
    const byKey = new Map<string, AdditiveFigures>(additive.map((a) => [a.key, a]));
    for (const [key, net] of previous) {
      if (net !== 0 && !byKey.has(key)) byKey.set(key, { key, grossSalesCents: 0, refundsCents: 0, units: 0, weightGrams: 0, povertyHouseholdSalesCents: 0 });
    }
    const names = await this.names(groupBy, [...byKey.keys()]);
    const rows = [...byKey.values()].map((a) =>
      toRow(a.key, names.get(a.key) ?? a.key, a, distinct.groups.get(a.key) ?? emptyDistinct(), previous.get(a.key) ?? 0),
    );
    const sum = (f: (r: SalesRowDto) => number) => rows.reduce((s, r) => s + f(r), 0);
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

  private async names(groupBy: GroupBy, keys: string[]): Promise<Map<string, string>> {
    if (groupBy === 'month' || groupBy === 'category') return new Map(keys.map((k) => [k, k]));
    return this.reports.regionNames(keys);
  }

  async programmeSummary(caller: AuthUser, programmeId: string, year: number): Promise<ProgrammeSummaryDto> {
    const programme = await this.regions.getProgramme(programmeId);
    const counties = await this.scopeCounties(caller, { programmeId });
    const scope: Scope = { from: `${year}-01-01`, to: `${year}-12-31`, counties: counties ?? programme.countyCodes };
    const [byCounty, byCountyPrev, byCategory, byCategoryPrev, distinct] = await Promise.all([
      this.reports.additive('county', scope),
      this.reports.previousYearNet('county', scope),
      this.reports.additive('category', scope),
      this.reports.previousYearNet('category', scope),
      this.reports.distinct(null, scope),
    ]);
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
    const gross = byCounty.reduce((s, a) => s + a.grossSalesCents, 0);
    const refunds = byCounty.reduce((s, a) => s + a.refundsCents, 0);
    const net = gross - refunds;
    const previous = [...byCountyPrev.values()].reduce((s, v) => s + v, 0);
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
      povertyHouseholdSalesCents: byCounty.reduce((s, a) => s + a.povertyHouseholdSalesCents, 0),
      povertyHouseholds: distinct.total.povertyHouseholds,
      topCounties: await top('county', byCounty, byCountyPrev, 10),
      topCategories: await top('category', byCategory, byCategoryPrev, 5),
    };
  }
}

function intersect(a: string[], b: string[]): string[] {
  const set = new Set(b);
  return a.filter((c) => set.has(c));
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
