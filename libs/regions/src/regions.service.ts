import { Injectable } from '@nestjs/common';
import { REGION_CODE_PATTERN, type RegionLevel } from '@farmlink/shared';
import { ProgrammeRow, RegionRepository, RegionRow } from './region.repository';
import { ProgrammeNotFoundError, RegionNotFoundError, UnknownCountyCodesError } from './regions.errors';

export interface RegionWithParents extends RegionRow {
  /** From the province down to the direct parent. */
  parents: RegionRow[];
}

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionRepository) {}

  list(filter: { level?: RegionLevel; parentCode?: string; q?: string }): Promise<RegionRow[]> {
    return this.regions.find(filter);
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

  /** True when `code` is `ancestor` itself or lies inside it. */
  async isWithin(code: string, ancestor: string): Promise<boolean> {
    const all = await this.regions.all();
    for (let c: string | null = code; c; c = all.get(c)?.parentCode ?? null) {
      if (c === ancestor) return true;
    }
    return false;
  }

  /** Every county code inside a region (the region itself when it is a county). */
  async countiesWithin(code: string): Promise<string[]> {
    const all = await this.regions.all();
    const out: string[] = [];
    for (const r of all.values()) {
      if (r.level === 'county' && (await this.isWithin(r.code, code))) out.push(r.code);
    }
    return out;
  }

  createProgramme(input: { name: string; startDate: string; endDate?: string }): Promise<ProgrammeRow> {
    return this.regions.insertProgramme({ name: input.name, startDate: input.startDate, endDate: input.endDate ?? null });
  }

  listProgrammes(): Promise<ProgrammeRow[]> {
    return this.regions.listProgrammes();
  }

  async getProgramme(id: string): Promise<ProgrammeRow & { countyCodes: string[] }> {
    const programme = await this.regions.findProgramme(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    return { ...programme, countyCodes: await this.regions.programmeCountyCodes(id) };
  }

  /**
   * Sets the programme's enrolled counties to exactly `codes`. Any code that is
   * not a known county rejects the whole request (400 listing them), and
   * nothing changes.
   */
  async enrolCounties(id: string, codes: string[], enrolledOn?: string): Promise<{ enrolled: number; countyCodes: string[] }> {
    const programme = await this.regions.findProgramme(id);
    if (!programme) throw new ProgrammeNotFoundError(id);
    const all = await this.regions.all();
    const unique = [...new Set(codes.map((c) => c.trim()))];
    const unknown = unique.filter((c) => !REGION_CODE_PATTERN.test(c) || all.get(c)?.level !== 'county');
    if (unknown.length > 0) throw new UnknownCountyCodesError(unknown);
    const enrolled = await this.regions.replaceProgrammeCounties(id, unique, enrolledOn ?? programme.startDate);
    return { enrolled, countyCodes: unique.sort() };
  }
}
