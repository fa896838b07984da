import type { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { SellerType } from '@farmlink/shared';
import type { ReconOrderFacts } from './reconciliation.repository';

/**
 * Where payments and orders meet, without payments importing orders: orders
 * implements this port and binds it to the PAYMENT_OUTCOME_PORT token. It is
 * the only way payments reads or changes orders. The methods that take a
 * manager run inside the payment's own transaction, so the payment, the orders
 * and any rollups change together or not at all.
 */
export const PAYMENT_OUTCOME_PORT = Symbol('PAYMENT_OUTCOME_PORT');

export interface PaymentSucceededEvent {
  paymentId: string;
  /**
   * The payment's checkout. Without it, the orders are those of the checkout of payment `paymentId`
   * if that payment is marked succeeded at `succeededAt` in this transaction, and none otherwise: the
   * statement can then be sent with the one that marks the payment, before its answer (pipelined).
   */
  checkoutId?: string;
  amountCents?: number;
  currency?: string;
  succeededAt: Date;
}

export interface SellerOfOrder {
  orderId: string;
  sellerType: SellerType;
  sellerId: string;
  /** The order's total (goods + shipping). */
  amountCents: number;
  /** The part of amountCents that is shipping (credited to the seller in its own ledger entry). */
  shippingCents?: number;
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

  /**
   * Locks the checkout's orders, in id order (the order every path locks them in), so what is
   * left to refund on them cannot change until the payment's transaction ends.
   */
  lockOrdersOfCheckout(manager: EntityManager, checkoutId: string): Promise<void>;

  /**
   * For reconciliation (a plain read): the orders paid in the range, plus every order of the given
   * checkouts and the given orders, as orders knows them.
   */
  reconciliationOrders(
    range: { from: string; to: string; timeZone: string },
    also: { checkoutIds: string[]; orderIds: string[] },
  ): Promise<ReconOrderFacts[]>;
}

/** The bound port, looked up lazily (payments never imports orders; orders' module binds the token). */
export function outcomePort(moduleRef: ModuleRef): PaymentOutcomePort {
  return moduleRef.get<PaymentOutcomePort>(PAYMENT_OUTCOME_PORT, { strict: false });
}
