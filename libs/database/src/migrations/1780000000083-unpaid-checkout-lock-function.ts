import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unpaid-checkout limit's lock and count in one round trip (issue #18, the till's own cost).
 * Checkout took the buyer's advisory lock and then counted their unpaid checkouts in two
 * statements, because the count must see what a concurrent checkout of the same buyer committed
 * while this one waited for the lock. A PL/pgSQL function gives the same guarantee in one call: in
 * READ COMMITTED every statement of a VOLATILE function takes a fresh snapshot, so the count that
 * follows the lock sees those commits. The lock key is the one the two statements used.
 */
export class UnpaidCheckoutLockFunction1780000000083 implements MigrationInterface {
  name = 'UnpaidCheckoutLockFunction1780000000083';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION checkout_lock_buyer_count_unpaid(p_buyer uuid) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        -- Serialises one buyer's new checkouts until the transaction ends; other buyers never wait.
        PERFORM pg_advisory_xact_lock(hashtext('farmlink.unpaid-checkouts'), hashtext(p_buyer::text));
        -- A new snapshot: checkouts of this buyer committed while we waited are counted.
        RETURN (SELECT count(DISTINCT checkout_id)::int FROM orders WHERE buyer_id = p_buyer AND status = 'pending_payment');
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION checkout_lock_buyer_count_unpaid(uuid)`);
  }
}
