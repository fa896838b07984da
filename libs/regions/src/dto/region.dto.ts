import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { REGION_LEVELS, type RegionLevel } from '@farmlink/shared';
import { trim } from '@farmlink/common';

export class RegionQueryDto {
  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS, { message: `level must be one of: ${REGION_LEVELS.join(', ')}` })
  level?: RegionLevel;

  @ApiPropertyOptional({ example: '520300' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'parentCode must be a six-digit GB/T 2260 code' })
  parentCode?: string;

  @ApiPropertyOptional({ description: 'Part of a name, or the start of a code', example: '桐梓' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class RegionDto {
  @ApiProperty({ example: '520322' }) code: string;
  @ApiProperty({ example: '桐梓县' }) name: string;
  @ApiProperty({ enum: REGION_LEVELS }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String, example: '520300' }) parentCode: string | null;
}

export class RegionWithParentsDto extends RegionDto {
  @ApiProperty({ type: [RegionDto], description: 'From the province down to the direct parent' })
  parents: RegionDto[];
}


export class CreateProgrammeDto {
  @ApiProperty({ example: '电子商务进农村综合示范 2026' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsDateString({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string;
}

export class EnrolCountiesDto {
  @ApiProperty({ type: [String], example: ['520322', '522729'] })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  countyCodes: string[];

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'enrolledOn must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'enrolledOn must be a date YYYY-MM-DD' })
  enrolledOn?: string;
}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-01-01' }) startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() countyCount: number;
}

export class ProgrammeDetailDto extends ProgrammeDto {
  @ApiProperty({ type: [String] }) countyCodes: string[];
}

export class EnrolResultDto {
  @ApiProperty({ description: 'How many counties are enrolled now' }) enrolled: number;
  @ApiProperty({ type: [String] }) countyCodes: string[];
}
