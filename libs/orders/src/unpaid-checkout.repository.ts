import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '@farmlink/database';

/** Key space of the per-buyer advisory lock (the first half of the two-int key; hashtext of the name). */
const LOCK_SPACE = 'farmlink.unpaid-checkouts';

/** SQL of the unpaid-checkout limit: a per-buyer lock and the count it guards. */
@Injectable()
export class UnpaidCheckoutRepository {
  /**
   * Serialises one buyer's new checkouts until the caller's transaction ends
   * (other buyers never wait), then counts that buyer's checkouts still
   * holding unpaid orders. Two statements on purpose: under READ COMMITTED the
   * count's snapshot is taken after the lock is granted, so it sees a
   * checkout that a concurrent transaction committed while we waited.
   */
  async lockBuyerAndCountUnpaid(m: EntityManager, buyerId: string): Promise<number> {
    // Both are on checkout's hot path: named prepared statements, planned once per connection.
    await preparedQuery(m, 'unpaid_checkouts_lock', `SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [LOCK_SPACE, buyerId]);
    // Uses orders_unpaid_buyer_idx (migration 060): only the buyer's pending orders are read.
    const [{ n }] = await preparedQuery<{ n: number }>(
      m,
      'unpaid_checkouts_count',
      `SELECT count(DISTINCT checkout_id)::int AS n FROM orders WHERE buyer_id = $1 AND status = 'pending_payment'`,
      [buyerId],
    );
    return n;
  }
}
