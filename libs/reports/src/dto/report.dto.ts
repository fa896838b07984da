import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DateField, EnumField, MarketCodeField, NullableNumber, NullableText, RegionCodeField, UuidField } from '@farmlink/common';
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

export class SalesReportQueryDto {
  @IsString()
  @DateField({ name: 'from', calendar: false }, { example: '2025-01-01', description: 'First local date (REPORT_TIME_ZONE), inclusive' })
  from: string;

  @IsString()
  @DateField({ name: 'to', calendar: false }, { example: '2025-12-31', description: 'Last local date, inclusive (at most 3 years after from)' })
  to: string;

  @EnumField(GROUP_BYS, { optional: true }, { enumName: 'ReportGroupBy', default: 'county' })
  groupBy?: GroupBy;

  @RegionCodeField({ name: 'regionCode', optional: true }, { description: 'Only counties inside this region (province, prefecture or county code)' })
  regionCode?: string;

  @UuidField({ name: 'programmeId', optional: true }, { description: "Only the programme's enrolled counties" })
  programmeId?: string;

  @MarketCodeField({ name: 'market', optional: true }, { description: "The market (GET /api/markets): default the officer's own, else cn. One market per report, in its currency and on its dates", example: 'cn' })
  market?: string;

  @EnumField(REPORT_FORMATS, { optional: true }, { enumName: 'ReportFormat', default: 'json' })
  format?: ReportFormat;

  @EnumField(['zh-CN', 'en'], { name: 'lang', optional: true }, {
    description:
      'With format=csv or xlsx: the export for people — headers in this language, money in yuan with two decimals ' +
      '(XLSX: number formats, and a title with the range, scope and time of export). Without it the machine form: ' +
      'the JSON field names as headers and money in fen.',
  })
  lang?: 'zh-CN' | 'en';

  @EnumField(['0', '1'], { name: 'raw', optional: true }, { description: '1: the machine form even when lang is given' })
  raw?: '0' | '1';

  @EnumField(SORTS, { optional: true }, { default: '-netSalesCents', description: 'A row field; a leading "-" sorts largest first' })
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
  @NullableNumber() growthPct: number | null;
}

export class SalesReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: GROUP_BYS, enumName: 'ReportGroupBy' }) groupBy: GroupBy;
  @NullableText({ required: false }) regionCode: string | null;
  @NullableText({ required: false }) programmeId: string | null;
  @ApiProperty({ example: 'Asia/Shanghai', description: "The market's zone: the dates are its local dates" }) timeZone: string;
  @ApiProperty({ example: 'cn', description: 'The one market the report covers' }) marketCode?: string;
  @ApiProperty({ example: 'CNY', description: "Every amount is in minor units of the market's currency" }) currency?: string;
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
  @NullableNumber() growthPct: number | null;
}

export class ProgrammeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-01-01' }) startDate: string;
  @NullableText() endDate: string | null;
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
  @NullableNumber() growthPct: number | null;
  @ApiProperty() povertyHouseholdSalesCents: number;
  @ApiProperty() povertyHouseholds: number;
  @ApiProperty({ type: [TopEntryDto] }) topCounties: TopEntryDto[];
  @ApiProperty({ type: [TopEntryDto] }) topCategories: TopEntryDto[];
}
