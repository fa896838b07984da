import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Readable links (issue #17 item 4): every listing, farm (a farmer) and cooperative gets a slug in
 * its own script (`雷山银球茶-8f3a2c`, `桐梓县生态农业专业合作社`). The store is one table of slugs
 * (entity type, entity id, slug, current flag): a rename adds the new slug as current and keeps the
 * old one, so old links still find (and redirect to) the entity. A slug, once given, is never handed
 * to another entity.
 *
 * PostgreSQL writes them itself, from triggers on the name columns, so every path that creates or
 * renames (the API, the CSV import, the demo seed, test factories, psql) gets one. The functions are
 * written here, not in a lib's .sql file loaded at its latest version: they are self-contained, and a
 * later change is a new migration with CREATE OR REPLACE.
 *
 * slugify: NFKC (full-width letters and digits become ASCII), lower case, every run of whitespace, ASCII punctuation, CJK and full-width
 * punctuation, general punctuation, symbols and emoji becomes one '-'; letters and digits of every
 * script stay; at most 60 characters, no '-' at either end. The class is spelled out (not
 * [[:alnum:]]), so the answer does not depend on the database's locale. '/', '?', '#', '%' never
 * survive, so a slug is one path segment.
 */
export class Slugs1780000000100 implements MigrationInterface {
  name = 'Slugs1780000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE slugs (
        entity_type text NOT NULL CHECK (entity_type IN ('listing', 'farm', 'cooperative')),
        slug        text NOT NULL CHECK (length(slug) BETWEEN 1 AND 100),
        entity_id   uuid NOT NULL,
        is_current  boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity_type, slug)
      )`);
    // One current slug per entity (the canonical link), found by the entity's id.
    await q.query(`CREATE UNIQUE INDEX slugs_current_uq ON slugs (entity_type, entity_id) WHERE is_current`);

    await q.query(`
      CREATE FUNCTION farmlink_slugify(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT trim(both '-' from left(trim(both '-' from regexp_replace(
                 lower(normalize(coalesce(name, ''), NFKC)),
                 '[\\x01-\\x2c\\x2e\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\u0080-\\u00bf\\u00d7\\u00f7\\u02b9-\\u036f\\u2000-\\u2bff\\u3000-\\u3004\\u3008-\\u303f\\ufe10-\\ufe6f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\ufff0-\\uffff\\U0001f000-\\U0001faff-]+',
                 '-', 'g')), 60))
      $$`);

    // Makes 'base' (with its suffix rule) the entity's current slug; answers it.
    // id_suffix: listings end in the first hex digits of their id (6, more on a collision);
    // farms and cooperatives get -2, -3, … only when another entity holds the name.
    await q.query(`
      CREATE FUNCTION farmlink_set_slug(kind text, id uuid, name text, id_suffix boolean) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        base      text := farmlink_slugify(name);
        hex       text := replace(id::text, '-', '');
        candidate text;
        holder     uuid;
        attempt   int := 0;
        added     int;
      BEGIN
        IF base = '' AND NOT id_suffix THEN base := kind; END IF;
        LOOP
          attempt := attempt + 1;
          IF id_suffix THEN
            candidate := concat_ws('-', nullif(base, ''), left(hex, CASE WHEN attempt = 1 THEN 6 WHEN attempt = 2 THEN 10 ELSE 32 END));
          ELSE
            candidate := CASE WHEN attempt = 1 THEN base ELSE base || '-' || attempt END;
          END IF;
          SELECT s.entity_id INTO holder FROM slugs s WHERE s.entity_type = kind AND s.slug = candidate;
          IF holder = id THEN
            -- Its own slug (unchanged, or renamed back to an earlier name): make it current again.
            UPDATE slugs SET is_current = false WHERE entity_type = kind AND entity_id = id AND is_current AND slug <> candidate;
            UPDATE slugs SET is_current = true WHERE entity_type = kind AND slug = candidate AND NOT is_current;
            RETURN candidate;
          ELSIF holder IS NULL THEN
            UPDATE slugs SET is_current = false WHERE entity_type = kind AND entity_id = id AND is_current;
            -- A concurrent transaction taking the same slug makes this insert do nothing: try the next.
            INSERT INTO slugs (entity_type, slug, entity_id) VALUES (kind, candidate, id) ON CONFLICT (entity_type, slug) DO NOTHING;
            GET DIAGNOSTICS added = ROW_COUNT;
            IF added = 1 THEN RETURN candidate; END IF;
          END IF;
          IF attempt > 1000 THEN RAISE EXCEPTION 'no free slug for % %', kind, id; END IF;
        END LOOP;
      END $$`);

    await q.query(`
      CREATE FUNCTION farmlink_slug_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'listings' THEN
          PERFORM farmlink_set_slug('listing', NEW.id, NEW.title, true);
        ELSIF TG_TABLE_NAME = 'cooperatives' THEN
          PERFORM farmlink_set_slug('cooperative', NEW.id, NEW.name, false);
        ELSIF NEW.role = 'farmer' THEN
          PERFORM farmlink_set_slug('farm', NEW.id, NEW.display_name, false);
        END IF;
        RETURN NULL;
      END $$`);
    // Only a new row or a change of name fires them (stock updates at checkout do not).
    await q.query(`CREATE TRIGGER listings_slug_insert AFTER INSERT ON listings FOR EACH ROW EXECUTE FUNCTION farmlink_slug_trigger()`);
    await q.query(`
      CREATE TRIGGER listings_slug_rename AFTER UPDATE OF title ON listings
        FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title) EXECUTE FUNCTION farmlink_slug_trigger()`);
    await q.query(`CREATE TRIGGER cooperatives_slug_insert AFTER INSERT ON cooperatives FOR EACH ROW EXECUTE FUNCTION farmlink_slug_trigger()`);
    await q.query(`
      CREATE TRIGGER cooperatives_slug_rename AFTER UPDATE OF name ON cooperatives
        FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION farmlink_slug_trigger()`);
    await q.query(`CREATE TRIGGER users_farm_slug_insert AFTER INSERT ON users FOR EACH ROW WHEN (NEW.role = 'farmer') EXECUTE FUNCTION farmlink_slug_trigger()`);
    await q.query(`
      CREATE TRIGGER users_farm_slug_rename AFTER UPDATE OF display_name, role ON users
        FOR EACH ROW WHEN (NEW.role = 'farmer' AND (NEW.display_name IS DISTINCT FROM OLD.display_name OR NEW.role IS DISTINCT FROM OLD.role))
        EXECUTE FUNCTION farmlink_slug_trigger()`);

    // What exists already, oldest first (the first of two equal names keeps the plain slug).
    await q.query(`SELECT farmlink_set_slug('farm', id, display_name, false) FROM (SELECT id, display_name FROM users WHERE role = 'farmer' ORDER BY created_at, id) u`);
    await q.query(`SELECT farmlink_set_slug('cooperative', id, name, false) FROM (SELECT id, name FROM cooperatives ORDER BY created_at, id) c`);
    await q.query(`SELECT farmlink_set_slug('listing', id, title, true) FROM (SELECT id, title FROM listings ORDER BY created_at, id) l`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_farm_slug_rename ON users`);
    await q.query(`DROP TRIGGER users_farm_slug_insert ON users`);
    await q.query(`DROP TRIGGER cooperatives_slug_rename ON cooperatives`);
    await q.query(`DROP TRIGGER cooperatives_slug_insert ON cooperatives`);
    await q.query(`DROP TRIGGER listings_slug_rename ON listings`);
    await q.query(`DROP TRIGGER listings_slug_insert ON listings`);
    await q.query(`DROP FUNCTION farmlink_slug_trigger()`);
    await q.query(`DROP FUNCTION farmlink_set_slug(text, uuid, text, boolean)`);
    await q.query(`DROP FUNCTION farmlink_slugify(text)`);
    await q.query(`DROP TABLE slugs`);
  }
}
