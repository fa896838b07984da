import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two costs the 2026-12-02 profile of checkout + pay found (docs/PERFORMANCE.md, issue #18):
 *
 * - `report_settings` (one row) had never been analysed: autovacuum analyses a table only after 50
 *   changed rows, so the planner assumed 1,330 rows and every aggregator statement that joins it
 *   multiplied its estimates by that — the batch's key query hashed all 11,909 scope × county rows
 *   instead of looking its counties up (47 → 5 ms per batch; the whole batch 77 → 17 ms). The small
 *   report tables filled by migrations are analysed here; the big ones keep to autovacuum.
 * - `seller_ledger_seller_idx` (seller, seq) serves no query since `seller_ledger_seller_date_idx`
 *   (seller, created_at, seq, migration 072) answers the seller's ledger and balances: one index
 *   entry less for every ledger entry a payment writes.
 */
export class PaymentPathStatistics1780000000082 implements MigrationInterface {
  name = 'PaymentPathStatistics1780000000082';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ANALYZE report_settings, report_scope_counties, report_county_map, regions`);
    await q.query(`DROP INDEX seller_ledger_seller_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX seller_ledger_seller_idx ON seller_ledger_entries (seller_id, seller_type, seq DESC)`);
  }
}
