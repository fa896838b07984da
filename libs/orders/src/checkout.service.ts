import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ListingStockRepository, type CheckoutListing } from '@farmlink/catalog';
import { beforeCommit, inTransaction, uuidV7 } from '@farmlink/database';
import { PaymentsService, type PaymentSummary } from '@farmlink/payments';
import { MarketsService, RegionsService } from '@farmlink/regions';
import { BadRequestError, DEFAULT_MARKET, UnprocessableError } from '@farmlink/shared';
import type { CheckoutDto, CreateCheckoutDto } from './dto/checkout.dto';
import {
  CheckoutMixesMarketsError,
  IdempotencyKeyMissingError,
  IdempotencyKeyReusedError,
  InsufficientStockError,
  ListingsNotFoundError,
  ListingsUnavailableError,
} from './orders.errors';
import { CheckoutRow, NewOrder, OrderLineRow, OrderRepository, OrderRow, ShippingAddress } from './order.repository';
import { toOrderDto } from './order.mapper';
import { assertPayableTotals, CheckoutLimits } from './checkout-limits';
import type { CheckoutQuoteDto, QuoteCheckoutDto } from './dto/shipping.dto';
import { ShippingService } from './shipping.service';

/**
 * Checkout: a cart from several farms becomes one order per seller of record
 * (a farmer, or a cooperative), one payment, and the stock taken — all in one
 * transaction, or nothing at all.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderRepository,
    private readonly stock: ListingStockRepository,
    private readonly payments: PaymentsService,
    private readonly regions: RegionsService,
    private readonly markets: MarketsService,
    private readonly limits: CheckoutLimits,
    private readonly shipping: ShippingService,
  ) {}

  /** What checkout would charge for this cart and address, per seller, shipping included (nothing is taken). */
  quote(dto: QuoteCheckoutDto): Promise<CheckoutQuoteDto> {
    return this.shipping.quote(dto, groupBySeller);
  }

  async checkout(buyerId: string, idempotencyKey: string | undefined, dto: CreateCheckoutDto): Promise<CheckoutDto> {
    const key = idempotencyKey?.trim();
    if (!key || key.length > 200) throw new IdempotencyKeyMissingError();

    const ids = dto.items.map((i) => i.listingId.toLowerCase());
    const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (duplicates.length > 0) {
      throw new BadRequestError('Each listing may appear only once in items: add up the quantities instead', { listingIds: duplicates });
    }
    if (!(await this.regions.isCounty(dto.shippingAddress.countyCode))) {
      throw new BadRequestError(`shippingAddress.countyCode ${dto.shippingAddress.countyCode} is not a known county`);
    }
    // A checkout is in one market, in its currency: the delivery address's (regions are kept in memory).
    // The transaction checks that every listing is of that market, on the snapshot it reads anyway.
    const marketCode = (await this.regions.marketOf(dto.shippingAddress.countyCode)) ?? DEFAULT_MARKET;
    const { currency } = await this.markets.get(marketCode);
    const market = { marketCode, currency };
    const address: ShippingAddress = {
      name: dto.shippingAddress.name,
      phone: dto.shippingAddress.phone,
      countyCode: dto.shippingAddress.countyCode,
      line1: dto.shippingAddress.line1,
    };
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ items: dto.items.map((i) => [i.listingId.toLowerCase(), i.quantity]), address }))
      .digest('hex');

    const listingIds = dto.items.map((i) => i.listingId.toLowerCase());
    const province = await this.shipping.provinceOf(address.countyCode);
    const checkoutId = uuidV7();

    const created = await inTransaction(this.db, async (m) => {
      // Round trip 1 (pipelined: BEGIN and three statements, written at once, run in order):
      // - claim the key: the unique (buyer, key) row is the lock. A request with a key already used
      //   finds it taken and replays the stored answer; a concurrent one with the same key waits
      //   here until we commit, then does the same. The buyer's unpaid checkouts are counted under
      //   the buyer's lock in the same statement;
      // - lock the listings in id order, take the stock, read the snapshot;
      // - read the shipping rates of the listings' sellers for the delivery's province.
      const [checkout, { listings, taken }, rates] = await Promise.all([
        this.orders.claimCheckout(m, { id: checkoutId, buyerId, idempotencyKey: key, requestHash, currency, marketCode, shippingAddress: address }),
        this.stock.takeForCheckout(
          m,
          dto.items.map((i) => ({ listingId: i.listingId.toLowerCase(), quantity: i.quantity })),
          { reason: 'checkout', actorId: buyerId, refId: checkoutId }, // the stock history's why and who
        ),
        this.shipping.ratesForCheckout(m, listingIds, province),
      ]);
      // The key was used before: roll back the stock this round trip took, and replay.
      if (!checkout) throw new KeyAlreadyClaimed();
      // 409 when the buyer already holds MAX_UNPAID_CHECKOUTS unpaid checkouts.
      this.limits.assertMayCheckOut(checkout.unpaidCheckouts);

      assertOneMarket(listings, market, address.countyCode);
      const byId = new Map(listings.map((l) => [l.id, l]));
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length > 0) throw new ListingsNotFoundError(missing);
      const unavailable = listings.filter((l) => l.status !== 'active').map((l) => l.id);
      if (unavailable.length > 0) throw new ListingsUnavailableError(unavailable);
      const short = listings.filter((l) => !taken.has(l.id)).map((l) => l.id);
      if (short.length > 0) throw new InsufficientStockError(short); // the transaction rolls back every unit taken

      const newOrders = groupBySeller(dto.items.map((i) => ({ listing: byId.get(i.listingId.toLowerCase())!, quantity: i.quantity })));
      // Each order's shipping from its seller's rates; 422 when one does not deliver there.
      this.shipping.chargeShipping(newOrders, rates, province);
      const totalCents = newOrders.reduce((sum, o) => sum + o.totalCents, 0);
      if (!Number.isSafeInteger(totalCents)) throw new UnprocessableError('The order total is too large');
      assertPayableTotals(newOrders, totalCents); // 422 beyond 99,999,999 fen; the rollback returns the stock
      const payment = await this.payments.prepareForCheckout({ checkoutId, amountCents: totalCents, currency });
      const orderIds = newOrders.map(() => uuidV7());
      const orderNos = await this.orders.nextOrderNos(m, newOrders.length);
      // With a local provider the answer is complete now and is stored with the orders, for idempotent replays.
      const placed = placedOrders({ id: checkoutId, buyerId, createdAt: checkout.createdAt, shippingAddress: address, currency }, newOrders, orderIds, orderNos);
      const response = payment.needsInitiation ? null : checkoutAnswer({ id: checkoutId, totalCents, currency, createdAt: checkout.createdAt }, placed, payment.summary);
      // Round trip 2: the payment, the orders (lines, history, stored answer) and COMMIT, written at once.
      await beforeCommit(m, this.payments.insertForCheckout(m, payment));
      await beforeCommit(m, this.orders.insertOrders(m, { id: checkoutId, buyerId, currency, marketCode: market.marketCode, shippingAddress: address }, newOrders, {
        totalCents,
        response,
        orderIds,
        orderNos,
      }));
      return { checkoutId, totalCents, response, paymentId: payment.summary.id, createdAt: checkout.createdAt, placed, currency };
    }, { genericPlans: true }).catch((err) => {
      if (err instanceof KeyAlreadyClaimed) return null;
      throw err;
    });

    if (created === null) {
      const winner = await this.orders.findCheckoutByKey(buyerId, key);
      if (!winner) throw new Error('checkout key was taken but the checkout is missing');
      return this.replay(winner, requestHash);
    }
    if (created.response) return created.response;

    // External provider (Stripe): create the PaymentIntent now that the transaction has committed.
    const payment = await this.payments.initiate(created.paymentId);
    const response = checkoutAnswer({ id: created.checkoutId, totalCents: created.totalCents, currency: created.currency, createdAt: created.createdAt }, created.placed, payment);
    await this.orders.finishCheckout(created.checkoutId, created.totalCents, response);
    return response;
  }

  private async replay(existing: CheckoutRow, requestHash: string): Promise<CheckoutDto> {
    if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (existing.response) return existing.response as CheckoutDto;
    // The first attempt committed but did not reach the payment provider: finish it now (idempotent).
    const payment = await this.payments.findByCheckout(existing.id);
    if (!payment) throw new Error(`checkout ${existing.id} has no payment`);
    const summary = await this.payments.initiate(payment.id);
    const orders = await this.orders.ordersOfCheckout(existing.id);
    const lines = await this.orders.linesOf(orders.map((o) => o.id));
    const response = checkoutAnswer(existing, { orders, lines }, summary);
    await this.orders.finishCheckout(existing.id, existing.totalCents, response);
    return response;
  }
}

/** The checkout's key was claimed by an earlier request: its transaction rolls back and the request replays that one's answer. */
class KeyAlreadyClaimed extends Error {}

/** One order per seller of record: the cooperative when the listing is sold through one, else the farmer. */
export function groupBySeller(items: { listing: CheckoutListing; quantity: number }[]): NewOrder[] {
  const bySeller = new Map<string, NewOrder>();
  for (const { listing, quantity } of items) {
    const seller = listing.cooperativeId
      ? { sellerType: 'cooperative' as const, sellerId: listing.cooperativeId, countyCode: listing.cooperativeCountyCode ?? listing.countyCode }
      : { sellerType: 'farmer' as const, sellerId: listing.farmerId, countyCode: listing.farmerCountyCode ?? listing.countyCode };
    const key = `${seller.sellerType}:${seller.sellerId}`;
    let order = bySeller.get(key);
    if (!order) {
      order = { ...seller, totalCents: 0, shippingCents: 0, lines: [] };
      bySeller.set(key, order);
    }
    const lineTotalCents = listing.priceCents * quantity;
    order.lines.push({
      listingId: listing.id,
      title: listing.title,
      unit: listing.unit,
      category: listing.category,
      netWeightGrams: listing.netWeightGrams,
      quantity,
      unitPriceCents: listing.priceCents,
      lineTotalCents,
      producerId: listing.farmerId,
      producerCountyCode: listing.countyCode,
      producerPovertyRegistered: listing.farmerPovertyRegistered,
    });
    order.totalCents += lineTotalCents;
  }
  return [...bySeller.values()];
}

/** The rows a new checkout's orders and lines have once inserted, so that the first answer needs no read. */
function placedOrders(
  checkout: { id: string; buyerId: string; createdAt: Date; shippingAddress: ShippingAddress; currency: string },
  orders: NewOrder[],
  orderIds: string[],
  orderNos: string[],
): { orders: OrderRow[]; lines: OrderLineRow[] } {
  const placedAt = checkout.createdAt;
  return {
    orders: orders.map((o, i) => ({
      id: orderIds[i],
      orderNo: orderNos[i],
      checkoutId: checkout.id,
      buyerId: checkout.buyerId,
      sellerType: o.sellerType,
      sellerId: o.sellerId,
      countyCode: o.countyCode,
      status: 'pending_payment',
      totalCents: o.totalCents,
      shippingCents: o.shippingCents,
      refundedCents: 0,
      currency: checkout.currency,
      shippingAddress: checkout.shippingAddress,
      carrier: null,
      trackingNo: null,
      placedAt,
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
      cancelledAt: null,
      cancelReason: null,
      updatedAt: placedAt,
    })),
    lines: orders.flatMap((o, i) => o.lines.map((l) => ({ ...l, orderId: orderIds[i] }))),
  };
}

/** The checkout's answer — the same whether it is built as the checkout is placed or replayed later. */
function checkoutAnswer(
  checkout: { id: string; totalCents: number; currency: string; createdAt: Date },
  placed: { orders: OrderRow[]; lines: OrderLineRow[] },
  payment: PaymentSummary,
): CheckoutDto {
  return {
    id: checkout.id,
    orders: placed.orders.map((o) => toOrderDto(o, placed.lines.filter((l) => l.orderId === o.id))),
    totalCents: checkout.totalCents,
    currency: checkout.currency,
    payment,
    createdAt: checkout.createdAt.toISOString(),
  };
}

/**
 * A checkout never mixes markets or currencies (422 CHECKOUT_MIXES_MARKETS, and the transaction
 * rolls back what it took): its listings' markets are one, and that of the delivery address.
 */
function assertOneMarket(listings: CheckoutListing[], market: { marketCode: string; currency: string }, shippingCountyCode: string): void {
  const marketCodes = [...new Set(listings.map((l) => l.marketCode))].sort();
  const currencies = [...new Set(listings.map((l) => l.currency))].sort();
  if (marketCodes.length > 1 || currencies.length > 1) throw new CheckoutMixesMarketsError({ marketCodes, currencies });
  if (marketCodes.length === 1 && marketCodes[0] !== market.marketCode) throw new CheckoutMixesMarketsError({ marketCodes, shippingCountyCode });
  if (currencies.length === 1 && currencies[0] !== market.currency) throw new CheckoutMixesMarketsError({ marketCodes, currencies: [...new Set([market.currency, ...currencies])] });
}
