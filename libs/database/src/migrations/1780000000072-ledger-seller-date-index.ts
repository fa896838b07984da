import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seller's ledger reads newest first by date (created_at, then seq for entries of
 * the same instant): an index in that order, so a page of a long history is not a sort.
 */
export class LedgerSellerDateIndex1780000000072 implements MigrationInterface {
  name = 'LedgerSellerDateIndex1780000000072';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX seller_ledger_seller_date_idx ON seller_ledger_entries (seller_id, seller_type, created_at DESC, seq DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX seller_ledger_seller_date_idx`);
  }
}
