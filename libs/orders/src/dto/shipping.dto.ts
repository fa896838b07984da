import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IntField, UuidField } from '@farmlink/common';
import { MAX_UNIT_PRICE_CENTS, REGION_CODE_PATTERN, SELLER_TYPES, type SellerType } from '@farmlink/shared';
import { CheckoutItemDto } from './checkout.dto';

/** '*' or a region code (whether it is a first-level region of the seller's market is the service's check). */
const PROVINCE_CODE = new RegExp(`^(?:\\*|${REGION_CODE_PATTERN.source.replace(/^\^|\$$/g, '')})$`);

const money = (name: string, optional = false, api: Record<string, unknown> = {}) =>
  IntField(
    {
      min: 0,
      max: MAX_UNIT_PRICE_CENTS,
      optional,
      messages: { int: `${name} must be a whole number of minor units (fen, cents)`, min: `${name} must be 0 or more`, max: `${name} must be at most ${MAX_UNIT_PRICE_CENTS}` },
    },
    { minimum: 0, maximum: MAX_UNIT_PRICE_CENTS, type: Number, ...api },
  );

export class ShippingRateDto {
  @ApiProperty({
    example: '520000',
    description:
      "A first-level region of the seller's market (cn: a GB/T 2260 province such as 520000; ke: a county such as KE-30), or '*' for every province without its own rate",
  })
  @IsString({ message: 'provinceCode must be a province code or *' })
  @Matches(PROVINCE_CODE, { message: 'provinceCode must be a province code of your market (e.g. 520000, KE-30) or *' })
  provinceCode: string;

  @money('baseCents') baseCents: number;
  @money('perKgCents') perKgCents: number;

  @money('freeAboveCents', true, { nullable: true, description: 'Shipping is free when the goods total is at or above this' })
  freeAboveCents?: number | null;

  @ApiPropertyOptional({ description: 'No delivery to this province (checkout answers 422)' })
  @IsOptional()
  @IsBoolean({ message: 'noDelivery must be true or false' })
  noDelivery?: boolean;
}

export class PutShippingRatesDto {
  @ApiProperty({ type: [ShippingRateDto], maxItems: 40 })
  @IsDefined({ message: 'rates is required' })
  @IsArray({ message: 'rates must be a list' })
  @ArrayMaxSize(40, { message: 'rates may hold at most 40 rates' })
  @ValidateNested({ each: true })
  @Type(() => ShippingRateDto)
  rates: ShippingRateDto[];
}

export class ShippingRatesQueryDto {
  @UuidField({ name: 'cooperativeId', optional: true }, { description: 'The rates of a cooperative the caller manages' })
  cooperativeId?: string;
}

export class ShippingRateViewDto {
  @ApiProperty() provinceCode: string;
  @ApiProperty() baseCents: number;
  @ApiProperty() perKgCents: number;
  @ApiProperty({ nullable: true, type: Number }) freeAboveCents: number | null;
  @ApiProperty() noDelivery: boolean;
}

export class ShippingRatesDto {
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ type: [ShippingRateViewDto], description: 'Empty: the seller ships free' }) rates: ShippingRateViewDto[];
  @ApiProperty({ example: 'cn', description: "The seller's market, whose first-level regions the rates name" }) marketCode: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

export class QuoteOrderDto {
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty() sellerName: string;
  @ApiProperty({ type: [String], format: 'uuid' }) listingIds: string[];
  @ApiProperty() goodsCents: number;
  @ApiProperty() weightGrams: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null: this seller does not deliver to the address (checkout would answer 422)' })
  shippingCents: number | null;
  @ApiProperty({ nullable: true, type: Number }) totalCents: number | null;
}

export class CheckoutQuoteDto {
  @ApiProperty({ type: [QuoteOrderDto] }) orders: QuoteOrderDto[];
  @ApiProperty() goodsCents: number;
  @ApiProperty() shippingCents: number;
  @ApiProperty() totalCents: number;
  @ApiProperty({ description: 'false when a seller does not deliver to the address' }) deliverable: boolean;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

/** A quote's body: the checkout's, where only the address's county matters (the rest may be left out). */
export class QuoteAddressDto {
  @ApiProperty({ example: '110105' })
  @IsString()
  @Matches(REGION_CODE_PATTERN, { message: 'shippingAddress.countyCode must be a six-digit county code (or the market\'s own, e.g. KE-30)' })
  countyCode: string;

  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() line1?: string;
}

export class QuoteCheckoutDto {
  @ApiProperty({ type: [CheckoutItemDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must hold at least one item' })
  @ArrayMaxSize(50, { message: 'items may hold at most 50 lines' })
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items: CheckoutItemDto[];

  @ApiProperty({ type: QuoteAddressDto })
  @IsDefined({ message: 'shippingAddress is required' })
  @ValidateNested()
  @Type(() => QuoteAddressDto)
  shippingAddress: QuoteAddressDto;
}

