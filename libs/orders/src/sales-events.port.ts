import type { EntityManager } from 'typeorm';

/**
 * Sales facts that other parts (the reports' rollups) keep in step with the
 * orders, inside the same transaction. Orders defines this port; reports
 * implements it and binds SALES_EVENTS_PORT. When nothing is bound, orders
 * simply does not call it.
 */
export const SALES_EVENTS_PORT = Symbol('SALES_EVENTS_PORT');

export interface SalesEventsPort {
  /** These orders just became paid (their payment succeeded at `paidAt`). */
  ordersPaid(manager: EntityManager, event: { orderIds: string[]; paidAt: Date }): Promise<void>;
  /** A refund of a paid order was recorded at `createdAt`. */
  refundRecorded(manager: EntityManager, event: { refundId: string; orderId: string; amountCents: number; createdAt: Date }): Promise<void>;
}
