import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, trim } from '@farmlink/common';
import { ORDER_STATUSES, type OrderStatus } from '@farmlink/shared';

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

export class ShippingAddressViewDto {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty() countyCode: string;
  @ApiProperty() line1: string;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) checkoutId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ enum: ['farmer', 'cooperative'] }) sellerType: string;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ description: "The seller of record's county" }) countyCode: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty() totalCents: number;
  @ApiProperty() refundedCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: ShippingAddressViewDto }) shippingAddress: ShippingAddressViewDto;
  @ApiPropertyOptional({ nullable: true, type: String }) carrier: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) trackingNo: string | null;
  @ApiProperty() placedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) paidAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) shippedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) deliveredAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason: string | null;
  @ApiPropertyOptional({ description: 'Only on GET /api/orders/:id' }) history?: unknown[];
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items: OrderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}


export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
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
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status: string;
  @ApiProperty() createdAt: Date;
}
