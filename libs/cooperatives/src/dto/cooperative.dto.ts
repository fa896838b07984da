import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@farmlink/shared';
import { MEMBER_ROLES, type MemberRole } from '../cooperative.entity';
import { toInt, trim } from '../query-transforms';

export class CreateCooperativeDto {
  @ApiProperty({ example: '桐梓县方竹笋种植专业合作社', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @ApiProperty({ description: 'GB/T 2260 county code', example: '520322' })
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' })
  countyCode: string;

  @ApiPropertyOptional({ description: 'Unified social credit code or other registration number', example: '93520322MA6DXXXX1X' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50, { message: 'registrationNo must be 1 to 50 characters' })
  registrationNo?: string;
}

export class CooperativeQueryDto {
  @ApiPropertyOptional({ example: '520322' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' })
  countyCode?: string;

  @ApiPropertyOptional({ description: 'Part of the name', example: '方竹笋' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: `pageSize must not be greater than ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid', description: 'A farmer user' })
  @IsUUID('all', { message: 'farmerId must be a UUID' })
  farmerId: string;
}

export class CooperativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @ApiProperty({ nullable: true, type: String }) registrationNo: string | null;
  @ApiProperty({ format: 'uuid' }) managerId: string;
  @ApiProperty() managerName: string;
  @ApiProperty() memberCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CooperativePageDto {
  @ApiProperty({ type: [CooperativeDto] }) items: CooperativeDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) cooperativeId: string;
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) countyCode: string | null;
  @ApiProperty({ enum: MEMBER_ROLES, enumName: 'MemberRole' }) role: MemberRole;
  @ApiProperty() joinedAt: Date;
}
