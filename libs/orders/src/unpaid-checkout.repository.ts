import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '@farmlink/database';

/** SQL of the unpaid-checkout limit: a per-buyer lock and the count it guards. */
@Injectable()
export class UnpaidCheckoutRepository {
  /**
   * Serialises one buyer's new checkouts until the caller's transaction ends
   * (other buyers never wait), then counts that buyer's checkouts still
   * holding unpaid orders — one round trip: checkout_lock_buyer_count_unpaid
   * (migration 083) takes the advisory lock and then counts with a fresh
   * snapshot, so the count sees a checkout that a concurrent transaction
   * committed while we waited. The count uses orders_unpaid_buyer_idx
   * (migration 060): only the buyer's pending orders are read.
   */
  async lockBuyerAndCountUnpaid(m: EntityManager, buyerId: string): Promise<number> {
    const [{ n }] = await preparedQuery<{ n: number }>(m, 'unpaid_checkouts_lock_count', `SELECT checkout_lock_buyer_count_unpaid($1) AS n`, [buyerId]);
    return n;
  }
}
