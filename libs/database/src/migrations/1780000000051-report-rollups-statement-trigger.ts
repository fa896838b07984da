import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the sales rollups without deadlocks under load.
 *
 * The row-level trigger of 1780000000050 upserted each order's rollup rows as
 * that order was updated. A payment marks all of a checkout's orders paid, so
 * two payments touching the same (day, county, category) rows could take their
 * locks in different orders and deadlock (PostgreSQL breaks it after a second;
 * the checkout benchmark showed p50 of 5 s for checkout + pay).
 *
 * Now the common case — orders that become paid — is applied once per UPDATE
 * statement, from its transition tables, by ONE upsert whose rows are sorted by
 * key: every transaction takes the rollup locks in the same order. The rare
 * cases (a paid_at moved or removed) keep the row-level trigger.
 */
export class ReportRollupsStatementTrigger1780000000051 implements MigrationInterface {
  name = 'ReportRollupsStatementTrigger1780000000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_orders_paid_at ON orders`);
    await q.query(`
      CREATE TRIGGER report_orders_paid_at AFTER UPDATE OF paid_at ON orders
        FOR EACH ROW WHEN (OLD.paid_at IS NOT NULL AND OLD.paid_at IS DISTINCT FROM NEW.paid_at)
        EXECUTE FUNCTION report_orders_paid_at_changed()`);

    await q.query(`
      CREATE FUNCTION report_orders_became_paid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        paid uuid[];
      BEGIN
        SELECT array_agg(n.id ORDER BY n.id) INTO paid
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE o.paid_at IS NULL AND n.paid_at IS NOT NULL;
        IF paid IS NULL THEN
          RETURN NULL;
        END IF;

        INSERT INTO report_sales_daily AS d (day, county_code, category, poverty, gross_cents, units, weight_grams)
        SELECT report_local_day(o.paid_at), l.producer_county_code, l.category, l.producer_poverty_registered,
               sum(l.line_total_cents), sum(l.quantity), sum(l.quantity::bigint * l.net_weight_grams)
          FROM new_rows o JOIN order_lines l ON l.order_id = o.id
         WHERE o.id = ANY(paid)
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (day, county_code, category, poverty) DO UPDATE
          SET gross_cents = d.gross_cents + EXCLUDED.gross_cents,
              units = d.units + EXCLUDED.units,
              weight_grams = d.weight_grams + EXCLUDED.weight_grams;

        INSERT INTO report_sales_actors (day, county_code, category, kind, actor_id)
        SELECT DISTINCT day, county_code, category, kind, actor_id FROM report_line_actors WHERE order_id = ANY(paid)
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT DO NOTHING;

        -- Refunds recorded before the payment (events out of order) count from now on.
        PERFORM report_apply_refunds(array_agg(f.order_id ORDER BY f.order_id), array_agg(f.amount_cents ORDER BY f.order_id),
                                     array_agg(f.created_at ORDER BY f.order_id), 1)
           FROM refunds f WHERE f.order_id = ANY(paid) AND f.status = 'succeeded' HAVING count(*) > 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_orders_became_paid AFTER UPDATE ON orders
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION report_orders_became_paid()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_orders_became_paid ON orders`);
    await q.query(`DROP FUNCTION report_orders_became_paid()`);
    await q.query(`DROP TRIGGER report_orders_paid_at ON orders`);
    await q.query(`
      CREATE TRIGGER report_orders_paid_at AFTER UPDATE OF paid_at ON orders
        FOR EACH ROW WHEN (OLD.paid_at IS DISTINCT FROM NEW.paid_at)
        EXECUTE FUNCTION report_orders_paid_at_changed()`);
  }
}
