import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RegionLevel } from '@farmlink/shared';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface ProgrammeRow {
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  createdAt: Date;
  countyCount: number;
}

const REGION_COLUMNS = `code, name, level, parent_code AS "parentCode"`;
const PROGRAMME_COLUMNS = `p.id, p.name, to_char(p.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM programme_counties pc WHERE pc.programme_id = p.id) AS "countyCount"`;

/** All SQL about regions and programmes. Regions never change at run time, so they are cached in memory. */
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

  async find(filter: { level?: RegionLevel; parentCode?: string; q?: string }): Promise<RegionRow[]> {
    const map = await this.all();
    const q = filter.q?.trim().toLowerCase();
    const out: RegionRow[] = [];
    for (const r of map.values()) {
      if (filter.level && r.level !== filter.level) continue;
      if (filter.parentCode && r.parentCode !== filter.parentCode) continue;
      if (q && !r.name.toLowerCase().includes(q) && !r.code.startsWith(q)) continue;
      out.push(r);
    }
    return out;
  }

  /** Inserts a programme on the caller's transaction; answers its id. */
  async insertProgramme(m: EntityManager, p: { name: string; startDate: string; endDate: string | null }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO programmes (name, start_date, end_date) VALUES ($1, $2, $3) RETURNING id`,
      [p.name, p.startDate, p.endDate],
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
      `WITH gone AS (DELETE FROM programme_counties WHERE programme_id = $1 AND NOT (county_code = ANY($2::char(6)[])) RETURNING county_code)
       SELECT county_code AS code FROM gone ORDER BY county_code`,
      [id, countyCodes],
    );
    const added: { code: string }[] = await m.query(
      `WITH new AS (
         INSERT INTO programme_counties (programme_id, county_code, enrolled_on)
         SELECT $1, c, $3::date FROM unnest($2::char(6)[]) AS c
         ON CONFLICT (programme_id, county_code) DO NOTHING
         RETURNING county_code)
       SELECT county_code AS code FROM new ORDER BY county_code`,
      [id, countyCodes, enrolledOn],
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM programme_counties WHERE programme_id = $1`, [id]);
    return { enrolled: n as number, added: added.map((r) => r.code), removed: removed.map((r) => r.code) };
  }
}
