import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { outcomePort } from './payment-outcome.port';
import { BadRequestError, sumMinorUnits } from '@farmlink/shared';
import { netFee } from './ledger.service';
import { ReconciliationRepository, ReconOrderRow } from './reconciliation.repository';

export interface ReconciliationMismatch {
  /** Which rule failed, e.g. `ledger_refunds`. */
  check: string;
  paymentId: string | null;
  orderId: string | null;
  expectedCents: number;
  actualCents: number;
  message: string;
}

export interface ReconciliationReport {
  from: string;
  to: string;
  timeZone: string;
  marketCode: string;
  /** Every amount is in this currency (the market's). */
  currency: string;
  /** Payments that succeeded in the range. */
  paymentsSucceededCents: number;
  /** Refunds (not failed) of those payments. */
  refundsCents: number;
  /** paymentsSucceededCents - refundsCents: the money kept. */
  netCents: number;
  /** Σ (total - refunded) over those payments' orders. */
  ordersNetCents: number;
  /** Σ of the seller ledger for those orders (sales - refunds - net fees). */
  ledgerCents: number;
  /** Net platform fees in the ledger for those orders. */
  feesCents: number;
  ordersChecked: number;
  paymentsChecked: number;
  mismatches: ReconciliationMismatch[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Reconciliation: payments that succeeded minus refunds, against the orders
 * they paid and the seller ledger, order by order and payment by payment.
 * In a healthy system the list of mismatches is empty.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly repo: ReconciliationRepository,
    private readonly config: ConfigService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async run(from: string, to: string, marketCode = 'cn'): Promise<ReconciliationReport> {
    if (!validDate(from) || !validDate(to)) throw new BadRequestError('from and to must be calendar dates YYYY-MM-DD');
    if (from > to) throw new BadRequestError('from must not be after to');
    // One market at a time, so one currency: amounts of different currencies are never added.
    const market = await this.repo.market(marketCode);
    if (!market) throw new BadRequestError(`Unknown market: ${marketCode}`, { marketCode });
    const timeZone = marketCode === 'cn' ? String(this.config.get('REPORT_TIME_ZONE') ?? 'Asia/Shanghai') : market.timeZone;
    const rows = (await this.ordersInScope(from, to, timeZone)).filter((o) => o.currency === market.currency);
    const mismatches: ReconciliationMismatch[] = [];
    const miss = (check: string, o: { paymentId: string | null; orderId: string | null }, expectedCents: number, actualCents: number, message: string) =>
      mismatches.push({ check, paymentId: o.paymentId, orderId: o.orderId, expectedCents, actualCents, message });

    for (const o of rows) this.checkOrder(o, miss);

    // Payment by payment (only payments that succeeded in the range).
    const byPayment = new Map<string, ReconOrderRow[]>();
    for (const o of rows) if (o.paymentInRange && o.paymentId) byPayment.set(o.paymentId, [...(byPayment.get(o.paymentId) ?? []), o]);
    let paymentsSucceededCents = 0;
    let refundsCents = 0;
    let ordersNetCents = 0;
    let ledgerCents = 0;
    let feesCents = 0;
    for (const [paymentId, orders] of byPayment) {
      const amount = orders[0].paymentAmountCents;
      const totals = orders.reduce((s, o) => s + o.totalCents, 0);
      const refunds = orders.reduce((s, o) => s + o.refundsCents, 0);
      const net = orders.reduce((s, o) => s + o.totalCents - o.refundedCents, 0);
      paymentsSucceededCents += amount;
      refundsCents += refunds;
      ordersNetCents += net;
      ledgerCents += orders.reduce((s, o) => s + o.ledgerSaleCents + o.ledgerRefundCents + o.ledgerFeeCents, 0);
      feesCents -= orders.reduce((s, o) => s + o.ledgerFeeCents, 0);
      const ref = { paymentId, orderId: null };
      if (amount !== totals) miss('payment_vs_orders_total', ref, totals, amount, `payment ${paymentId} is ${amount} but its orders total ${totals}`);
      if (amount - refunds !== net) miss('payment_net_vs_orders', ref, net, amount - refunds, `payment ${paymentId} minus its refunds is ${amount - refunds} but its orders keep ${net}`);
    }
    // Totals over a range beyond 2^53 − 1 would be rounded: refuse them (422) rather than report wrong figures.
    for (const total of [paymentsSucceededCents, refundsCents, ordersNetCents, ledgerCents, feesCents]) sumMinorUnits([total]);

    return {
      from,
      to,
      timeZone,
      marketCode,
      currency: market.currency,
      paymentsSucceededCents,
      refundsCents,
      netCents: paymentsSucceededCents - refundsCents,
      ordersNetCents,
      ledgerCents,
      feesCents,
      ordersChecked: rows.length,
      paymentsChecked: byPayment.size,
      mismatches,
    };
  }

  /**
   * Orders of payments that succeeded in the range, orders paid in it, and orders with ledger entries
   * written in it — what orders says (through the port) beside what payments, refunds and the ledger say.
   */
  private async ordersInScope(from: string, to: string, timeZone: string): Promise<ReconOrderRow[]> {
    const range = { from, to, timeZone };
    const scope = await this.repo.scope(from, to, timeZone);
    const orders = await outcomePort(this.moduleRef).reconciliationOrders(range, scope);
    const side = await this.repo.paymentSide(orders, from, to, timeZone);
    return orders
      .map((o) => ({ ...o, ...side.get(o.orderId)! }))
      .sort((a, b) => (a.checkoutId === b.checkoutId ? (a.orderId < b.orderId ? -1 : 1) : a.checkoutId < b.checkoutId ? -1 : 1));
  }

  private checkOrder(o: ReconOrderRow, miss: (check: string, o: { paymentId: string | null; orderId: string | null }, e: number, a: number, m: string) => void): void {
    const ref = { paymentId: o.paymentId, orderId: o.orderId };
    if (o.refundsCents !== o.refundedCents) miss('refunds_vs_order', ref, o.refundedCents, o.refundsCents, `order ${o.orderId} says ${o.refundedCents} refunded, its refunds add up to ${o.refundsCents}`);
    if (o.failedRefunds > 0) miss('refund_failed', ref, 0, o.failedRefunds, `order ${o.orderId} has ${o.failedRefunds} refund(s) the provider refused: the buyer has not got that money back`);
    if (o.ledgerOtherSeller > 0) miss('ledger_seller', ref, 0, o.ledgerOtherSeller, `order ${o.orderId} has ledger entries for another seller`);
    if (o.paid) {
      if (o.paymentStatus !== 'succeeded') miss('order_paid_without_payment', ref, o.totalCents, 0, `order ${o.orderId} is paid but its payment is ${o.paymentStatus ?? 'missing'}`);
      if (o.ledgerSales !== 1 || o.ledgerSaleCents !== o.totalCents) miss('ledger_sale', ref, o.totalCents, o.ledgerSaleCents, `order ${o.orderId} totals ${o.totalCents}; the ledger credits ${o.ledgerSaleCents} in ${o.ledgerSales} sale entries`);
      if (-o.ledgerRefundCents !== o.refundedCents) miss('ledger_refunds', ref, o.refundedCents, -o.ledgerRefundCents, `order ${o.orderId} has ${o.refundedCents} refunded; the ledger debits ${-o.ledgerRefundCents}`);
      const fee = netFee(Math.max(o.totalCents - o.refundedCents, 0), o.feeBps ?? 0);
      if (-o.ledgerFeeCents !== fee) miss('ledger_fee', ref, fee, -o.ledgerFeeCents, `order ${o.orderId}: the net platform fee should be ${fee}, the ledger has ${-o.ledgerFeeCents}`);
    } else {
      if (o.ledgerEntries > 0) miss('ledger_for_unpaid_order', ref, 0, o.ledgerSaleCents + o.ledgerRefundCents + o.ledgerFeeCents, `order ${o.orderId} was never paid but has ${o.ledgerEntries} ledger entries`);
      if (o.paymentStatus === 'succeeded') {
        if (o.status !== 'cancelled') miss('order_not_paid', ref, o.totalCents, 0, `order ${o.orderId} is ${o.status} although its payment succeeded`);
        else if (o.refundedCents !== o.totalCents) miss('money_kept_for_cancelled_order', ref, o.totalCents, o.refundedCents, `order ${o.orderId} was cancelled before its payment arrived; ${o.totalCents - o.refundedCents} was not given back`);
      }
    }
  }
}
