"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Foundation1780000000000 = void 0;
/** Regions, programmes and users: the ground every other table stands on. */
class Foundation1780000000000 {
    name = 'Foundation1780000000000';
    async up(q) {
        await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
        await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await q.query(`
      CREATE TABLE regions (
        code        char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        text NOT NULL,
        level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
        parent_code char(6) REFERENCES regions(code)
      )`);
        await q.query(`CREATE INDEX regions_parent_idx ON regions (parent_code)`);
        await q.query(`CREATE INDEX regions_level_idx ON regions (level, code)`);
        await q.query(`CREATE INDEX regions_name_trgm_idx ON regions USING gin (name gin_trgm_ops)`);
        await q.query(`
      CREATE TABLE programmes (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL,
        start_date  date NOT NULL,
        end_date    date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
        await q.query(`
      CREATE TABLE programme_counties (
        programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
        county_code  char(6) NOT NULL REFERENCES regions(code),
        enrolled_on  date NOT NULL,
        PRIMARY KEY (programme_id, county_code)
      )`);
        await q.query(`CREATE INDEX programme_counties_county_idx ON programme_counties (county_code)`);
        await q.query(`
      CREATE TABLE users (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email              text NOT NULL,
        password_hash      text NOT NULL,
        display_name       text NOT NULL,
        role               text NOT NULL CHECK (role IN ('buyer', 'farmer', 'officer', 'admin')),
        phone              text,
        county_code        char(6) REFERENCES regions(code),
        village            text,
        poverty_registered boolean NOT NULL DEFAULT false,
        jurisdiction_code  char(6) REFERENCES regions(code),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'farmer' OR county_code IS NOT NULL)
      )`);
        await q.query(`CREATE UNIQUE INDEX users_email_lower_uq ON users (lower(email))`);
        await q.query(`CREATE INDEX users_county_idx ON users (county_code) WHERE county_code IS NOT NULL`);
    }
    async down(q) {
        await q.query(`DROP TABLE users`);
        await q.query(`DROP TABLE programme_counties`);
        await q.query(`DROP TABLE programmes`);
        await q.query(`DROP TABLE regions`);
    }
}
exports.Foundation1780000000000 = Foundation1780000000000;
//# sourceMappingURL=1780000000000-foundation.js.map