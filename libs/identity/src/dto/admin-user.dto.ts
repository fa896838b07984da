import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQueryDto, trim } from '@farmlink/common';
import { ROLES, type Role } from '@farmlink/shared';

export class AdminUserQueryDto extends PageQueryDto {
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
