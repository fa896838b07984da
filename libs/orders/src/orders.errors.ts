import { ConflictError, NotFoundError, UnprocessableError, BadRequestError } from '@farmlink/shared';
import type { OrderStatus } from '@farmlink/shared';

export class OrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Order', id);
  }
}

export class InsufficientStockError extends ConflictError {
  static readonly code = 'OUT_OF_STOCK';
  constructor(listingIds: string[]) {
    super(`Not enough stock for ${listingIds.length === 1 ? 'listing' : 'listings'} ${listingIds.join(', ')}`, { listingIds });
  }
}

export class ListingsNotFoundError extends NotFoundError {
  readonly details: Record<string, unknown>;
  constructor(listingIds: string[]) {
    super('Listings', listingIds.join(', '));
    this.details = { listingIds };
  }
}

export class ListingsUnavailableError extends UnprocessableError {
  constructor(listingIds: string[]) {
    super(`Not for sale right now (paused or archived): ${listingIds.join(', ')}`, { listingIds });
  }
}

export class IdempotencyKeyReusedError extends UnprocessableError {
  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}

export class IdempotencyKeyMissingError extends BadRequestError {
  constructor() {
    super('The Idempotency-Key header is required (1 to 200 characters, e.g. a UUID per checkout attempt)');
  }
}

export class OrderStateConflictError extends ConflictError {
  constructor(id: string, status: OrderStatus, action: string) {
    super(`Order ${id} is ${status}: it cannot be ${action}`, { status });
  }
}

export class RefundTooLargeError extends UnprocessableError {
  constructor(refundableCents: number) {
    super(`The refund is larger than what is left to refund on this order (${refundableCents})`, { refundableCents });
  }
}

export class OrderNotPaidError extends UnprocessableError {
  constructor(id: string) {
    super(`Order ${id} has not been paid: there is nothing to refund`);
  }
}

export class TooManyUnpaidCheckoutsError extends ConflictError {
  constructor(limit: number) {
    super(
      `You already have ${limit} unpaid checkout${limit === 1 ? '' : 's'}: pay or cancel one before checking out again`,
      { maxUnpaidCheckouts: limit },
    );
  }
}

export class OrderTotalTooLargeError extends UnprocessableError {
  constructor(totalCents: number, maxCents: number) {
    super(
      `The order total ${totalCents} fen is more than the largest single payment, ${maxCents} fen (¥${(maxCents / 100).toFixed(2)}): split the cart`,
      { totalCents, maxTotalCents: maxCents },
    );
  }
}

export class NoDeliveryError extends UnprocessableError {
  constructor(sellers: { sellerType: string; sellerId: string; sellerName?: string }[], provinceCode: string) {
    const names = sellers.map((s) => s.sellerName ?? `${s.sellerType} ${s.sellerId}`).join(', ');
    super(`${names} ${sellers.length === 1 ? 'does' : 'do'} not deliver to province ${provinceCode}: remove their items or choose another address`, {
      provinceCode,
      sellerNames: names,
      sellers: sellers.map((s) => ({ sellerType: s.sellerType, sellerId: s.sellerId, sellerName: s.sellerName ?? null })),
    });
  }
}

/**
 * A checkout never mixes markets (nor so currencies): every listing of one checkout must be in the
 * same market, and its delivery address in that market too. 422 with the markets found.
 */
export class CheckoutMixesMarketsError extends UnprocessableError {
  constructor(details: { marketCodes: string[]; currencies?: string[]; shippingCountyCode?: string }) {
    super(
      details.shippingCountyCode
        ? `The delivery county ${details.shippingCountyCode} is not in the market of these listings (${details.marketCodes.join(', ')}): a checkout stays in one market`
        : `These listings are in different markets (${details.marketCodes.join(', ')}): check out each market's listings on their own`,
      details,
    );
  }
}
