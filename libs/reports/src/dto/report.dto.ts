import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { GroupBy } from '../report.repository';

export const GROUP_BYS: GroupBy[] = ['county', 'prefecture', 'province', 'month', 'category'];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const SORT_FIELDS = [
  'key', 'name', 'orders', 'grossSalesCents', 'refundsCents', 'netSalesCents', 'units', 'weightKg', 'buyers', 'sellers',
  'producers', 'povertyHouseholdSalesCents', 'povertyHouseholds', 'previousYearNetSalesCents', 'growthPct',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
const SORTS = [...SORT_FIELDS, ...SORT_FIELDS.map((f) => `-${f}`)];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SalesReportQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'First local date (REPORT_TIME_ZONE), inclusive' })
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last local date, inclusive (at most 3 years after from)' })
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ enum: GROUP_BYS, enumName: 'ReportGroupBy', default: 'county' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ description: 'Only counties inside this region (province, prefecture or county code)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only the programme's enrolled counties" })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, enumName: 'ReportFormat', default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: SORTS, default: '-netSalesCents', description: 'A row field; a leading "-" sorts largest first' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;
}

export class ProgrammeSummaryQueryDto {
  @ApiProperty({ example: '2025' })
  @Matches(/^(19|20|21)\d{2}$/, { message: 'year must be a year YYYY' })
  year: string;
}

export class SalesRowDto {
  @ApiProperty({ description: 'Region code, month (YYYY-MM) or category' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() orders: number;
  @ApiProperty() grossSalesCents: number;
  @ApiProperty() refundsCents: number;
  @ApiProperty() netSalesCents: number;
  @ApiProperty() units: number;
  @ApiProperty({ description: 'quantity × net weight, kg (3 decimals)' }) weightKg: number;
  @ApiProperty({ description: 'The same, exact, in grams' }) weightGrams: number;
  @ApiProperty() buyers: number;
  @ApiProperty() sellers: number;
  @ApiProperty() producers: number;
  @ApiProperty() povertyHouseholdSalesCents: number;
  @ApiProperty() povertyHouseholds: number;
  @ApiProperty() previousYearNetSalesCents: number;
  @ApiProperty({ nullable: true, type: Number }) growthPct: number | null;
}

export class SalesReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: GROUP_BYS, enumName: 'ReportGroupBy' }) groupBy: GroupBy;
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) programmeId: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ type: [SalesRowDto] }) rows: SalesRowDto[];
  @ApiProperty({ type: SalesRowDto, description: 'key "total"; distinct counts are distinct over the whole scope' }) totals: SalesRowDto;
}

export class TopEntryDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() grossSalesCents: number;
  @ApiProperty() refundsCents: number;
  @ApiProperty() netSalesCents: number;
  @ApiProperty() previousYearNetSalesCents: number;
  @ApiProperty({ nullable: true, type: Number }) growthPct: number | null;
}

export class ProgrammeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-01-01' }) startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
}

export class ProgrammeSummaryDto {
  @ApiProperty({ type: ProgrammeRefDto }) programme: ProgrammeRefDto;
  @ApiProperty() year: number;
  @ApiProperty() countiesEnrolled: number;
  @ApiProperty() countiesWithSales: number;
  @ApiProperty() orders: number;
  @ApiProperty() grossSalesCents: number;
  @ApiProperty() refundsCents: number;
  @ApiProperty() netSalesCents: number;
  @ApiProperty() previousYearNetSalesCents: number;
  @ApiProperty({ nullable: true, type: Number }) growthPct: number | null;
  @ApiProperty() povertyHouseholdSalesCents: number;
  @ApiProperty() povertyHouseholds: number;
  @ApiProperty({ type: [TopEntryDto] }) topCounties: TopEntryDto[];
  @ApiProperty({ type: [TopEntryDto] }) topCategories: TopEntryDto[];
}
