import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales-report rollups, kept exact by PostgreSQL itself (triggers), in the
 * same transaction as the change that causes them:
 *
 * - report_sales_daily: one row per (local day, producer county, category,
 *   poverty flag) with gross, refunds, units and grams. Additive, so any date
 *   range and any set of counties is a SUM over counties × days rows.
 * - report_sales_actors: the distinct ids behind the distinct counts, once per
 *   (local day, county, category, kind, id): kind o = order, b = buyer,
 *   s = seller of record, p = producer, h = producer who was a registered poor
 *   household. Distinct counts over any range are COUNT(DISTINCT) here.
 * - report_county_map: county → prefecture → province, for grouping.
 * - report_settings: the time zone whose calendar the `day` columns use.
 *
 * Triggers: orders (paid_at set, changed or cleared) and refunds (inserted,
 * status/amount/date changed, deleted). A refund counts only when it
 * succeeded and its order has paid_at (cancelled-before-payment orders never
 * get one). `report_rebuild()` recomputes everything from the raw tables.
 * Order lines are a snapshot and never change once their order is paid;
 * rows loaded straight into the tables (bulk imports, benchmarks) need
 * `npm run reports:rebuild`.
 */
export class Reports1780000000050 implements MigrationInterface {
  name = 'Reports1780000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX orders_paid_at_idx ON orders (paid_at) WHERE paid_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE report_settings (
        id        boolean PRIMARY KEY DEFAULT true CHECK (id),
        time_zone text NOT NULL
      )`);
    await q.query(`INSERT INTO report_settings (id, time_zone) VALUES (true, 'Asia/Shanghai')`);

    await q.query(`
      CREATE TABLE report_county_map (
        county_code     char(6) PRIMARY KEY REFERENCES regions(code),
        prefecture_code char(6) NOT NULL REFERENCES regions(code),
        province_code   char(6) NOT NULL REFERENCES regions(code)
      )`);

    await q.query(`
      CREATE TABLE report_sales_daily (
        day           date NOT NULL,
        county_code   char(6) NOT NULL,
        category      text NOT NULL,
        poverty       boolean NOT NULL,
        gross_cents   bigint NOT NULL DEFAULT 0,
        refunds_cents bigint NOT NULL DEFAULT 0,
        units         bigint NOT NULL DEFAULT 0,
        weight_grams  bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, county_code, category, poverty)
      )`);
    await q.query(`CREATE INDEX report_sales_daily_county_idx ON report_sales_daily (county_code, day)`);

    await q.query(`
      CREATE TABLE report_sales_actors (
        day         date NOT NULL,
        county_code char(6) NOT NULL,
        category    text NOT NULL,
        kind        "char" NOT NULL CHECK (kind IN ('o', 'b', 's', 'p', 'h')),
        actor_id    uuid NOT NULL,
        PRIMARY KEY (day, county_code, category, kind, actor_id)
      )`);

    await q.query(`
      CREATE FUNCTION report_refresh_county_map() RETURNS void LANGUAGE sql AS $$
        DELETE FROM report_county_map;
        INSERT INTO report_county_map (county_code, prefecture_code, province_code)
        SELECT c.code,
               CASE WHEN p.level = 'prefecture' THEN p.code ELSE c.code END,
               CASE WHEN p.level = 'prefecture' THEN p.parent_code ELSE p.code END
          FROM regions c JOIN regions p ON p.code = c.parent_code
         WHERE c.level = 'county';
      $$`);
    await q.query(`SELECT report_refresh_county_map()`);

    await q.query(`
      CREATE FUNCTION report_local_day(ts timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT (ts AT TIME ZONE (SELECT time_zone FROM report_settings))::date
      $$`);

    // A refund's share of each line of its order: proportional to the line
    // totals, largest remainder first, ties to the lower position (as
    // allocateProportionally in @farmlink/shared). Several refunds at once.
    await q.query(`
      CREATE FUNCTION report_refund_shares(p_order uuid[], p_amount bigint[], p_at timestamptz[])
      RETURNS TABLE (day date, county_code char(6), category text, poverty boolean, share bigint)
      LANGUAGE sql STABLE AS $$
        WITH r AS (
          SELECT row_number() OVER () AS rid, x.order_id, x.amount::numeric AS amount, x.at
            FROM unnest(p_order, p_amount, p_at) AS x(order_id, amount, at)
        ), l AS (
          SELECT r.rid, r.amount, r.at, l.position, l.producer_county_code, l.category, l.producer_poverty_registered,
                 l.line_total_cents::numeric AS w,
                 sum(l.line_total_cents::numeric) OVER (PARTITION BY r.rid) AS total,
                 row_number() OVER (PARTITION BY r.rid ORDER BY l.position) AS rn
            FROM r JOIN order_lines l ON l.order_id = r.order_id
        ), f AS (
          SELECT l.*,
                 CASE WHEN total > 0 THEN div(amount * w, total) WHEN rn = 1 THEN amount ELSE 0 END AS fl,
                 CASE WHEN total > 0 THEN mod(amount * w, total) ELSE 0 END AS rem
            FROM l
        ), g AS (
          SELECT f.*, amount - sum(fl) OVER (PARTITION BY rid) AS lft,
                 row_number() OVER (PARTITION BY rid ORDER BY rem DESC, position) AS rk
            FROM f
        )
        SELECT report_local_day(at), producer_county_code, category, producer_poverty_registered,
               (fl + CASE WHEN rk <= lft THEN 1 ELSE 0 END)::bigint
          FROM g
      $$`);

    await q.query(`
      CREATE FUNCTION report_apply_refunds(p_order uuid[], p_amount bigint[], p_at timestamptz[], p_sign int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_sales_daily AS d (day, county_code, category, poverty, refunds_cents)
        SELECT s.day, s.county_code, s.category, s.poverty, p_sign * sum(s.share)
          FROM report_refund_shares(p_order, p_amount, p_at) s
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, county_code, category, poverty)
          DO UPDATE SET refunds_cents = d.refunds_cents + EXCLUDED.refunds_cents
      $$`);

    await q.query(`
      CREATE FUNCTION report_apply_sale(p_order uuid, p_paid_at timestamptz, p_sign int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_sales_daily AS d (day, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT report_local_day(p_paid_at), l.producer_county_code, l.category, l.producer_poverty_registered,
               p_sign * sum(l.line_total_cents), p_sign * sum(l.quantity), p_sign * sum(l.quantity::bigint * l.net_weight_grams)
          FROM order_lines l WHERE l.order_id = p_order
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, county_code, category, poverty) DO UPDATE
          SET gross_cents = d.gross_cents + EXCLUDED.gross_cents,
              units = d.units + EXCLUDED.units,
              weight_grams = d.weight_grams + EXCLUDED.weight_grams
      $$`);

    // The distinct ids one set of lines contributes (used by the triggers and the rebuild).
    await q.query(`
      CREATE VIEW report_line_actors AS
        SELECT report_local_day(o.paid_at) AS day, l.producer_county_code AS county_code, l.category, a.kind, a.actor_id, o.id AS order_id
          FROM orders o
          JOIN order_lines l ON l.order_id = o.id
          CROSS JOIN LATERAL (VALUES ('o'::"char", o.id), ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                     ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS a(kind, actor_id)
         WHERE o.paid_at IS NOT NULL AND a.actor_id IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION report_orders_paid_at_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r record;
        old_day date;
      BEGIN
        IF OLD.paid_at IS NOT NULL THEN
          PERFORM report_apply_sale(OLD.id, OLD.paid_at, -1);
          -- Recount the distinct ids of the cells this order touched on its old day, without it.
          old_day := report_local_day(OLD.paid_at);
          FOR r IN SELECT DISTINCT producer_county_code AS county_code, category FROM order_lines WHERE order_id = OLD.id LOOP
            DELETE FROM report_sales_actors a WHERE a.day = old_day AND a.county_code = r.county_code AND a.category = r.category;
            INSERT INTO report_sales_actors (day, county_code, category, kind, actor_id)
            SELECT DISTINCT old_day, r.county_code, r.category, x.kind, x.actor_id
              FROM orders o JOIN order_lines l ON l.order_id = o.id
              CROSS JOIN LATERAL (VALUES ('o'::"char", o.id), ('b'::"char", o.buyer_id), ('s'::"char", o.seller_id), ('p'::"char", l.producer_id),
                                         ('h'::"char", CASE WHEN l.producer_poverty_registered THEN l.producer_id END)) AS x(kind, actor_id)
             WHERE o.paid_at >= (old_day::timestamp AT TIME ZONE (SELECT time_zone FROM report_settings))
               AND o.paid_at < ((old_day + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM report_settings))
               AND l.producer_county_code = r.county_code AND l.category = r.category AND x.actor_id IS NOT NULL;
          END LOOP;
        END IF;
        IF NEW.paid_at IS NOT NULL THEN
          PERFORM report_apply_sale(NEW.id, NEW.paid_at, 1);
          INSERT INTO report_sales_actors (day, county_code, category, kind, actor_id)
          SELECT DISTINCT day, county_code, category, kind, actor_id FROM report_line_actors WHERE order_id = NEW.id
           ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT DO NOTHING;
        END IF;
        -- Refunds count only while the order has paid_at.
        IF (OLD.paid_at IS NULL) <> (NEW.paid_at IS NULL) THEN
          PERFORM report_apply_refunds(array_agg(f.order_id), array_agg(f.amount_cents), array_agg(f.created_at),
                                       CASE WHEN NEW.paid_at IS NULL THEN -1 ELSE 1 END)
             FROM refunds f WHERE f.order_id = NEW.id AND f.status = 'succeeded' HAVING count(*) > 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_orders_paid_at AFTER UPDATE OF paid_at ON orders
        FOR EACH ROW WHEN (OLD.paid_at IS DISTINCT FROM NEW.paid_at)
        EXECUTE FUNCTION report_orders_paid_at_changed()`);

    await q.query(`
      CREATE FUNCTION report_refunds_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'succeeded'
           AND EXISTS (SELECT 1 FROM orders o WHERE o.id = OLD.order_id AND o.paid_at IS NOT NULL) THEN
          PERFORM report_apply_refunds(ARRAY[OLD.order_id], ARRAY[OLD.amount_cents], ARRAY[OLD.created_at], -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'succeeded'
           AND EXISTS (SELECT 1 FROM orders o WHERE o.id = NEW.order_id AND o.paid_at IS NOT NULL) THEN
          PERFORM report_apply_refunds(ARRAY[NEW.order_id], ARRAY[NEW.amount_cents], ARRAY[NEW.created_at], 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_refunds_insert_delete AFTER INSERT OR DELETE ON refunds
        FOR EACH ROW EXECUTE FUNCTION report_refunds_changed()`);
    await q.query(`
      CREATE TRIGGER report_refunds_update AFTER UPDATE ON refunds
        FOR EACH ROW WHEN ((OLD.status, OLD.amount_cents, OLD.created_at, OLD.order_id) IS DISTINCT FROM (NEW.status, NEW.amount_cents, NEW.created_at, NEW.order_id))
        EXECUTE FUNCTION report_refunds_changed()`);

    // Everything again from the raw tables (npm run reports:rebuild; a change of REPORT_TIME_ZONE).
    await q.query(`
      CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE report_sales_daily, report_sales_actors IN ACCESS EXCLUSIVE MODE;
        PERFORM report_refresh_county_map();
        TRUNCATE report_sales_daily, report_sales_actors;
        INSERT INTO report_sales_daily (day, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT report_local_day(o.paid_at), l.producer_county_code, l.category, l.producer_poverty_registered,
               sum(l.line_total_cents), sum(l.quantity), sum(l.quantity::bigint * l.net_weight_grams)
          FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.paid_at IS NOT NULL
         GROUP BY 1, 2, 3, 4;
        PERFORM report_apply_refunds(array_agg(f.order_id ORDER BY f.id), array_agg(f.amount_cents ORDER BY f.id), array_agg(f.created_at ORDER BY f.id), 1)
           FROM refunds f JOIN orders o ON o.id = f.order_id
          WHERE f.status = 'succeeded' AND o.paid_at IS NOT NULL
         HAVING count(*) > 0;
        INSERT INTO report_sales_actors (day, county_code, category, kind, actor_id)
        SELECT DISTINCT day, county_code, category, kind, actor_id FROM report_line_actors;
        ANALYZE report_sales_daily;
        ANALYZE report_sales_actors;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_refunds_update ON refunds`);
    await q.query(`DROP TRIGGER report_refunds_insert_delete ON refunds`);
    await q.query(`DROP TRIGGER report_orders_paid_at ON orders`);
    await q.query(`DROP FUNCTION report_rebuild()`);
    await q.query(`DROP FUNCTION report_refunds_changed()`);
    await q.query(`DROP FUNCTION report_orders_paid_at_changed()`);
    await q.query(`DROP VIEW report_line_actors`);
    await q.query(`DROP FUNCTION report_apply_sale(uuid, timestamptz, int)`);
    await q.query(`DROP FUNCTION report_apply_refunds(uuid[], bigint[], timestamptz[], int)`);
    await q.query(`DROP FUNCTION report_refund_shares(uuid[], bigint[], timestamptz[])`);
    await q.query(`DROP FUNCTION report_local_day(timestamptz)`);
    await q.query(`DROP FUNCTION report_refresh_county_map()`);
    await q.query(`DROP TABLE report_sales_actors`);
    await q.query(`DROP TABLE report_sales_daily`);
    await q.query(`DROP TABLE report_county_map`);
    await q.query(`DROP TABLE report_settings`);
    await q.query(`DROP INDEX orders_paid_at_idx`);
  }
}
