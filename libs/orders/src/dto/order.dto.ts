import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, IntField, UuidField, NullableDate, NullableText, NullableUuid, PageDto, PageQueryDto, TextField } from '@farmlink/common';
import { ORDER_STATUSES, SELLER_TYPES, type OrderStatus, type SellerType } from '@farmlink/shared';

export class OrderLineDto {
  @ApiProperty({ format: 'uuid' }) listingId: string;
  @ApiProperty() title: string;
  @ApiProperty() unit: string;
  @ApiProperty() category: string;
  @ApiProperty() netWeightGrams: number;
  @ApiProperty() quantity: number;
  @ApiProperty() unitPriceCents: number;
  @ApiProperty() lineTotalCents: number;
  @ApiProperty({ format: 'uuid', description: 'The farmer who produced it' }) producerId: string;
  @ApiProperty() producerCountyCode: string;
}

/** Where the order goes. Officers see only `countyCode`; the buyer and the seller see it all. */
export class ShippingAddressViewDto {
  @ApiPropertyOptional({ description: 'Not shown to officers' }) name?: string;
  @ApiPropertyOptional({ description: 'Not shown to officers' }) phone?: string;
  @ApiProperty() countyCode: string;
  @ApiPropertyOptional({ description: 'Not shown to officers' }) line1?: string;
}

export class OrderHistoryEntryDto {
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus', nullable: true }) fromStatus: string | null;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) toStatus: string;
  @NullableUuid({ description: 'null for the system (e.g. the payment timeout)' }) actorId: string | null;
  @ApiProperty({ example: 'buyer' }) actorRole: string;
  @NullableText() note: string | null;
  @ApiProperty() createdAt: Date;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FL-7K3M9-Q', description: 'The readable order number: unique, short enough to read over the phone (Crockford base32 and a check symbol)' })
  orderNo: string;
  @ApiProperty({ format: 'uuid' }) checkoutId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) status: OrderStatus;
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiPropertyOptional({ description: "The seller of record's name (the farmer's, or the cooperative's); on GET /api/orders and /api/orders/:id" })
  sellerName?: string;
  @ApiProperty({ description: "The seller of record's county" }) countyCode: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty({ description: 'Σ line totals (the goods)' }) goodsCents: number;
  @ApiProperty({ description: "The seller's shipping fee for this order (0: free)" }) shippingCents: number;
  @ApiProperty({ description: 'goodsCents + shippingCents: what the buyer pays for this order' }) totalCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: ShippingAddressViewDto }) shippingAddress: ShippingAddressViewDto;
  @NullableText() carrier: string | null;
  @NullableText() trackingNo: string | null;
  @ApiProperty() placedAt: Date;
  @NullableDate() paidAt: Date | null;
  @NullableDate() shippedAt: Date | null;
  @NullableDate() deliveredAt: Date | null;
  @NullableDate() cancelledAt: Date | null;
  @NullableText() cancelReason: string | null;
  @ApiPropertyOptional({ type: [OrderHistoryEntryDto], description: 'Only on GET /api/orders/:id, oldest first' }) history?: OrderHistoryEntryDto[];
}

export class OrderPageDto extends PageDto(OrderDto) {}


export class OrderQueryDto extends PageQueryDto {
  @EnumField(ORDER_STATUSES, { name: 'status', optional: true }, { enumName: 'OrderStatus' })
  status?: OrderStatus;

  @UuidField({ name: 'checkoutId', optional: true }, { description: 'Only the orders of this checkout (e.g. those one payment pays for)' })
  checkoutId?: string;

  @DateField({ name: 'from', optional: true }, { description: 'Placed on or after this date (YYYY-MM-DD in REPORT_TIME_ZONE)' })
  from?: string;

  @DateField({ name: 'to', optional: true }, { description: 'Placed on or before this date (YYYY-MM-DD in REPORT_TIME_ZONE, inclusive)' })
  to?: string;

  @TextField({ name: 'buyer', min: 1, max: 100, optional: true }, { description: "Part of the buyer's name (the shipping name or the account's display name), any case" })
  buyer?: string;

  @UuidField({ name: 'listingId', optional: true }, { description: 'Only orders with a line of this listing' })
  listingId?: string;

  @TextField({ name: 'q', min: 1, max: 20, optional: true }, { description: 'An order number or its beginning (FL-7K3M9-Q, 7k3m9q, 7K3M; O reads as 0, I and L as 1)' })
  q?: string;
}

/** The seller's export: the list's filters, a format, and the language of the headers. */
export class OrderExportQueryDto {
  @EnumField(['csv', 'xlsx'], { name: 'format' })
  format: 'csv' | 'xlsx';

  @EnumField(['zh-CN', 'en'], { name: 'lang', optional: true }, { default: 'zh-CN', description: 'The language of the headers and the status names' })
  lang?: 'zh-CN' | 'en';

  @EnumField(ORDER_STATUSES, { name: 'status', optional: true }, { enumName: 'OrderStatus' })
  status?: OrderStatus;

  @DateField({ name: 'from', optional: true }, { description: 'Placed on or after this date (YYYY-MM-DD in REPORT_TIME_ZONE)' })
  from?: string;

  @DateField({ name: 'to', optional: true }, { description: 'Placed on or before this date (YYYY-MM-DD in REPORT_TIME_ZONE, inclusive)' })
  to?: string;

  @TextField({ name: 'buyer', min: 1, max: 100, optional: true }, { description: "Part of the buyer's name" })
  buyer?: string;

  @UuidField({ name: 'listingId', optional: true }, { description: 'Only orders with a line of this listing' })
  listingId?: string;

  @TextField({ name: 'q', min: 1, max: 20, optional: true }, { description: 'An order number or its beginning' })
  q?: string;
}


export class ShipOrderDto {
  @TextField({ max: 100, optional: true }, { example: '顺丰速运' })
  carrier?: string;

  @TextField({ max: 100, optional: true }, { example: 'SF1234567890' })
  trackingNo?: string;
}

export class CancelOrderDto {
  @TextField({ max: 500, optional: true }, { example: 'Bought by mistake' })
  reason?: string;
}

export class CreateRefundDto {
  @IntField(
    { min: 1, max: Number.MAX_SAFE_INTEGER, messages: { int: 'amountCents must be a whole number of minor units', min: 'amountCents must be at least 1' } },
    { minimum: 1, description: 'Minor units (fen)' },
  )
  amountCents: number;

  @TextField({ name: 'reason', min: 1, max: 500 }, { example: 'Two apples arrived bruised' })
  reason: string;
}

export class RefundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'], enumName: 'RefundStatus' }) status: string;
  @ApiProperty() createdAt: Date;
}
