import type { OrderDto } from './dto/order.dto';
import type { OrderLineRow, OrderRow } from './order.repository';

export function toOrderDto(o: OrderRow, lines: OrderLineRow[]): OrderDto {
  return {
    id: o.id,
    orderNo: o.orderNo,
    checkoutId: o.checkoutId,
    buyerId: o.buyerId,
    status: o.status,
    sellerType: o.sellerType,
    sellerId: o.sellerId,
    ...(o.sellerName !== undefined ? { sellerName: o.sellerName } : {}),
    countyCode: o.countyCode,
    lines: lines.map((l) => ({
      listingId: l.listingId,
      title: l.title,
      unit: l.unit,
      category: l.category,
      netWeightGrams: l.netWeightGrams,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: l.lineTotalCents,
      producerId: l.producerId,
      producerCountyCode: l.producerCountyCode,
    })),
    goodsCents: o.totalCents - o.shippingCents,
    shippingCents: o.shippingCents,
    totalCents: o.totalCents,
    refundedCents: o.refundedCents,
    currency: o.currency,
    shippingAddress: o.shippingAddress,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
  };
}
