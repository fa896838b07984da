import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { BadRequestError, basisPoints, DEFAULT_CURRENCY, DEFAULT_PAGE_SIZE, NotFoundError, type SellerType } from '@farmlink/shared';
import { LedgerEntryRow, LedgerOrder, LedgerRepository, NewLedgerEntry, SellerRef } from './ledger.repository';
import type { SellerOfOrder } from './payment-outcome.port';

export interface LedgerPage {
  items: LedgerEntryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The sum of every entry of the sellers shown (not only this page). */
  balanceCents: number;
  currency: string;
  balances: (SellerRef & { balanceCents: number })[];
}

/**
 * The net platform fee on an order with `netSaleCents` left after refunds.
 * The fee is returned pro rata on refunds: after any refunds the seller has
 * paid exactly basisPoints(total - refunded), so the ledger always sums to
 * (total - refunded) - basisPoints(total - refunded, bps), to the fen.
 */
export function netFee(netSaleCents: number, feeBps: number): number {
  return basisPoints(netSaleCents, feeBps);
}

/**
 * The seller ledger: append-only entries per seller (a farmer, or a
 * cooperative). Written only inside the transactions that mark orders paid or
 * record refunds, so it can never disagree with them.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly config: ConfigService,
  ) {}

  private get feeBps(): number {
    return Number(this.config.get('PLATFORM_FEE_BPS') ?? 0);
  }

  /**
   * Orders just became paid: credit each sale (the goods) and its shipping apart, debit the
   * platform fee (on the whole amount the seller receives, goods and shipping).
   */
  async recordSales(m: EntityManager, sale: { paymentId: string; currency: string; at: Date; paid: SellerOfOrder[] }): Promise<void> {
    const bps = this.feeBps;
    const entries: NewLedgerEntry[] = [];
    for (const o of sale.paid) {
      const base = { sellerType: o.sellerType, sellerId: o.sellerId, currency: sale.currency, feeBps: bps, orderId: o.orderId, paymentId: sale.paymentId, createdAt: sale.at };
      const shipping = o.shippingCents ?? 0;
      entries.push({ ...base, kind: 'sale', amountCents: o.amountCents - shipping });
      if (shipping > 0) entries.push({ ...base, kind: 'shipping', amountCents: shipping });
      const fee = netFee(o.amountCents, bps);
      if (fee !== 0) entries.push({ ...base, kind: 'fee', amountCents: -fee });
    }
    await this.ledger.insert(m, entries);
  }

  /**
   * A refund of an order was recorded: debit it, and give back the fee's
   * share. Orders that were never paid (cancelled before the money came, then
   * refunded automatically) were never credited, so nothing is written.
   */
  async recordRefund(m: EntityManager, refund: { refundId: string; orderId: string; paymentId: string; amountCents: number; currency: string }): Promise<void> {
    const order = await this.ledger.lockOrder(m, refund.orderId);
    if (!order) return;
    const before = order.saleCents - order.refundedCents;
    const after = before - refund.amountCents;
    const feeBack = netFee(before, order.feeBps) - netFee(Math.max(after, 0), order.feeBps);
    const base = { sellerType: order.sellerType, sellerId: order.sellerId, currency: refund.currency, feeBps: order.feeBps, orderId: refund.orderId, paymentId: refund.paymentId, refundId: refund.refundId };
    const entries: NewLedgerEntry[] = [{ ...base, kind: 'refund', amountCents: -refund.amountCents }];
    if (feeBack !== 0) entries.push({ ...base, kind: 'fee_refund', amountCents: feeBack });
    await this.ledger.insert(m, entries);
  }

  /** The paid orders of a payment with what is left to refund on each (for refunds made at the provider). */
  ordersOfPayment(m: EntityManager, paymentId: string): Promise<LedgerOrder[]> {
    return this.ledger.ordersOfPayment(m, paymentId);
  }

  /** A farmer's ledger: their own and that of every cooperative they manage, or one of those (`seller`). */
  async pageFor(userId: string, query: { sellerType?: SellerType; sellerId?: string; page?: number; pageSize?: number }): Promise<LedgerPage> {
    let sellers = await this.ledger.sellersOf(userId);
    if (query.sellerId || query.sellerType) {
      if (!query.sellerId || !query.sellerType) throw new BadRequestError('sellerType and sellerId go together');
      sellers = sellers.filter((s) => s.sellerId === query.sellerId && s.sellerType === query.sellerType);
      if (sellers.length === 0) throw new NotFoundError('Seller', query.sellerId);
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // The seller's market's currency; balances in any other (none in practice: a seller sells in one market) are listed apart, never added.
    const currency = (await this.ledger.currencyOf(userId)) ?? DEFAULT_CURRENCY;
    const [{ items, total }, balances] = await Promise.all([this.ledger.page(sellers, page, pageSize), this.ledger.balances(sellers, currency)]);
    // Balances are given in the page's currency only (one per seller); entries in another would be a bug, never added in.
    const inCurrency = balances.filter((b) => b.currency === currency).map(({ currency: _c, ...b }) => b);
    return { items, total, page, pageSize, balanceCents: inCurrency.reduce((s, b) => s + b.balanceCents, 0), currency, balances: inCurrency };
  }
}
