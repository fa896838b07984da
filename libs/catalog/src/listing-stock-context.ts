/**
 * Why a listing's stock changed, for its stock history. The rows are written by a trigger on
 * listings.stock (migration 1780000000081); each path that changes stock sets the reason, the
 * actor and a reference (order or checkout) as transaction-local settings in the same statement,
 * through the `stock_ctx` CTE below, so it costs no extra round trip.
 */
export const STOCK_REASONS = ['created', 'import', 'edit', 'checkout', 'cancellation', 'payment_timeout', 'other'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

export interface StockContext {
  reason: Exclude<StockReason, 'other'>;
  /** The user who caused it (null for the system, e.g. the payment timeout). */
  actorId?: string | null;
  /** The order or checkout it belongs to. */
  refId?: string | null;
}

/**
 * A CTE named `stock_ctx` (one row) that sets the three settings for this transaction; the
 * statement must name it in a FROM so it runs. Its parameters are $first, $first+1, $first+2.
 */
export function stockContextCte(first: number): string {
  return `stock_ctx AS (
         SELECT set_config('farmlink.stock_reason', $${first}::text, true) AS reason,
                set_config('farmlink.stock_actor', coalesce($${first + 1}::text, ''), true) AS actor,
                set_config('farmlink.stock_ref', coalesce($${first + 2}::text, ''), true) AS ref
       )`;
}

export function stockContextParams(c: StockContext): [string, string | null, string | null] {
  return [c.reason, c.actorId ?? null, c.refId ?? null];
}
