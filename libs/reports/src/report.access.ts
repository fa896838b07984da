import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@farmlink/common';
import { MarketsService, RegionNotFoundError, RegionsService, type MarketRow } from '@farmlink/regions';
import { DEFAULT_MARKET, ForbiddenError } from '@farmlink/shared';
import { ReportRepository } from './report.repository';
import { OutsideJurisdictionError } from './reports.errors';

/** A set of counties the distinct-count counters know: '*', a region (depth 1 province … 3 county) or a programme (depth null). */
export interface CounterScope {
  code: string;
  depth: number | null;
}

export interface ScopedCounties {
  counties: string[] | null;
  counterScope: CounterScope | null;
  /** The one market the report is about: its figures are in its currency, on its dates. */
  market: MarketRow;
  /** The market's whole-market counter scope: '*' for cn, '*' + code for another (e.g. '*ke'). */
  marketScope: string;
}

/** The counter scope of a whole market (report_refresh_scopes). */
export function marketScopeOf(marketCode: string): string {
  return marketCode === DEFAULT_MARKET ? '*' : `*${marketCode}`;
}

/**
 * Which counties a report may cover — decided here and nowhere else. Officers
 * and admins read reports; an officer with a jurisdiction sees the counties
 * inside it (a line counts in the county of its producer, as recorded on the
 * order line), one without is a national officer; a region outside the
 * jurisdiction is 403. Every report (sales, programme summary, exports) asks
 * `scopeCounties` first.
 */
@Injectable()
export class ReportAccess {
  constructor(
    private readonly reports: ReportRepository,
    private readonly regions: RegionsService,
    private readonly markets: MarketsService,
  ) {}

  private countiesWithin(code: string): Promise<string[]> {
    return this.regions.countiesWithin(code);
  }

  private async depthOf(code: string): Promise<number> {
    const level = (await this.regions.find(code))?.level;
    return level === 'province' ? 1 : level === 'prefecture' ? 2 : 3;
  }

  /**
   * The counties a caller may see, narrowed by regionCode and programmeId
   * (null = every county, for an admin without filters), and which counter
   * scope those counties are, if any: '*' (everywhere), one region, or one
   * programme. An intersection of a programme with a region is no scope.
   */
  async scopeCounties(caller: AuthUser, filter: { regionCode?: string; programmeId?: string; market?: string }): Promise<ScopedCounties> {
    let counties: string[] | null = null;
    let jurisdiction: string | null = null;
    // One market per report: the one asked for, else the officer's own, else cn (and a programme's is its own).
    const own = caller.role === 'officer' ? await this.reports.marketOf(caller.id) : null;
    const programme = filter.programmeId ? await this.regions.getProgramme(filter.programmeId) : null;
    const market = await this.markets.get(filter.market ?? programme?.marketCode ?? own ?? DEFAULT_MARKET);
    // An officer serves one market: another market's figures are outside their jurisdiction.
    if (own && own !== market.code) throw new OutsideJurisdictionError(`market ${market.code}`);
    if (programme && programme.marketCode !== market.code) throw new RegionNotFoundError(`programme ${programme.id} in market ${market.code}`);
    const marketScope = marketScopeOf(market.code);
    let counterScope: CounterScope | null = { code: marketScope, depth: 0 };
    if (caller.role === 'officer') {
      // An officer with a jurisdiction sees the counties inside it; one without is a national officer.
      jurisdiction = await this.reports.jurisdictionOf(caller.id);
      if (jurisdiction) {
        counties = await this.countiesWithin(jurisdiction);
        counterScope = { code: jurisdiction, depth: await this.depthOf(jurisdiction) };
      }
    } else if (caller.role !== 'admin') {
      throw new ForbiddenError('Only officers and admins may read reports');
    }
    if (filter.regionCode) {
      const region = await this.regions.find(filter.regionCode);
      if (!region || region.marketCode !== market.code) throw new RegionNotFoundError(filter.regionCode);
      if (jurisdiction && !(await this.regions.isWithin(filter.regionCode, jurisdiction))) throw new OutsideJurisdictionError(filter.regionCode);
      const inRegion = await this.countiesWithin(filter.regionCode);
      counties = counties ? intersect(counties, inRegion) : inRegion;
      counterScope = { code: filter.regionCode, depth: await this.depthOf(filter.regionCode) }; // inside the jurisdiction, so the intersection is the region
    }
    if (programme) {
      counterScope = counties === null ? { code: programme.id, depth: null } : null;
      counties = counties ? intersect(counties, programme.countyCodes) : [...programme.countyCodes];
    }
    return { counties, counterScope, market, marketScope };
  }
}

function intersect(a: string[], b: string[]): string[] {
  const set = new Set(b);
  return a.filter((c) => set.has(c));
}
