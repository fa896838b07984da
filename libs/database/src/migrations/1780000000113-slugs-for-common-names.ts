import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Farm and cooperative slugs for common names (migration 100 follow-up): a name held by another
 * entity took -2, -3, … one look-up per number, and failed after 1,000 ("no free slug") — a
 * thousand farmers named 张伟 could not register, and each registration cost as many look-ups as
 * there were namesakes. Now -2 … -5, then the id's first hex digits (6, 10, then all 32, which is
 * always free). Slugs already given stay as they are.
 */
export class SlugsForCommonNames1780000000113 implements MigrationInterface {
  name = 'SlugsForCommonNames1780000000113';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION farmlink_set_slug(kind text, id uuid, name text, id_suffix boolean) RETURNS text LANGUAGE plpgsql AS $$
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
            -- The name, then -2 … -5; a name more common than that takes the id's first hex digits
            -- (6, 10, then all 32: always free), so a thousand farms of one name cost a few look-ups each.
            candidate := CASE WHEN attempt = 1 THEN base
                              WHEN attempt <= 5 THEN base || '-' || attempt
                              ELSE base || '-' || left(hex, CASE WHEN attempt = 6 THEN 6 WHEN attempt = 7 THEN 10 ELSE 32 END) END;
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
  }

  async down(): Promise<void> {
    // The earlier body (numbered suffixes up to 1,000) is not restored: slugs given meanwhile stay valid either way.
  }
}
