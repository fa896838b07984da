import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CATEGORIES, MAX_LISTING_STOCK, MAX_UNIT_PRICE_CENTS, type Category } from '@farmlink/shared';
import {
  MarketCodeField,
  DateField,
  EnumField,
  IntField,
  NullableText,
  NullableUuid,
  PageDto,
  PageQueryDto,
  RegionCodeField,
  TextField,
  toBool,
  UuidField,
} from '@farmlink/common';
import { LISTING_STATUSES, type ListingStatus } from '@farmlink/shared';
import { STOCK_REASONS, type StockReason } from '../listing-stock-context';

export const LISTING_SORTS = ['newest', 'price_asc', 'price_desc'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

/** Largest values accepted (the columns are 32-bit integers, prices bigint). */
export const MAX_NET_WEIGHT_GRAMS = 100_000_000; // 100 t
export const MAX_STOCK = MAX_LISTING_STOCK;
export const MAX_PRICE_CENTS = MAX_UNIT_PRICE_CENTS; // ¥1,000,000

/** The rules of a listing's fields, shared by create (required) and update (optional). */
const NET_WEIGHT = { min: 1, max: MAX_NET_WEIGHT_GRAMS, messages: { int: 'netWeightGrams must be a whole number of grams', min: 'netWeightGrams must be at least 1' } };
const PRICE = {
  min: 0,
  max: MAX_PRICE_CENTS,
  messages: {
    int: 'priceCents must be a whole number of minor units (fen)',
    min: 'priceCents must not be negative',
    max: `priceCents must be at most ${MAX_PRICE_CENTS} fen (¥1,000,000)`,
  },
};
const STOCK = { min: 0, max: MAX_STOCK, messages: { int: 'stock must be a whole number of units', min: 'stock must not be negative' } };

export class CreateListingDto {
  @TextField({ name: 'title', min: 1, max: 200 }, { example: '桐梓方竹笋 鲜笋 5斤装', maxLength: 200 })
  title: string;

  @TextField({ name: 'description', max: 5000, optional: true }, { example: '海拔1200米高山方竹林现挖，当天发货。', maxLength: 5000 })
  description?: string;

  @EnumField(CATEGORIES, { name: 'category' }, { enumName: 'Category' })
  category: Category;

  @TextField({ name: 'unit', min: 1, max: 20 }, { description: 'The selling unit: box, bag, kg, jin, piece…', example: 'box' })
  unit: string;

  @IntField(NET_WEIGHT, { description: 'Net weight of one unit, in grams', example: 2500 })
  netWeightGrams: number;

  @IntField(PRICE, { description: 'Price of one unit in minor units (fen), at most 100,000,000 (¥1,000,000)', example: 4800, minimum: 0, maximum: MAX_PRICE_CENTS })
  priceCents: number;

  @IntField(STOCK, { description: 'Whole units in stock', example: 120 })
  stock: number;

  @DateField({ name: 'harvestDate', optional: true }, { example: '2026-04-12', nullable: true, type: String })
  harvestDate?: string | null;

  @UuidField({ name: 'cooperativeId', optional: true }, { nullable: true, type: String, description: 'Sell through this cooperative (you must be a member)' })
  cooperativeId?: string | null;

  @EnumField(
    ['active', 'paused'],
    { message: 'status must be active or paused', optional: true },
    { enumName: 'ListingEditableStatus', description: 'paused keeps it out of the shop, e.g. until its photos are uploaded; active by default' },
  )
  status?: 'active' | 'paused';

  @TextField({ name: 'sku', min: 1, max: 64, optional: true }, { nullable: true, type: String, maxLength: 64, example: 'FZS-5J', description: 'Your own code for the listing (SKU), unique among your listings not archived; a bulk import updates the listing with its SKU' })
  sku?: string | null;
}

/** Every field optional; null clears harvestDate, cooperativeId and sku (absent and null both skip the checks). */
export class UpdateListingDto {
  @TextField({ name: 'title', min: 1, max: 200, optional: true }, { maxLength: 200 })
  title?: string;

  @TextField({ name: 'description', max: 5000, optional: true }, { maxLength: 5000 })
  description?: string;

  @EnumField(CATEGORIES, { name: 'category', optional: true }, { enumName: 'Category' })
  category?: Category;

  @TextField({ name: 'unit', min: 1, max: 20, optional: true })
  unit?: string;

  @IntField({ ...NET_WEIGHT, optional: true })
  netWeightGrams?: number;

  @IntField({ ...PRICE, optional: true }, { minimum: 0, maximum: MAX_PRICE_CENTS })
  priceCents?: number;

  @IntField({ ...STOCK, optional: true })
  stock?: number;

  @DateField({ name: 'harvestDate', optional: true }, { nullable: true, type: String })
  harvestDate?: string | null;

  @UuidField({ name: 'cooperativeId', optional: true }, { nullable: true, type: String, description: 'Owner only; null sells alone again' })
  cooperativeId?: string | null;

  @EnumField(['active', 'paused'], { message: 'status must be active or paused (DELETE archives a listing)', optional: true }, { enumName: 'ListingEditableStatus' })
  status?: 'active' | 'paused';

  @TextField({ name: 'sku', min: 1, max: 64, optional: true }, { nullable: true, type: String, maxLength: 64, description: 'null removes the SKU' })
  sku?: string | null;
}

export class ListingQueryDto extends PageQueryDto {
  @TextField({ max: 100, optional: true }, { description: 'Words in the title or description (Chinese works)', example: '方竹笋' })
  q?: string;

  @EnumField(CATEGORIES, { name: 'category', optional: true }, { enumName: 'Category' })
  category?: Category;

  @RegionCodeField({ name: 'countyCode', county: true, optional: true }, { description: 'The producer’s county', example: '520322' })
  countyCode?: string;

  @RegionCodeField({ name: 'regionCode', optional: true }, { description: 'A province, prefecture or county: listings produced inside it', example: '520000' })
  regionCode?: string;

  @UuidField({ name: 'farmerId', optional: true })
  farmerId?: string;

  @UuidField({ name: 'cooperativeId', optional: true })
  cooperativeId?: string;

  @IntField({ min: 0, query: true, optional: true, messages: { int: 'minPriceCents must be a whole number' } }, { description: 'Lowest unit price in fen' })
  minPriceCents?: number;

  @IntField({ min: 0, query: true, optional: true, messages: { int: 'maxPriceCents must be a whole number' } }, { description: 'Highest unit price in fen' })
  maxPriceCents?: number;

  @ApiPropertyOptional({ description: 'Only listings with stock', type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'inStock must be true or false' })
  inStock?: boolean;

  @EnumField(LISTING_SORTS, { name: 'sort', optional: true }, { enumName: 'ListingSort', default: 'newest' })
  sort?: ListingSort;

  @MarketCodeField(
    { name: 'market', optional: true },
    { description: 'Only listings of this market (GET /api/markets), e.g. cn or ke; without it, every market', example: 'cn' },
  )
  market?: string;
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
  @ApiProperty({ description: 'A 640-pixel JPEG of the photo for link previews (og:image: chat apps that show no WebP); made on first request' }) cardUrl: string;
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
  @ApiProperty({ example: 'CNY', description: "The market's currency (ISO 4217); priceCents are its minor units" }) currency: string;
  @ApiProperty({ example: 'cn', description: 'The market the listing is in (its farmer’s)' }) marketCode: string;
  @ApiProperty({ description: 'priceCents per kilogram, rounded half up' }) unitPriceCentsPerKg: number;
  @ApiProperty() stock: number;
  @NullableText({ example: '2026-04-12' }) harvestDate: string | null;
  @ApiProperty({ enum: LISTING_STATUSES, enumName: 'ListingStatus' }) status: ListingStatus;
  @NullableText({ required: false, description: 'Why an admin took the listing down (status removed; only its farmer sees such a listing)' })
  removalReason?: string | null;
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() farmerName: string;
  @NullableUuid() cooperativeId: string | null;
  @NullableText() cooperativeName: string | null;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @ApiProperty({
    example: '雷山银球茶-8f3a2c',
    description: "The readable link (/listings/<slug>, percent-encoded on the wire): the title in its own script and the id's first hex digits; a rename gives a new slug and the old ones still find the listing",
  })
  slug: string;
  @NullableText({ example: '李大姐', description: "The farm's readable link (/farms/<slug>)" }) farmerSlug: string | null;
  @NullableText({ example: '桐梓县生态农业专业合作社', description: "The cooperative's readable link (/cooperatives/<slug>)" }) cooperativeSlug: string | null;
  @ApiProperty({ type: [PhotoDto] }) photos: PhotoDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @NullableText({ description: "The seller's own code for the listing (SKU)", example: 'FZS-5J' }) sku: string | null;
}

export class ListingPageDto extends PageDto(ListingDto) {}

/** One change of a listing's stock (GET /api/listings/:id/stock-history). */
export class StockChangeDto {
  @ApiProperty({ description: 'Increasing with time' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Units added (positive) or taken (negative); at creation, the initial stock', example: -2 }) delta: number;
  @ApiProperty({ description: 'The stock after the change', example: 118 }) stockAfter: number;
  @ApiProperty({ enum: STOCK_REASONS, enumName: 'StockReason', description: 'created, import, edit (by hand), checkout, cancellation, payment_timeout, other' })
  reason: StockReason;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Who caused it (null: the system)' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Their display name' }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The order (cancellation, timeout) or checkout it belongs to' }) refId: string | null;
}

export class StockHistoryPageDto extends PageDto(StockChangeDto) {}

export class ImportFieldErrorDto {
  @ApiProperty({ example: 'price' }) field: string;
  @ApiProperty({ example: 'price must be in yuan with at most two decimals, e.g. 48.00' }) message: string;
}

/** One data row of an import: the header is row 1, so the first listing is row 2 (as a spreadsheet numbers it). */
export class ImportRowDto {
  @ApiProperty({ example: 2 }) row: number;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ description: 'No errors: the row is (or would be) created, or the listing with its SKU updated' }) ok: boolean;
  @ApiProperty({ type: [ImportFieldErrorDto] }) errors: ImportFieldErrorDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The listing created or updated (null for a bad row, and for a new listing in a dry run)' }) listingId: string | null;
  @ApiPropertyOptional({ enum: ['create', 'update'], enumName: 'ImportRowAction', description: 'What a valid row does: create a listing, or update the one with its SKU' })
  action?: 'create' | 'update';
  @ApiPropertyOptional({ type: String, nullable: true }) sku?: string | null;
  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' }) category?: Category;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional() netWeightGrams?: number;
  @ApiPropertyOptional({ description: 'fen' }) priceCents?: number;
  @ApiPropertyOptional() stock?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) harvestDate?: string | null;
}

export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Data rows read' }) total: number;
  @ApiProperty({ description: 'Rows without errors' }) valid: number;
  @ApiProperty({ description: 'Listings created (0 in a dry run, or when allOrNothing and a row is bad)' }) created: number;
  @ApiProperty({ description: 'Listings updated by their SKU (0 in a dry run, or when allOrNothing and a row is bad)' }) updated: number;
  @ApiProperty({ type: [ImportRowDto] }) rows: ImportRowDto[];
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'Check and preview only; nothing is created', type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Create nothing unless every row is valid', type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'allOrNothing must be true or false' })
  allOrNothing?: boolean;
}

/** A farm: a farmer's public shop page (GET /api/farms/:idOrSlug). */
export class FarmDto {
  @ApiProperty({ format: 'uuid', description: "The farmer's id (filter listings with farmerId)" }) id: string;
  @ApiProperty({ example: '李大姐' }) displayName: string;
  @ApiProperty({ example: '李大姐', description: 'The readable link (/farms/<slug>)' }) slug: string;
  @NullableText({ example: '520322' }) countyCode: string | null;
  @NullableText({ example: '桐梓县' }) countyName: string | null;
  @ApiProperty({ description: 'Active listings in the shop' }) activeListings: number;
}
