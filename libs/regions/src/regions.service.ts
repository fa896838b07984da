import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '@farmlink/audit';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { BadRequestError, DEFAULT_MARKET, REGION_CODE_PATTERN, type RegionLevel } from '@farmlink/shared';
import { MarketsService } from './markets.service';
import { ProgrammeRow, RegionRepository, RegionRow } from './region.repository';
import { ProgrammeHasHistoryError, ProgrammeNotFoundError, RegionNotFoundError, RegionNotInMarketError, UnknownCountyCodesError } from './regions.errors';

/**
 * Whether any sale has been counted in these counties (on the caller's transaction). Regions know
 * nothing of sales: the reports lib, which reads them, registers this (RegionsService.useProgrammeHistory).
 */
export type ProgrammeHistoryCheck = (m: EntityManager, countyCodes: string[]) => Promise<boolean>;

export interface EnrolledCounty {
  code: string;
  name: string;
  parents: RegionRow[];
  enrolledOn: string;
}

export interface RegionWithParents extends RegionRow {
  /** From the province down to the direct parent. */
  parents: RegionRow[];
}

@Injectable()
export class RegionsService {
  private readonly countiesCache = new Map<string, Promise<string[]>>();
  private programmeHistory?: ProgrammeHistoryCheck;

  constructor(
    private readonly regions: RegionRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly markets: MarketsService,
  ) {}

  /** A market's regions (default cn); 400 for a market this deployment does not serve. */
  async list(filter: { level?: RegionLevel; parentCode?: string; q?: string; market?: string }): Promise<RegionRow[]> {
    const market = await this.markets.get(filter.market ?? DEFAULT_MARKET);
    return this.regions.find({ level: filter.level, parentCode: filter.parentCode, q: filter.q, marketCode: market.code });
  }

  /** The market of a region, or undefined for an unknown code. */
  async marketOf(code: string): Promise<string | undefined> {
    return (await this.find(code))?.marketCode;
  }

  /**
   * Checks that `code` is a county of `marketCode` (the default market when not given): 400
   * UnknownCounty-style errors are the caller's; this one says the county is another market's.
   */
  async assertCountyInMarket(field: string, code: string, marketCode: string): Promise<void> {
    const region = await this.find(code);
    if (region && region.marketCode !== marketCode) throw new RegionNotInMarketError(field, code, marketCode);
  }

  async get(code: string): Promise<RegionWithParents> {
    const all = await this.regions.all();
    const region = all.get(code);
    if (!region) throw new RegionNotFoundError(code);
    const parents: RegionRow[] = [];
    for (let p = region.parentCode; p; p = all.get(p)?.parentCode ?? null) {
      const parent = all.get(p);
      if (!parent) break;
      parents.unshift(parent);
    }
    return { ...region, parents };
  }

  async find(code: string): Promise<RegionRow | undefined> {
    return (await this.regions.all()).get(code);
  }

  async isCounty(code: string): Promise<boolean> {
    return (await this.find(code))?.level === 'county';
  }

  /**
   * The first-level region (the one without a parent) that `code` lies in, or is: a cn county's
   * province, a Kenyan county itself. From the cached regions (no round trip); undefined for an
   * unknown code.
   */
  async firstLevelOf(code: string): Promise<RegionRow | undefined> {
    const all = await this.regions.all();
    let region = all.get(code);
    for (let hops = 0; region?.parentCode && hops < 16; hops++) region = all.get(region.parentCode);
    return region && region.parentCode === null ? region : undefined;
  }

  /** Of these codes, the ones that are not a first-level region of `marketCode`. */
  async notFirstLevelOf(marketCode: string, codes: Iterable<string>): Promise<string[]> {
    const all = await this.regions.all();
    return [...codes].filter((c) => {
      const r = all.get(c);
      return !r || r.marketCode !== marketCode || r.parentCode !== null;
    });
  }

  /** True when `code` is `ancestor` itself or lies inside it. */
  async isWithin(code: string, ancestor: string): Promise<boolean> {
    const all = await this.regions.all();
    for (let c: string | null = code; c; c = all.get(c)?.parentCode ?? null) {
      if (c === ancestor) return true;
    }
    return false;
  }

  /**
   * Every county code inside a region (the region itself when it is a county). The regions never
   * change while the app runs (they come with a migration), so each answer is kept.
   */
  countiesWithin(code: string): Promise<string[]> {
    let counties = this.countiesCache.get(code);
    if (!counties) {
      counties = this.listCountiesWithin(code);
      this.countiesCache.set(code, counties);
      counties.catch(() => this.countiesCache.delete(code));
    }
    return counties;
  }

  private async listCountiesWithin(code: string): Promise<string[]> {
    const all = await this.regions.all();
    const out: string[] = [];
    for (const r of all.values()) {
      if (r.level === 'county' && (await this.isWithin(r.code, code))) out.push(r.code);
    }
    return out;
  }

  /** An admin creates a programme; the audit entry commits with it. */
  async createProgramme(caller: AuthUser | null, input: { name: string; startDate: string; endDate?: string; marketCode?: string }): Promise<ProgrammeRow> {
    const endDate = input.endDate ?? null;
    const marketCode = (await this.markets.get(input.marketCode ?? DEFAULT_MARKET)).code;
    const id = await inTransaction(this.db, async (m) => {
      const created = await this.regions.insertProgramme(m, { name: input.name, startDate: input.startDate, endDate, marketCode });
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'programme.create',
        targetType: 'programme',
        targetId: created,
        details: { name: input.name, startDate: input.startDate, endDate, marketCode },
      });
      return created;
    });
    return (await this.regions.findProgramme(id))!;
  }

  listProgrammes(): Promise<ProgrammeRow[]> {
    return this.regions.listProgrammes();
  }

  async getProgramme(id: string): Promise<ProgrammeRow & { countyCodes: string[] }> {
    const programme = await this.regions.findProgramme(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    return { ...programme, countyCodes: await this.regions.programmeCountyCodes(id) };
  }

  /** A programme with its enrolled counties named (and their province and prefecture), for the admin page. */
  async getProgrammeDetail(id: string): Promise<ProgrammeRow & { countyCodes: string[]; counties: EnrolledCounty[] }> {
    const programme = await this.regions.findProgramme(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    const rows = await this.regions.programmeCounties(id);
    const counties = await Promise.all(
      rows.map(async (r) => {
        const region = await this.get(r.code);
        return { code: r.code, name: region.name, parents: region.parents, enrolledOn: r.enrolledOn };
      }),
    );
    return { ...programme, countyCodes: rows.map((r) => r.code), counties };
  }

  /** The reports lib tells how to know whether counties have sales (see ProgrammeHistoryCheck). */
  useProgrammeHistory(check: ProgrammeHistoryCheck): void {
    this.programmeHistory = check;
  }

  /** An admin renames a programme or moves its dates; 400 when the end would fall before the start. Audited. */
  async updateProgramme(
    caller: AuthUser | null,
    id: string,
    input: { name?: string; startDate?: string; endDate?: string | null },
  ): Promise<ProgrammeRow> {
    await inTransaction(this.db, async (m) => {
      const before = await this.regions.lockProgramme(m, id);
      if (!before) throw new ProgrammeNotFoundError(id);
      const after = {
        name: input.name ?? before.name,
        startDate: input.startDate ?? before.startDate,
        endDate: input.endDate === undefined ? before.endDate : input.endDate,
      };
      if (after.endDate && after.endDate < after.startDate) throw new BadRequestError('endDate must not be before startDate');
      await this.regions.updateProgramme(m, id, after);
      const changed = (['name', 'startDate', 'endDate'] as const).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return;
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'programme.update',
        targetType: 'programme',
        targetId: id,
        details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
      });
    });
    return (await this.regions.findProgramme(id))!;
  }

  /**
   * An admin deletes a programme created by mistake. A programme whose enrolled counties have any
   * sale is refused (409): reports by programme read its counties, so deleting it would make its
   * reports and summaries vanish (and exported ones unreproducible). Without a history check
   * registered, any programme with counties is refused. Audited with what was deleted.
   */
  async deleteProgramme(caller: AuthUser | null, id: string): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const programme = await this.regions.lockProgramme(m, id);
      if (!programme) throw new ProgrammeNotFoundError(id);
      const countyCodes = (await this.regions.programmeCounties(id, m)).map((c) => c.code);
      if (countyCodes.length > 0 && (!this.programmeHistory || (await this.programmeHistory(m, countyCodes)))) {
        throw new ProgrammeHasHistoryError(id);
      }
      await this.regions.deleteProgramme(m, id);
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'programme.delete',
        targetType: 'programme',
        targetId: id,
        details: { name: programme.name, startDate: programme.startDate, endDate: programme.endDate, countyCodes },
      });
    });
  }

  /**
   * Sets the programme's enrolled counties to exactly `codes`. Any code that is
   * not a known county rejects the whole request (400 listing them), and
   * nothing changes.
   */
  async enrolCounties(caller: AuthUser | null, id: string, codes: string[], enrolledOn?: string): Promise<{ enrolled: number; countyCodes: string[] }> {
    const programme = await this.regions.findProgramme(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    const all = await this.regions.all();
    const unique = [...new Set(codes.map((c) => c.trim()))];
    // A programme enrols counties of its own market only: another market's county is as unknown to it.
    const unknown = unique.filter((c) => !REGION_CODE_PATTERN.test(c) || all.get(c)?.level !== 'county' || all.get(c)?.marketCode !== programme.marketCode);
    if (unknown.length > 0) throw new UnknownCountyCodesError(unknown);
    const on = enrolledOn ?? programme.startDate;
    const enrolled = await inTransaction(this.db, async (m) => {
      const change = await this.regions.replaceProgrammeCounties(m, id, unique, on);
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'programme.counties',
        targetType: 'programme',
        targetId: id,
        details: { enrolled: change.enrolled, added: change.added, removed: change.removed, enrolledOn: on },
      });
      return change.enrolled;
    });
    return { enrolled, countyCodes: unique.sort() };
  }
}
