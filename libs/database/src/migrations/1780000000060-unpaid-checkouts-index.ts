import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkout counts the buyer's checkouts that still hold unpaid orders
 * (MAX_UNPAID_CHECKOUTS): this partial index makes that count read only the
 * buyer's pending orders, however many orders the buyer has placed before.
 */
export class UnpaidCheckoutsIndex1780000000060 implements MigrationInterface {
  name = 'UnpaidCheckoutsIndex1780000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX orders_unpaid_buyer_idx ON orders (buyer_id, checkout_id) WHERE status = 'pending_payment'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX orders_unpaid_buyer_idx`);
  }
}
