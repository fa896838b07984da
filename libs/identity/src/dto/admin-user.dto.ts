import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ROLES, type Role } from '@farmlink/shared';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value);

export class AdminUserQueryDto {
  @ApiPropertyOptional({ description: 'Part of the email or display name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

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

/** A user as the admin's list shows it. */
export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) countyCode: string | null;
  @ApiProperty({ nullable: true, type: String }) jurisdictionCode: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'Set while the account is suspended' }) suspendedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) suspensionReason: string | null;
  @ApiProperty() createdAt: Date;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** Why an admin suspends an account or takes a listing down (kept in the audit trail; a farmer sees a takedown's reason). */
export class ModerationReasonDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Counterfeit produce reported by three buyers' })
  @Transform(trim)
  @IsString({ message: 'reason must be a string' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason: string;
}
