import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { CooperativesService } from '@farmlink/cooperatives';
import { inTransaction } from '@farmlink/database';
import { ListingStockRepository, type CheckoutListing } from '@farmlink/catalog';
import { RegionsService } from '@farmlink/regions';
import { BadRequestError, DEFAULT_CURRENCY, DEFAULT_MARKET, ForbiddenError, NotFoundError } from '@farmlink/shared';
import type { CheckoutQuoteDto, PutShippingRatesDto, QuoteCheckoutDto, ShippingRatesDto } from './dto/shipping.dto';
import type { NewOrder } from './order.repository';
import { ListingsNotFoundError, ListingsUnavailableError, NoDeliveryError } from './orders.errors';
import { shippingCents, type ShippingRate } from './shipping';
import { ShippingRateRepository, type SellerKey } from './shipping-rate.repository';

/**
 * Sellers' shipping rates and the shipping of a checkout's orders. Who may set a seller's rates is
 * decided in sellerFor(): a farmer for themself, or the manager of a cooperative for it.
 */
@Injectable()
export class ShippingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rates: ShippingRateRepository,
    private readonly cooperatives: CooperativesService,
    private readonly regions: RegionsService,
    private readonly listings: ListingStockRepository,
  ) {}

  /** The seller the caller acts for: themself, or a cooperative they manage (404 unknown, 403 not its manager). */
  async sellerFor(caller: AuthUser, cooperativeId?: string): Promise<SellerKey> {
    if (!cooperativeId) return { sellerType: 'farmer', sellerId: caller.id };
    const managerId = await this.cooperatives.managerOf(cooperativeId);
    if (managerId === null) throw new NotFoundError('Cooperative', cooperativeId);
    if (managerId !== caller.id) throw new ForbiddenError("Only the cooperative's manager may set its shipping rates");
    return { sellerType: 'cooperative', sellerId: cooperativeId };
  }

  async get(caller: AuthUser, cooperativeId?: string): Promise<ShippingRatesDto> {
    const seller = await this.sellerFor(caller, cooperativeId);
    const [rates, market] = await Promise.all([this.rates.ratesOf(seller), this.rates.marketOf(seller)]);
    return { ...seller, marketCode: market?.marketCode ?? DEFAULT_MARKET, rates, currency: market?.currency ?? DEFAULT_CURRENCY };
  }

  async put(caller: AuthUser, cooperativeId: string | undefined, dto: PutShippingRatesDto): Promise<ShippingRatesDto> {
    const seller = await this.sellerFor(caller, cooperativeId);
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const r of dto.rates) (seen.has(r.provinceCode) ? duplicates : seen).add(r.provinceCode);
    if (duplicates.size > 0) throw new BadRequestError(`Each province may have one rate only: ${[...duplicates].join(', ')} appear more than once`, { provinceCodes: [...duplicates] });
    // A rate's province is a first-level region of the seller's market (cn: a province; ke: a county).
    const marketCode = (await this.rates.marketOf(seller))?.marketCode ?? DEFAULT_MARKET;
    const unknown = await this.regions.notFirstLevelOf(marketCode, [...seen].filter((c) => c !== '*'));
    if (unknown.length > 0) {
      throw new BadRequestError(`Not a first-level region (province) of market ${marketCode}: ${unknown.join(', ')}`, { provinceCodes: unknown, marketCode });
    }
    const rates: ShippingRate[] = dto.rates.map((r) => ({
      provinceCode: r.provinceCode,
      baseCents: r.baseCents,
      perKgCents: r.perKgCents,
      freeAboveCents: r.freeAboveCents ?? null,
      noDelivery: r.noDelivery ?? false,
    }));
    await inTransaction(this.db, (m) => this.rates.replace(m, seller, rates));
    return this.get(caller, cooperativeId);
  }

  /**
   * Sends the checkout's one read of rates, by its listings' sellers (ShippingRateRepository.
   * ratesForListings): the checkout pipelines it behind its stock statement.
   */
  ratesForCheckout(m: EntityManager, listingIds: string[], province: string): Promise<SellerRates> {
    return this.rates.ratesForListings(m, listingIds, province);
  }

  /**
   * Sets each new order's shippingCents and adds it to its totalCents, from the rates read by
   * ratesForCheckout. 422 naming the sellers that do not deliver to the buyer's province.
   */
  chargeShipping(orders: NewOrder[], bySeller: SellerRates, province: string): void {
    const quoted = quoteOrders(orders, bySeller, province);
    const refused = quoted.filter((q) => q.shippingCents === null);
    if (refused.length > 0) throw new NoDeliveryError(refused.map((q) => q.seller), province);
    orders.forEach((o, i) => {
      o.shippingCents = quoted[i].shippingCents!;
      o.totalCents += o.shippingCents;
    });
  }

  /**
   * The first-level region a delivery county lies in, which rates are keyed by: its province in cn,
   * the county itself in ke. From the regions cached in memory (no round trip in the checkout);
   * the county was checked to be a known county before.
   */
  async provinceOf(countyCode: string): Promise<string> {
    return (await this.regions.firstLevelOf(countyCode))?.code ?? countyCode;
  }

  /**
   * What checkout would charge for this cart and address, per seller of record — the same
   * computation checkout runs (no stock is taken; prices may change before the checkout itself).
   */
  async quote(dto: QuoteCheckoutDto, group: (items: { listing: CheckoutListing; quantity: number }[]) => NewOrder[]): Promise<CheckoutQuoteDto> {
    if (!(await this.regions.isCounty(dto.shippingAddress.countyCode))) {
      throw new BadRequestError(`shippingAddress.countyCode ${dto.shippingAddress.countyCode} is not a known county`);
    }
    const ids = [...new Set(dto.items.map((i) => i.listingId.toLowerCase()))];
    const m = this.db.manager;
    const listings = await this.listings.snapshot(m, ids);
    const byId = new Map(listings.map((l) => [l.id, l]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new ListingsNotFoundError(missing);
    const unavailable = listings.filter((l) => l.status !== 'active').map((l) => l.id);
    if (unavailable.length > 0) throw new ListingsUnavailableError(unavailable);
    const orders = group(dto.items.map((i) => ({ listing: byId.get(i.listingId.toLowerCase())!, quantity: i.quantity })));
    const province = await this.provinceOf(dto.shippingAddress.countyCode);
    const quoted = quoteOrders(orders, await this.rates.ratesForSellers(m, orders, province), province);
    const names = await this.rates.sellerNames(orders);
    const out = quoted.map((q, i) => ({
      sellerType: q.seller.sellerType,
      sellerId: q.seller.sellerId,
      sellerName: q.seller.sellerName ?? names.get(`${q.seller.sellerType}:${q.seller.sellerId}`) ?? '',
      listingIds: orders[i].lines.map((l) => l.listingId),
      goodsCents: q.goodsCents,
      weightGrams: q.weightGrams,
      shippingCents: q.shippingCents,
      totalCents: q.shippingCents === null ? null : q.goodsCents + q.shippingCents,
    }));
    const goodsCents = out.reduce((s, o) => s + o.goodsCents, 0);
    const shipping = out.reduce((s, o) => s + (o.shippingCents ?? 0), 0);
    return { orders: out, goodsCents, shippingCents: shipping, totalCents: goodsCents + shipping, deliverable: out.every((o) => o.shippingCents !== null), currency: listings[0]?.currency ?? DEFAULT_CURRENCY };
  }
}

/** Sellers' rates for one destination, keyed "type:id". */
type SellerRates = Map<string, { sellerName: string; rates: ShippingRate[] }>;

/** Each order's goods, weight and shipping from its seller's rates (null: the seller does not deliver there). */
function quoteOrders(orders: NewOrder[], bySeller: SellerRates, province: string) {
  return orders.map((o) => {
    const found = bySeller.get(`${o.sellerType}:${o.sellerId}`);
    const goodsCents = o.lines.reduce((s, l) => s + l.lineTotalCents, 0);
    const weightGrams = o.lines.reduce((s, l) => s + l.netWeightGrams * l.quantity, 0);
    return {
      seller: { sellerType: o.sellerType, sellerId: o.sellerId, sellerName: found?.sellerName },
      goodsCents,
      weightGrams,
      shippingCents: shippingCents(found?.rates ?? [], province, goodsCents, weightGrams),
    };
  });
}
