import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Market } from '@farmlink/shared';

export interface MarketRow extends Market {
  /** The local names of the region levels, e.g. { county: 'county' } for Kenya's 47 counties. */
  levelNames: Record<string, string>;
}

const MARKET_COLUMNS = `code, country, currency, time_zone AS "timeZone", locales, level_names AS "levelNames"`;

/** All SQL about markets. */
@Injectable()
export class MarketRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every market, the default (cn) first, then by code. */
  list(m: EntityManager | DataSource = this.db): Promise<MarketRow[]> {
    return m.query(`SELECT ${MARKET_COLUMNS} FROM markets ORDER BY code <> 'cn', code`);
  }

  /** Adds a market, or changes one that exists (its regions stay); answers it. */
  async upsert(m: EntityManager | DataSource, market: MarketRow): Promise<MarketRow> {
    const [row] = await m.query(
      `INSERT INTO markets (code, country, currency, time_zone, locales, level_names) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET country = EXCLUDED.country, currency = EXCLUDED.currency, time_zone = EXCLUDED.time_zone,
                                        locales = EXCLUDED.locales, level_names = EXCLUDED.level_names
       RETURNING ${MARKET_COLUMNS}`,
      [market.code, market.country, market.currency, market.timeZone, market.locales, JSON.stringify(market.levelNames)],
    );
    return row;
  }
}
