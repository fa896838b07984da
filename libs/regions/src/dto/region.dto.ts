import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { REGION_LEVELS, type RegionLevel } from '@farmlink/shared';
import { DateField, EnumField, MarketCodeField, NullableText, RegionCodeField, TextField } from '@farmlink/common';

export class RegionQueryDto {
  @EnumField(REGION_LEVELS, { name: 'level', optional: true }, { enumName: 'RegionLevel' })
  level?: RegionLevel;

  @RegionCodeField({ name: 'parentCode', optional: true }, { example: '520300' })
  parentCode?: string;

  @TextField({ max: 50, optional: true, trim: false }, { description: 'Part of a name, or the start of a code', example: '桐梓' })
  q?: string;

  @MarketCodeField({ name: 'market', optional: true }, { description: "The market whose regions to list (default cn); another market's codes are its own, e.g. KE-30", example: 'cn' })
  market?: string;
}

export class RegionDto {
  @ApiProperty({ example: '520322' }) code: string;
  @ApiProperty({ example: '桐梓县' }) name: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) level: RegionLevel;
  @NullableText({ example: '520300' }) parentCode: string | null;
}

export class RegionWithParentsDto extends RegionDto {
  @ApiProperty({ type: [RegionDto], description: 'From the province down to the direct parent' })
  parents: RegionDto[];
}


export class CreateProgrammeDto {
  @TextField({ min: 1, max: 200 }, { example: '电子商务进农村综合示范 2026' })
  name: string;

  @DateField({ name: 'startDate' }, { example: '2026-01-01' })
  startDate: string;

  @DateField({ name: 'endDate', optional: true }, { example: '2026-12-31' })
  endDate?: string;

  @MarketCodeField({ name: 'marketCode', optional: true }, { description: 'The market of the programme (default cn): it enrols counties of that market', example: 'cn' })
  marketCode?: string;
}

export class EnrolCountiesDto {
  @ApiProperty({ type: [String], example: ['520322', '522729'] })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  countyCodes: string[];

  @DateField({ name: 'enrolledOn', optional: true }, { example: '2026-01-01' })
  enrolledOn?: string;
}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'cn' }) marketCode: string;
  @ApiProperty({ example: '2026-01-01' }) startDate: string;
  @NullableText() endDate: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() countyCount: number;
}

export class EnrolledCountyDto {
  @ApiProperty({ example: '520322' }) code: string;
  @ApiProperty({ example: '桐梓县' }) name: string;
  @ApiProperty({ type: [RegionDto], description: 'Province, then prefecture' }) parents: RegionDto[];
  @ApiProperty({ example: '2026-01-01' }) enrolledOn: string;
}

export class ProgrammeDetailDto extends ProgrammeDto {
  @ApiProperty({ type: [String] }) countyCodes: string[];
  @ApiProperty({ type: [EnrolledCountyDto], description: 'The same counties with their names, parents and enrolment dates, by code' })
  counties: EnrolledCountyDto[];
}

/** What an admin may change on a programme (its counties: PUT /api/programmes/:id/counties). */
export class UpdateProgrammeDto {
  @TextField({ name: 'name', min: 1, max: 200, optional: true }, { example: '电子商务进农村综合示范 2026' })
  name?: string;

  @DateField({ name: 'startDate', optional: true }, { example: '2026-01-01' })
  startDate?: string;

  @DateField({ name: 'endDate', optional: true }, { example: '2026-12-31', nullable: true, type: String, description: 'null: the programme is ongoing' })
  endDate?: string | null;
}

export class EnrolResultDto {
  @ApiProperty({ description: 'How many counties are enrolled now' }) enrolled: number;
  @ApiProperty({ type: [String] }) countyCodes: string[];
}
