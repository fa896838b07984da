import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock history: every change of a listing's stock, written by PostgreSQL itself (a trigger on
 * listings' stock column), so no path that moves stock can forget it. The why and who come from
 * transaction-local settings each path sets in the same statement (listing-stock-context.ts):
 * farmlink.stock_reason, farmlink.stock_actor (a user id) and farmlink.stock_ref (an order or checkout id).
 * A change made without them (e.g. by hand in psql) is recorded with reason 'other'.
 */
export class ListingStockChanges1780000000081 implements MigrationInterface {
  name = 'ListingStockChanges1780000000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_stock_changes (
        id          bigserial PRIMARY KEY,
        listing_id  uuid NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        delta       integer NOT NULL,
        stock_after integer NOT NULL,
        reason      text NOT NULL CHECK (reason IN ('created', 'import', 'edit', 'checkout', 'cancellation', 'payment_timeout', 'other')),
        actor_id    uuid,
        ref_id      uuid,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // The farmer's page: one listing's changes, newest first.
    await q.query(`CREATE INDEX listing_stock_changes_listing_idx ON listing_stock_changes (listing_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION record_listing_stock_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        why text := coalesce(nullif(current_setting('farmlink.stock_reason', true), ''), CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'other' END);
      BEGIN
        INSERT INTO listing_stock_changes (listing_id, delta, stock_after, reason, actor_id, ref_id)
        VALUES (NEW.id,
                NEW.stock - CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.stock END,
                NEW.stock,
                why,
                nullif(current_setting('farmlink.stock_actor', true), '')::uuid,
                nullif(current_setting('farmlink.stock_ref', true), '')::uuid);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER listings_stock_changed AFTER UPDATE OF stock ON listings
        FOR EACH ROW WHEN (OLD.stock IS DISTINCT FROM NEW.stock) EXECUTE FUNCTION record_listing_stock_change()`);
    await q.query(`
      CREATE TRIGGER listings_stock_created AFTER INSERT ON listings
        FOR EACH ROW EXECUTE FUNCTION record_listing_stock_change()`);
    // Listings that exist today start their history at their current level.
    await q.query(`
      INSERT INTO listing_stock_changes (listing_id, delta, stock_after, reason, created_at)
      SELECT id, stock, stock, 'other', now() FROM listings`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER listings_stock_created ON listings`);
    await q.query(`DROP TRIGGER listings_stock_changed ON listings`);
    await q.query(`DROP FUNCTION record_listing_stock_change()`);
    await q.query(`DROP TABLE listing_stock_changes`);
  }
}
