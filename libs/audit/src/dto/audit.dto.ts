import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { NullableText, NullableUuid, PageDto, PageQueryDto, TextField, UuidField } from '@farmlink/common';

export class AuditQueryDto extends PageQueryDto {
  @TextField({ max: 100, optional: true }, { description: 'An action name, e.g. user.suspend', example: 'listing.takedown' })
  @Matches(/^[a-z_]+(\.[a-z_]+)+$/, { message: 'action must look like user.suspend' })
  action?: string;

  @UuidField({ name: 'actorId', optional: true }, { description: 'Who did it' })
  actorId?: string;

  @TextField({ max: 100, optional: true }, { description: 'What it was done to: a user, listing, programme or order id' })
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
  @NullableUuid() actorId: string | null;
  @NullableText({ example: 'admin' }) actorRole: string | null;
  @ApiProperty({ example: 'user.suspend' }) action: string;
  @ApiProperty({ example: 'user', description: 'user, listing, programme, order or report' }) targetType: string;
  @NullableText() targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed, e.g. { reason }' }) details: Record<string, unknown>;
}

export class AuditPageDto extends PageDto(AuditEntryDto) {}
