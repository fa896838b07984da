import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RegionLevel } from '@farmlink/shared';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** The market whose region this is (`cn` for GB/T 2260). */
  marketCode: string;
}

/** One region as an import writes it (see region-import.ts). */
export interface RegionImportRow {
  code: string;
  name: string;
  names: Record<string, string>;
  level: RegionLevel;
  parentCode: string | null;
}

export interface ProgrammeRow {
  id: string;
  name: string;
  marketCode: string;
  startDate: string;
  endDate: string | null;
  createdAt: Date;
  countyCount: number;
}

const REGION_COLUMNS = `code, name, level, parent_code AS "parentCode", market_code AS "marketCode"`;
const PROGRAMME_COLUMNS = `p.id, p.name, p.market_code AS "marketCode", to_char(p.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM programme_counties pc WHERE pc.programme_id = p.id) AS "countyCount"`;

/**
 * All SQL about regions and programmes. Regions change only by `npm run regions:import` (or a
 * migration), so they are cached in memory: an import through this process drops the cache; another
 * process's import is seen after a restart (README).
 */
@Injectable()
export class RegionRepository {
  private byCode?: Promise<Map<string, RegionRow>>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every region, keyed by code (loaded once; about 3,350 rows). */
  all(): Promise<Map<string, RegionRow>> {
    this.byCode ??= this.db
      .query<RegionRow[]>(`SELECT ${REGION_COLUMNS} FROM regions ORDER BY code`)
      .then((rows) => new Map(rows.map((r) => [r.code, r])))
      .catch((err) => {
        this.byCode = undefined;
        throw err;
      });
    return this.byCode;
  }

  /** Forgets the cached regions (after an import). */
  invalidate(): void {
    this.byCode = undefined;
  }

  async find(filter: { level?: RegionLevel; parentCode?: string; q?: string; marketCode?: string }): Promise<RegionRow[]> {
    const map = await this.all();
    const q = filter.q?.trim().toLowerCase();
    const out: RegionRow[] = [];
    for (const r of map.values()) {
      if (filter.marketCode && r.marketCode !== filter.marketCode) continue;
      if (filter.level && r.level !== filter.level) continue;
      if (filter.parentCode && r.parentCode !== filter.parentCode) continue;
      if (q && !r.name.toLowerCase().includes(q) && !r.code.startsWith(q)) continue;
      out.push(r);
    }
    return out;
  }

  /** Codes, market and parent of every region (for an import's checks), on the caller's transaction. */
  regionCodes(m: EntityManager | DataSource): Promise<{ code: string; marketCode: string; level: RegionLevel; parentCode: string | null }[]> {
    return m.query(`SELECT code, market_code AS "marketCode", level, parent_code AS "parentCode" FROM regions`);
  }

  /**
   * Writes a market's regions in one statement (parents and children together: the foreign keys are
   * checked at its end): new codes are added, known ones of the same market renamed, re-levelled or
   * moved. Answers how many were added and changed.
   */
  async upsertRegions(m: EntityManager, marketCode: string, rows: RegionImportRow[]): Promise<{ added: number; changed: number }> {
    const result: { inserted: boolean }[] = await m.query(
      `INSERT INTO regions AS r (code, name, names, level, parent_code, market_code)
       SELECT x.code, x.name, x.names, x.level, x.parent, $6
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::text[]) AS x(code, name, names, level, parent)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, names = EXCLUDED.names, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
         WHERE r.market_code = EXCLUDED.market_code
           AND (r.name, r.names, r.level, r.parent_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.names, EXCLUDED.level, EXCLUDED.parent_code)
       RETURNING (xmax = 0) AS inserted`,
      [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => JSON.stringify(r.names)), rows.map((r) => r.level), rows.map((r) => r.parentCode), marketCode],
    );
    const added = result.filter((r) => r.inserted).length;
    return { added, changed: result.length - added };
  }

  /** Inserts a programme on the caller's transaction; answers its id. */
  async insertProgramme(m: EntityManager, p: { name: string; startDate: string; endDate: string | null; marketCode: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO programmes (name, start_date, end_date, market_code) VALUES ($1, $2, $3, $4) RETURNING id`,
      [p.name, p.startDate, p.endDate, p.marketCode],
    );
    return row.id;
  }

  async findProgramme(id: string): Promise<ProgrammeRow | null> {
    const rows = await this.db.query(`SELECT ${PROGRAMME_COLUMNS} FROM programmes p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  listProgrammes(): Promise<ProgrammeRow[]> {
    return this.db.query(`SELECT ${PROGRAMME_COLUMNS} FROM programmes p ORDER BY p.start_date DESC, p.name, p.id`);
  }

  /** The programme's enrolled counties with their enrolment dates, by code. */
  programmeCounties(id: string, m: EntityManager | DataSource = this.db): Promise<{ code: string; enrolledOn: string }[]> {
    return m.query(
      `SELECT county_code AS code, to_char(enrolled_on, 'YYYY-MM-DD') AS "enrolledOn"
         FROM programme_counties WHERE programme_id = $1 ORDER BY county_code`,
      [id],
    );
  }

  /** Locks the programme row on the caller's transaction; answers it, or null when there is none. */
  async lockProgramme(m: EntityManager, id: string): Promise<{ id: string; name: string; startDate: string; endDate: string | null } | null> {
    const rows = await m.query(
      `SELECT id, name, to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
         FROM programmes WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Changes a programme's name and dates on the caller's transaction. */
  async updateProgramme(m: EntityManager, id: string, p: { name: string; startDate: string; endDate: string | null }): Promise<void> {
    await m.query(`UPDATE programmes SET name = $2, start_date = $3, end_date = $4 WHERE id = $1`, [id, p.name, p.startDate, p.endDate]);
  }

  /** Deletes a programme on the caller's transaction (its enrolled counties go with it: ON DELETE CASCADE). */
  async deleteProgramme(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM programmes WHERE id = $1`, [id]);
  }

  async programmeCountyCodes(id: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT county_code AS code FROM programme_counties WHERE programme_id = $1 ORDER BY county_code`,
      [id],
    );
    return rows.map((r) => r.code);
  }

  /**
   * Replaces the programme's counties on the caller's transaction (the
   * programme row is locked); answers how many are enrolled and which were
   * added and removed.
   */
  async replaceProgrammeCounties(
    m: EntityManager,
    id: string,
    countyCodes: string[],
    enrolledOn: string,
  ): Promise<{ enrolled: number; added: string[]; removed: string[] }> {
    await m.query(`SELECT 1 FROM programmes WHERE id = $1 FOR UPDATE`, [id]);
    const removed: { code: string }[] = await m.query(
      `WITH gone AS (DELETE FROM programme_counties WHERE programme_id = $1 AND NOT (county_code = ANY($2::text[])) RETURNING county_code)
       SELECT county_code AS code FROM gone ORDER BY county_code`,
      [id, countyCodes],
    );
    const added: { code: string }[] = await m.query(
      `WITH new AS (
         INSERT INTO programme_counties (programme_id, county_code, enrolled_on)
         SELECT $1, c, $3::date FROM unnest($2::text[]) AS c
         ON CONFLICT (programme_id, county_code) DO NOTHING
         RETURNING county_code)
       SELECT county_code AS code FROM new ORDER BY county_code`,
      [id, countyCodes, enrolledOn],
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM programme_counties WHERE programme_id = $1`, [id]);
    return { enrolled: n as number, added: added.map((r) => r.code), removed: removed.map((r) => r.code) };
  }
}
