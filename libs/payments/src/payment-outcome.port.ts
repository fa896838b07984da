import type { EntityManager } from 'typeorm';

/**
 * How payments tell the rest of the system what happened to a payment,
 * without importing it. Orders implements this port and binds it to the
 * PAYMENT_OUTCOME_PORT token; every method runs inside the payment's own
 * transaction (the manager passed in), so the payment, the orders and any
 * rollups change together or not at all.
 */
export const PAYMENT_OUTCOME_PORT = Symbol('PAYMENT_OUTCOME_PORT');

export interface PaymentSucceededEvent {
  paymentId: string;
  checkoutId: string;
  amountCents: number;
  currency: string;
  succeededAt: Date;
}

export interface SellerOfOrder {
  orderId: string;
  sellerType: 'farmer' | 'cooperative';
  sellerId: string;
  amountCents: number;
}

export interface PaymentSucceededResult {
  /** Orders that became paid, with their totals (for the seller ledger). */
  paid: SellerOfOrder[];
  /** Orders that can no longer be paid, with the amount to give back. */
  refundable: SellerOfOrder[];
}

export interface PaymentOutcomePort {
  /**
   * The money arrived: move the checkout's orders to `paid`. Returns the orders
   * that can no longer be paid (e.g. cancelled by the payment timeout) with the
   * amount to give back; payments refunds those automatically.
   */
  onPaymentSucceeded(manager: EntityManager, event: PaymentSucceededEvent): Promise<PaymentSucceededResult>;

  /** The payment attempt failed; the orders stay payable until the timeout. */
  onPaymentFailed(manager: EntityManager, event: { paymentId: string; checkoutId: string; reason: string }): Promise<void>;

  /**
   * A refund was recorded that orders did not start (an automatic refund, or
   * one made in the provider's dashboard): add it to the order's refundedCents.
   */
  onRefundRecorded(manager: EntityManager, refund: { refundId: string; orderId: string; amountCents: number }): Promise<void>;
}
