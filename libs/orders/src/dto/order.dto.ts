import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, trim } from '@farmlink/common';
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
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the system (e.g. the payment timeout)' }) actorId: string | null;
  @ApiProperty({ example: 'buyer' }) actorRole: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: Date;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) checkoutId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) status: OrderStatus;
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ description: "The seller of record's county" }) countyCode: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty() totalCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: ShippingAddressViewDto }) shippingAddress: ShippingAddressViewDto;
  @ApiProperty({ nullable: true, type: String }) carrier: string | null;
  @ApiProperty({ nullable: true, type: String }) trackingNo: string | null;
  @ApiProperty() placedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) paidAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) shippedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) deliveredAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiPropertyOptional({ type: [OrderHistoryEntryDto], description: 'Only on GET /api/orders/:id, oldest first' }) history?: OrderHistoryEntryDto[];
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items: OrderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}


export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES, enumName: 'OrderStatus' })
  @IsOptional()
  @IsIn(ORDER_STATUSES, { message: `status must be one of: ${ORDER_STATUSES.join(', ')}` })
  status?: OrderStatus;
}


export class ShipOrderDto {
  @ApiPropertyOptional({ example: '顺丰速运' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  carrier?: string;

  @ApiPropertyOptional({ example: 'SF1234567890' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  trackingNo?: string;
}

export class CancelOrderDto {
  @ApiPropertyOptional({ example: 'Bought by mistake' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateRefundDto {
  @ApiProperty({ minimum: 1, description: 'Minor units (fen)' })
  @IsInt({ message: 'amountCents must be a whole number of minor units' })
  @Min(1, { message: 'amountCents must be at least 1' })
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents: number;

  @ApiProperty({ example: 'Two apples arrived bruised' })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
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
