import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CATEGORIES, MAX_UNIT_PRICE_CENTS, type Category } from '@farmlink/shared';
import { PageQueryDto, toBool, toInt, trim } from '@farmlink/common';
import { LISTING_STATUSES, type ListingStatus } from '@farmlink/shared';

export const LISTING_SORTS = ['newest', 'price_asc', 'price_desc'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

/** Largest values accepted (the columns are 32-bit integers, prices bigint). */
export const MAX_NET_WEIGHT_GRAMS = 100_000_000; // 100 t
export const MAX_STOCK = 100_000_000;
export const MAX_PRICE_CENTS = MAX_UNIT_PRICE_CENTS; // ¥1,000,000
const priceMaxMessage = `priceCents must be at most ${MAX_PRICE_CENTS} fen (¥1,000,000)`;

const categoryMessage = `category must be one of: ${CATEGORIES.join(', ')}`;

export class CreateListingDto {
  @ApiProperty({ example: '桐梓方竹笋 鲜笋 5斤装', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @ApiPropertyOptional({ example: '海拔1200米高山方竹林现挖，当天发货。', maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' })
  @IsIn(CATEGORIES, { message: categoryMessage })
  category: Category;

  @ApiProperty({ description: 'The selling unit: box, bag, kg, jin, piece…', example: 'box' })
  @Transform(trim)
  @IsString()
  @Length(1, 20, { message: 'unit must be 1 to 20 characters' })
  unit: string;

  @ApiProperty({ description: 'Net weight of one unit, in grams', example: 2500 })
  @IsInt({ message: 'netWeightGrams must be a whole number of grams' })
  @Min(1, { message: 'netWeightGrams must be at least 1' })
  @Max(MAX_NET_WEIGHT_GRAMS)
  netWeightGrams: number;

  @ApiProperty({ description: 'Price of one unit in minor units (fen), at most 100,000,000 (¥1,000,000)', example: 4800, minimum: 0, maximum: MAX_PRICE_CENTS })
  @IsInt({ message: 'priceCents must be a whole number of minor units (fen)' })
  @Min(0, { message: 'priceCents must not be negative' })
  @Max(MAX_PRICE_CENTS, { message: priceMaxMessage })
  priceCents: number;

  @ApiProperty({ description: 'Whole units in stock', example: 120 })
  @IsInt({ message: 'stock must be a whole number of units' })
  @Min(0, { message: 'stock must not be negative' })
  @Max(MAX_STOCK)
  stock: number;

  @ApiPropertyOptional({ example: '2026-04-12', nullable: true, type: String })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'harvestDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'harvestDate must be a date YYYY-MM-DD' })
  harvestDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Sell through this cooperative (you must be a member)' })
  @IsOptional()
  @IsUUID('all', { message: 'cooperativeId must be a UUID' })
  cooperativeId?: string | null;
}

export class UpdateListingDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' })
  @IsOptional()
  @IsIn(CATEGORIES, { message: categoryMessage })
  category?: Category;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20, { message: 'unit must be 1 to 20 characters' })
  unit?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'netWeightGrams must be a whole number of grams' })
  @Min(1, { message: 'netWeightGrams must be at least 1' })
  @Max(MAX_NET_WEIGHT_GRAMS)
  netWeightGrams?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PRICE_CENTS })
  @IsOptional()
  @IsInt({ message: 'priceCents must be a whole number of minor units (fen)' })
  @Min(0, { message: 'priceCents must not be negative' })
  @Max(MAX_PRICE_CENTS, { message: priceMaxMessage })
  priceCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'stock must be a whole number of units' })
  @Min(0, { message: 'stock must not be negative' })
  @Max(MAX_STOCK)
  stock?: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: UpdateListingDto) => o.harvestDate !== null && o.harvestDate !== undefined)
  @IsDateString({ strict: true }, { message: 'harvestDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'harvestDate must be a date YYYY-MM-DD' })
  harvestDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Owner only; null sells alone again' })
  @ValidateIf((o: UpdateListingDto) => o.cooperativeId !== null && o.cooperativeId !== undefined)
  @IsUUID('all', { message: 'cooperativeId must be a UUID' })
  cooperativeId?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'paused'], enumName: 'ListingEditableStatus' })
  @IsOptional()
  @IsIn(['active', 'paused'], { message: 'status must be active or paused (DELETE archives a listing)' })
  status?: 'active' | 'paused';
}


export class ListingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words in the title or description (Chinese works)', example: '方竹笋' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' })
  @IsOptional()
  @IsIn(CATEGORIES, { message: categoryMessage })
  category?: Category;

  @ApiPropertyOptional({ description: 'The producer’s county', example: '520322' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' })
  countyCode?: string;

  @ApiPropertyOptional({ description: 'A province, prefecture or county: listings produced inside it', example: '520000' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'farmerId must be a UUID' })
  farmerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cooperativeId must be a UUID' })
  cooperativeId?: string;

  @ApiPropertyOptional({ description: 'Lowest unit price in fen' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'minPriceCents must be a whole number' })
  @Min(0)
  minPriceCents?: number;

  @ApiPropertyOptional({ description: 'Highest unit price in fen' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'maxPriceCents must be a whole number' })
  @Min(0)
  maxPriceCents?: number;

  @ApiPropertyOptional({ description: 'Only listings with stock', type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'inStock must be true or false' })
  inStock?: boolean;

  @ApiPropertyOptional({ enum: LISTING_SORTS, enumName: 'ListingSort', default: 'newest' })
  @IsOptional()
  @IsIn(LISTING_SORTS, { message: `sort must be one of: ${LISTING_SORTS.join(', ')}` })
  sort?: ListingSort;
}

export class PhotoSizeDto {
  @ApiProperty({ example: 640 }) width: number;
  @ApiProperty({ example: '/api/photos/…-640.webp' }) url: string;
}

export class PhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '0 first' }) position: number;
  @ApiProperty({ description: 'The largest size (WebP)' }) url: string;
  @ApiProperty({ description: 'The smallest size, for lists' }) thumbnailUrl: string;
  @ApiProperty({ type: [PhotoSizeDto], description: 'Every size, smallest first (for srcset)' }) sizes: PhotoSizeDto[];
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() contentType: string;
}

export class ListingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty() unit: string;
  @ApiProperty() netWeightGrams: number;
  @ApiProperty() priceCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ description: 'priceCents per kilogram, rounded half up' }) unitPriceCentsPerKg: number;
  @ApiProperty() stock: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-04-12' }) harvestDate: string | null;
  @ApiProperty({ enum: LISTING_STATUSES, enumName: 'ListingStatus' }) status: ListingStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why an admin took the listing down (status removed; only its farmer sees such a listing)' })
  removalReason?: string | null;
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() farmerName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cooperativeId: string | null;
  @ApiProperty({ nullable: true, type: String }) cooperativeName: string | null;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @ApiProperty({ type: [PhotoDto] }) photos: PhotoDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListingPageDto {
  @ApiProperty({ type: [ListingDto] }) items: ListingDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
