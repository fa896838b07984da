import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { MAX_ORDER_TOTAL_CENTS } from '@farmlink/shared';
import type { NewOrder } from './order.repository';
import { OrderTotalTooLargeError, TooManyUnpaidCheckoutsError } from './orders.errors';
import { UnpaidCheckoutRepository } from './unpaid-checkout.repository';

export const DEFAULT_MAX_UNPAID_CHECKOUTS = 3;

/**
 * Every order total, and the checkout's total (one payment), is at most
 * MAX_ORDER_TOTAL_CENTS (Stripe's single-charge limit for CNY); else 422.
 * Called inside the checkout transaction, so a refusal takes no stock.
 */
export function assertPayableTotals(orders: Pick<NewOrder, 'totalCents'>[], totalCents: number): void {
  for (const o of orders) {
    if (!(o.totalCents <= MAX_ORDER_TOTAL_CENTS)) throw new OrderTotalTooLargeError(o.totalCents, MAX_ORDER_TOTAL_CENTS);
  }
  if (!(totalCents <= MAX_ORDER_TOTAL_CENTS)) throw new OrderTotalTooLargeError(totalCents, MAX_ORDER_TOTAL_CENTS);
}

/** Limits one buyer can meet at checkout (so one buyer cannot hold the whole stock unpaid). */
@Injectable()
export class CheckoutLimits {
  constructor(
    private readonly unpaid: UnpaidCheckoutRepository,
    private readonly config: ConfigService,
  ) {}

  get maxUnpaidCheckouts(): number {
    return Number(this.config.get('MAX_UNPAID_CHECKOUTS') ?? DEFAULT_MAX_UNPAID_CHECKOUTS);
  }

  /**
   * Inside the checkout transaction, before any stock is taken: 409 when the
   * buyer already holds MAX_UNPAID_CHECKOUTS checkouts with unpaid orders.
   * The per-buyer advisory lock is held until the transaction ends, so two
   * concurrent checkouts of one buyer cannot both pass on the same count.
   */
  async assertMayCheckOut(m: EntityManager, buyerId: string): Promise<void> {
    const limit = this.maxUnpaidCheckouts;
    const held = await this.unpaid.lockBuyerAndCountUnpaid(m, buyerId);
    if (held >= limit) throw new TooManyUnpaidCheckoutsError(limit);
  }
}
