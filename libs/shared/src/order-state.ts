/**
 * The order state machine: a transitions table and a tiny class around it.
 * Every change of an order's state goes through OrdersService.transition(),
 * which consults this and writes the order-history row in the same transaction.
 */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export class OrderStateMachine {
  static canMove(from: OrderStatus, to: OrderStatus): boolean {
    return ORDER_TRANSITIONS[from]?.includes(to) ?? false;
  }

  /** Every (from, to) pair, allowed or not — for tests and docs. */
  static allPairs(): { from: OrderStatus; to: OrderStatus; allowed: boolean }[] {
    return ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => ({ from, to, allowed: OrderStateMachine.canMove(from, to) })));
  }
}

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_PROVIDERS = ['simulated', 'stripe'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];
