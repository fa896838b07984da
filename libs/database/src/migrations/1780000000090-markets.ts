import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadReportSql } from './load-report-sql';

/**
 * Markets (#17 item 1). A deployment serves one or more markets; each has a country, a currency,
 * the zone of its report dates, its locales and its own region hierarchy. China (`cn`, CNY,
 * Asia/Shanghai, GB/T 2260) is the default: every existing row migrates into it unchanged.
 *
 * - `markets`: the markets (cn seeded here; others are added with `npm run markets:add`).
 * - Region codes become `text` (they were char(6), GB/T 2260 only): another market's codes are its
 *   own, e.g. ISO 3166-2 `KE-30`. A cn code must still be six digits. Every column holding a region
 *   code changes with it (their foreign keys are dropped and made again around the change).
 * - `regions.market_code` and `regions.names` (a name per locale; `name` stays the market's first
 *   locale's). A region's parent lies in the same market: (parent_code, market_code) → regions.
 * - `market_code` on users, cooperatives, listings, checkouts, orders and programmes, default `cn`;
 *   where a row names a county, (county_code, market_code) → regions(code, market_code), so a row's
 *   county always lies in its market.
 */
export class Markets1780000000090 implements MigrationInterface {
  name = 'Markets1780000000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE markets (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z]{2,8}$'),
        country     char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        time_zone   text NOT NULL,
        locales     text[] NOT NULL CHECK (cardinality(locales) >= 1),
        level_names jsonb NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO markets (code, country, currency, time_zone, locales, level_names)
      VALUES ('cn', 'CN', 'CNY', 'Asia/Shanghai', ARRAY['zh-CN', 'en'],
              '{"province": "province", "prefecture": "prefecture", "county": "county"}')`);

    // Every column that holds a region code, found rather than listed (char(6) is only used for them).
    const columns: { table: string; column: string }[] = await q.query(`
      SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type = 'character' AND character_maximum_length = 6
       ORDER BY table_name, column_name`);
    const fks: { table: string; name: string; def: string }[] = await q.query(`
      SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE contype = 'f' AND confrelid = 'regions'::regclass`);
    for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
    await q.query(`ALTER TABLE regions DROP CONSTRAINT regions_code_check`);
    // A trigger naming a region column (the report SQL's, on a database made from scratch) is made again at the end.
    await q.query(`DROP TRIGGER IF EXISTS report_regions_changed ON regions`);
    // Functions whose result type is char(6) are made again (text) by the next migration's report SQL.
    await q.query(`DROP FUNCTION IF EXISTS report_order_activity(uuid[], timestamptz[])`);
    await q.query(`DROP FUNCTION IF EXISTS report_refund_shares(uuid[], bigint[], timestamptz[])`);
    const byTable = new Map<string, string[]>();
    for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
    for (const [table, cols] of byTable) {
      await q.query(`ALTER TABLE ${table} ${cols.map((c) => `ALTER COLUMN ${c} TYPE text`).join(', ')}`);
    }

    await q.query(`
      ALTER TABLE regions
        ADD COLUMN market_code text NOT NULL DEFAULT 'cn' REFERENCES markets(code),
        ADD COLUMN names jsonb NOT NULL DEFAULT '{}',
        ADD CONSTRAINT regions_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
        ADD CONSTRAINT regions_cn_code_check CHECK (market_code <> 'cn' OR code ~ '^[0-9]{6}$'),
        ADD CONSTRAINT regions_code_market_uq UNIQUE (code, market_code)`);
    await q.query(`UPDATE regions SET names = jsonb_build_object('zh-CN', name)`);
    await q.query(`CREATE INDEX regions_market_level_idx ON regions (market_code, level, code)`);
    for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    await q.query(`
      ALTER TABLE regions ADD CONSTRAINT regions_parent_same_market_fk
        FOREIGN KEY (parent_code, market_code) REFERENCES regions (code, market_code)`);

    for (const table of ['users', 'cooperatives', 'listings', 'checkouts', 'orders', 'programmes']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN market_code text NOT NULL DEFAULT 'cn' REFERENCES markets(code)`);
    }
    const inMarket: [string, string][] = [
      ['users', 'county_code'],
      ['users', 'jurisdiction_code'],
      ['cooperatives', 'county_code'],
      ['listings', 'county_code'],
      ['orders', 'county_code'],
    ];
    for (const [table, column] of inMarket) {
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_market_fk
          FOREIGN KEY (${column}, market_code) REFERENCES regions (code, market_code)`);
    }
    // A listing's price and an order's amounts are in its market's currency (checked by the services;
    // the currency columns stay where they were).

    // The report functions with region codes in their result (dropped above) come back, as text.
    await loadReportSql(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['users', 'county_code'],
      ['users', 'jurisdiction_code'],
      ['cooperatives', 'county_code'],
      ['listings', 'county_code'],
      ['orders', 'county_code'],
    ]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_market_fk`);
    }
    for (const table of ['users', 'cooperatives', 'listings', 'checkouts', 'orders', 'programmes']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN market_code`);
    }
    await q.query(`DELETE FROM regions WHERE market_code <> 'cn'`);
    await q.query(`ALTER TABLE regions DROP CONSTRAINT regions_parent_same_market_fk`);
    await q.query(`DROP INDEX regions_market_level_idx`);
    await q.query(`ALTER TABLE regions DROP CONSTRAINT regions_cn_code_check, DROP CONSTRAINT regions_code_check`);
    await q.query(`ALTER TABLE regions ADD CONSTRAINT regions_code_check CHECK (code ~ '^[0-9]{6}$')`);
    await q.query(`ALTER TABLE regions DROP CONSTRAINT regions_code_market_uq, DROP COLUMN names, DROP COLUMN market_code`);
    await q.query(`DROP TABLE markets`);
    // The columns stay text: every remaining code is six digits, which char(6) would hold as well.
  }
}
