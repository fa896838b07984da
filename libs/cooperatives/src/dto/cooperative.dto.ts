import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { MEMBER_ROLES, type MemberRole } from '@farmlink/shared';
import { PageQueryDto, trim } from '@farmlink/common';

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

export class CooperativeQueryDto extends PageQueryDto {
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
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty() joinedAt: Date;
}
