import { Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@farmlink/database';
import { BadRequestError, currencyExponent, DEFAULT_MARKET, isKnownCurrency, MARKET_CODE_PATTERN, REGION_LEVELS } from '@farmlink/shared';
import { MarketRepository, MarketRow } from './market.repository';
import { RegionRepository } from './region.repository';
import { parseRegionFile, type RegionImportProblem } from './region-import';
import { UnknownMarketError } from './regions.errors';

/** How long a process trusts its list of markets (they change only through `npm run markets:add`). */
const MARKETS_TTL_MS = 10_000;

export interface RegionImportResult {
  marketCode: string;
  /** Rows in the file. */
  rows: number;
  added: number;
  changed: number;
  /** Every problem, by line; when there is any, nothing was written. */
  problems: RegionImportProblem[];
}

/**
 * Markets (#17): the list, one market by code (400 for an unknown one), and the two operator
 * commands, adding a market and importing its regions from a file (`npm run markets:add`,
 * `npm run regions:import`; see regions-cli.ts).
 */
@Injectable()
export class MarketsService {
  private cache?: { at: number; markets: Promise<Map<string, MarketRow>> };

  constructor(
    private readonly markets: MarketRepository,
    private readonly regions: RegionRepository,
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly config?: ConfigService,
  ) {}

  private all(): Promise<Map<string, MarketRow>> {
    if (!this.cache || Date.now() - this.cache.at > MARKETS_TTL_MS) {
      const markets = this.markets.list().then((rows) => new Map(rows.map((r) => [r.code, this.withSettings(r)])));
      markets.catch(() => (this.cache = undefined));
      this.cache = { at: Date.now(), markets };
    }
    return this.cache.markets;
  }

  /** The default market's report zone is the REPORT_TIME_ZONE setting (Asia/Shanghai unless set). */
  private withSettings(m: MarketRow): MarketRow {
    const zone = this.config?.get<string>('REPORT_TIME_ZONE');
    return m.code === DEFAULT_MARKET && zone ? { ...m, timeZone: zone } : m;
  }

  /** Every market, the default first. */
  async list(): Promise<MarketRow[]> {
    return [...(await this.all()).values()];
  }

  /** One market; UnknownMarketError (400) when this deployment does not serve it. */
  async get(code: string = DEFAULT_MARKET): Promise<MarketRow> {
    const market = (await this.all()).get(code) ?? (this.cache = undefined, (await this.all()).get(code));
    if (!market) throw new UnknownMarketError(code);
    return market;
  }

  /** Adds a market or changes one (`npm run markets:add`). Its currency may not change once it has listings. */
  async add(input: MarketRow): Promise<MarketRow> {
    if (!MARKET_CODE_PATTERN.test(input.code)) throw new BadRequestError(`market code ${input.code} must be 2-8 lower-case letters`);
    if (!/^[A-Z]{2}$/.test(input.country)) throw new BadRequestError(`country ${input.country} must be an ISO 3166-1 alpha-2 code, e.g. KE`);
    if (!isKnownCurrency(input.currency)) throw new BadRequestError(`currency ${input.currency} is not one FarmLink knows (libs/shared/src/money.ts)`);
    currencyExponent(input.currency);
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    } catch {
      throw new BadRequestError(`time zone ${input.timeZone} is not an IANA zone, e.g. Africa/Nairobi`);
    }
    if (input.locales.length === 0) throw new BadRequestError('a market needs at least one locale');
    for (const l of input.locales) {
      try {
        Intl.getCanonicalLocales(l);
      } catch {
        throw new BadRequestError(`locale ${l} is not a BCP 47 tag, e.g. en-KE`);
      }
    }
    for (const level of Object.keys(input.levelNames)) {
      if (!(REGION_LEVELS as readonly string[]).includes(level)) throw new BadRequestError(`level ${level} is not one of ${REGION_LEVELS.join(', ')}`);
    }
    const saved = await inTransaction(this.db, async (m) => {
      const [existing] = await m.query(`SELECT currency FROM markets WHERE code = $1 FOR UPDATE`, [input.code]);
      if (existing && existing.currency !== input.currency) {
        const [{ used }] = await m.query(`SELECT EXISTS (SELECT 1 FROM listings WHERE market_code = $1) AS used`, [input.code]);
        if (used) throw new BadRequestError(`market ${input.code} has listings in ${existing.currency}: its currency cannot change`);
      }
      return this.markets.upsert(m, input);
    });
    this.cache = undefined;
    return saved;
  }

  /**
   * Imports a market's regions from a CSV file's text (see parseRegionFile): every problem is
   * reported by line and then nothing is written; otherwise new regions are added and known ones of
   * the market updated, in one transaction. Re-running the same file changes nothing.
   */
  async importRegions(marketCode: string, text: string): Promise<RegionImportResult> {
    const market = await this.get(marketCode);
    const result = await inTransaction(this.db, async (m) => {
      // One import at a time per market: the checks must see what the other one wrote.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('farmlink:regions-import'))`);
      const known = await this.regions.regionCodes(m);
      const parsed = parseRegionFile(text, market, known);
      if (parsed.problems.length > 0) return { marketCode, rows: parsed.rows.length, added: 0, changed: 0, problems: parsed.problems };
      const { added, changed } = await this.regions.upsertRegions(m, market.code, parsed.rows);
      // (The reports' county map and scopes follow the regions by a trigger of theirs.)
      return { marketCode, rows: parsed.rows.length, added, changed, problems: [] };
    });
    this.regions.invalidate();
    return result;
  }
}
