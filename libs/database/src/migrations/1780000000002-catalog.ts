import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cooperatives, memberships, listings (produce) and their photos. */
export class Catalog1780000000002 implements MigrationInterface {
  name = 'Catalog1780000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cooperatives (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        county_code     char(6) NOT NULL REFERENCES regions(code),
        registration_no text,
        manager_id      uuid NOT NULL REFERENCES users(id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cooperatives_county_idx ON cooperatives (county_code)`);
    await q.query(`CREATE INDEX cooperatives_name_trgm_idx ON cooperatives USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE UNIQUE INDEX cooperatives_registration_uq ON cooperatives (registration_no) WHERE registration_no IS NOT NULL`);

    await q.query(`
      CREATE TABLE cooperative_members (
        cooperative_id uuid NOT NULL REFERENCES cooperatives(id) ON DELETE CASCADE,
        farmer_id      uuid NOT NULL REFERENCES users(id),
        role           text NOT NULL DEFAULT 'member' CHECK (role IN ('manager', 'member')),
        joined_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cooperative_id, farmer_id)
      )`);
    await q.query(`CREATE INDEX cooperative_members_farmer_idx ON cooperative_members (farmer_id)`);

    await q.query(`
      CREATE TABLE listings (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        farmer_id        uuid NOT NULL REFERENCES users(id),
        cooperative_id   uuid REFERENCES cooperatives(id),
        county_code      char(6) NOT NULL REFERENCES regions(code),
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description      text NOT NULL DEFAULT '',
        category         text NOT NULL CHECK (category IN ('grain', 'vegetables', 'fruit', 'tea', 'livestock', 'aquatic',
                           'eggs_dairy', 'nuts_seeds', 'herbs_fungi', 'processed', 'handicraft')),
        unit             text NOT NULL,
        net_weight_grams integer NOT NULL CHECK (net_weight_grams > 0),
        price_cents      bigint NOT NULL CHECK (price_cents >= 0),
        currency         char(3) NOT NULL DEFAULT 'CNY',
        stock            integer NOT NULL CHECK (stock >= 0),
        harvest_date     date,
        status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    // Browsing: active listings by newest / price, filtered by category and county.
    await q.query(`CREATE INDEX listings_active_newest_idx ON listings (created_at DESC, id DESC) WHERE status = 'active'`);
    await q.query(`CREATE INDEX listings_active_category_idx ON listings (category, created_at DESC, id DESC) WHERE status = 'active'`);
    await q.query(`CREATE INDEX listings_active_county_idx ON listings (county_code, created_at DESC, id DESC) WHERE status = 'active'`);
    await q.query(`CREATE INDEX listings_active_price_idx ON listings (price_cents, id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX listings_farmer_idx ON listings (farmer_id)`);
    await q.query(`CREATE INDEX listings_cooperative_idx ON listings (cooperative_id) WHERE cooperative_id IS NOT NULL`);
    // Chinese text has no word boundaries for the default full-text parser: trigram indexes serve ILIKE '%…%'.
    await q.query(`CREATE INDEX listings_search_trgm_idx ON listings USING gin ((title || ' ' || description) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE listing_photos (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        listing_id   uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        position     integer NOT NULL CHECK (position BETWEEN 0 AND 7),
        storage_key  text NOT NULL,
        content_type text NOT NULL,
        width        integer NOT NULL,
        height       integer NOT NULL,
        bytes        integer NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (listing_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE listing_photos`);
    await q.query(`DROP TABLE listings`);
    await q.query(`DROP TABLE cooperative_members`);
    await q.query(`DROP TABLE cooperatives`);
  }
}
