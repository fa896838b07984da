import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadReportSql } from './load-report-sql';
import { ReportPeriodRollups1780000000052 } from './1780000000052-report-period-rollups';

/**
 * The paying transaction does only the sale (issue #18). Until now triggers
 * on orders and refunds updated every rollup (sums rows, sharded distinct
 * counters, day bits under advisory locks) inside the payment's and the
 * refund's transaction. From here those triggers only append a row to
 * `report_pending` (one per order that becomes paid; one per refund), and the
 * report aggregator (report_apply_pending, run every second by the API and by
 * every report before it reads) folds them into the rollups in batches.
 *
 * The report SQL itself now lives in libs/reports/src/sql/*.sql (loaded here
 * with CREATE OR REPLACE); libs/reports/DESIGN.md explains it.
 */
export class ReportAggregator1780000000064 implements MigrationInterface {
  name = 'ReportAggregator1780000000064';

  async up(q: QueryRunner): Promise<void> {
    // Out with the work on the payment's and the refund's path.
    await q.query(`DROP TRIGGER report_orders_became_paid ON orders`);
    await q.query(`DROP TRIGGER report_orders_paid_at ON orders`);
    await q.query(`DROP TRIGGER report_refunds_insert_delete ON refunds`);
    await q.query(`DROP TRIGGER report_refunds_update ON refunds`);
    await q.query(`DROP FUNCTION report_orders_became_paid()`);
    await q.query(`DROP FUNCTION report_orders_paid_at_changed()`);
    await q.query(`DROP FUNCTION report_refunds_changed()`);
    await q.query(`DROP FUNCTION report_add_paid_orders(uuid[])`);
    await q.query(`DROP FUNCTION report_order_activity(uuid[])`);
    await q.query(`DROP FUNCTION report_apply_sale(uuid[], int)`);
    await q.query(`DROP FUNCTION report_lock_actors("char"[], uuid[])`);

    // What the paying and refunding transactions append; the aggregator deletes what it applies.
    await q.query(`
      CREATE TABLE report_pending (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind         "char" NOT NULL CHECK (kind IN ('s', 'r')),
        order_id     uuid NOT NULL,
        at           timestamptz NOT NULL,
        sign         smallint NOT NULL CHECK (sign IN (-1, 1)),
        amount_cents bigint CHECK ((kind = 'r') = (amount_cents IS NOT NULL))
      )`);

    await loadReportSql(q);

    await q.query(`
      CREATE TRIGGER report_capture_paid_at AFTER UPDATE OF paid_at ON orders
        FOR EACH ROW WHEN (OLD.paid_at IS DISTINCT FROM NEW.paid_at)
        EXECUTE FUNCTION report_capture_paid_at()`);
    await q.query(`
      CREATE TRIGGER report_capture_refund_insert_delete AFTER INSERT OR DELETE ON refunds
        FOR EACH ROW EXECUTE FUNCTION report_capture_refund()`);
    await q.query(`
      CREATE TRIGGER report_capture_refund_update AFTER UPDATE ON refunds
        FOR EACH ROW WHEN ((OLD.status, OLD.amount_cents, OLD.created_at, OLD.order_id) IS DISTINCT FROM (NEW.status, NEW.amount_cents, NEW.created_at, NEW.order_id))
        EXECUTE FUNCTION report_capture_refund()`);
    // One writer from here: the shards the payments wrote become one row per counter.
    await q.query(`SELECT report_compact_counters()`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to 052 exactly: drop every report object, undo 052 (to 050 + 051), and run 052 again (it rebuilds).
    await q.query(`DROP TABLE report_pending`);
    const r052 = new ReportPeriodRollups1780000000052();
    await r052.down(q);
    await r052.up(q);
  }
}
