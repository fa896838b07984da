import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, trim } from '@farmlink/common';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'An action name, e.g. user.suspend', example: 'listing.takedown' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_]+(\.[a-z_]+)+$/, { message: 'action must look like user.suspend' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who did it' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'What it was done to: a user, listing, programme or order id' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  targetId?: string;

  @ApiPropertyOptional({ description: 'From this ISO 8601 date-time (inclusive) or date (a UTC day)', example: '2026-05-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this ISO 8601 date-time (exclusive) or date (inclusive, a UTC day)', example: '2026-05-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'When (ISO 8601)' }) at: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin' }) actorRole: string | null;
  @ApiProperty({ example: 'user.suspend' }) action: string;
  @ApiProperty({ example: 'user', description: 'user, listing, programme, order or report' }) targetType: string;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed, e.g. { reason }' }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
