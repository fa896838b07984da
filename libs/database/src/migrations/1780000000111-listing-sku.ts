import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A seller's own code for a listing (SKU), optional. Unique per seller of record
 * (the cooperative for a listing sold through one, else the farmer) among
 * listings not archived, so a bulk import can find the listing a row updates;
 * an archived listing gives its SKU up.
 */
export class ListingSku1780000000111 implements MigrationInterface {
  name = 'ListingSku1780000000111';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE listings ADD COLUMN sku text CHECK (sku IS NULL OR (length(sku) BETWEEN 1 AND 64 AND sku = btrim(sku)))`);
    await q.query(
      `CREATE UNIQUE INDEX listings_seller_sku_key ON listings ((coalesce(cooperative_id, farmer_id)), sku) WHERE sku IS NOT NULL AND status <> 'archived'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX listings_seller_sku_key`);
    await q.query(`ALTER TABLE listings DROP COLUMN sku`);
  }
}
