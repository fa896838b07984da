import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { PaymentDto } from '@farmlink/payments/dto/simulate-payment.dto';
import { REGION_CODE_PATTERN } from '@farmlink/shared';
import { OrderDto } from './order.dto';
import { IntField, TextField, trim, UuidField } from '@farmlink/common';


export class CheckoutItemDto {
  @UuidField({ name: 'listingId' })
  listingId: string;

  @IntField(
    { min: 1, max: 10000, messages: { int: 'quantity must be a whole number', min: 'quantity must be at least 1', max: 'quantity must be at most 10000' } },
    { minimum: 1, maximum: 10000, example: 2 },
  )
  quantity: number;
}

export class ShippingAddressDto {
  @TextField({ name: 'shippingAddress.name', min: 1, max: 100 }, { example: '陈静' })
  name: string;

  @ApiProperty({ example: '13800000000' })
  @Transform(trim)
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'shippingAddress.phone must be a phone number' })
  phone: string;

  @ApiProperty({ example: '110105', description: 'GB/T 2260 county code of the delivery address' })
  @IsString()
  @Matches(REGION_CODE_PATTERN, { message: 'shippingAddress.countyCode must be a six-digit county code (or the market\'s own, e.g. KE-30)' })
  countyCode: string;

  @TextField({ name: 'shippingAddress.line1', min: 1, max: 300 }, { example: '建国路 88 号 3 单元 501' })
  line1: string;
}

export class CreateCheckoutDto {
  @ApiProperty({ type: [CheckoutItemDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one item' })
  @ArrayMaxSize(50, { message: 'items may hold at most 50 lines' })
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items: CheckoutItemDto[];

  @ApiProperty({ type: ShippingAddressDto })
  @IsDefined({ message: 'shippingAddress is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress: ShippingAddressDto;
}

export class CheckoutDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [OrderDto], description: 'One order per seller of record' }) orders: OrderDto[];
  @ApiProperty() totalCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: PaymentDto }) payment: PaymentDto;
  @ApiPropertyOptional() createdAt?: string;
}
