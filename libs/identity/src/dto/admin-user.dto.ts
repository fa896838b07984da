import { ApiProperty } from '@nestjs/swagger';
import { EnumField, NullableDate, NullableText, PageDto, PageQueryDto, TextField } from '@farmlink/common';
import { ROLES, type Role } from '@farmlink/shared';

export class AdminUserQueryDto extends PageQueryDto {
  @TextField({ max: 100, optional: true }, { description: 'Part of the email or display name' })
  q?: string;

  @EnumField(ROLES, { name: 'role', optional: true })
  role?: Role;
}

/** A user as the admin's list shows it. */
export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @NullableText() countyCode: string | null;
  @NullableText() jurisdictionCode: string | null;
  @NullableDate({ description: 'Set while the account is suspended' }) suspendedAt: Date | null;
  @NullableText() suspensionReason: string | null;
  @ApiProperty() createdAt: Date;
}

export class AdminUserPageDto extends PageDto(AdminUserDto) {}

/** Why an admin suspends an account or takes a listing down (kept in the audit trail; a farmer sees a takedown's reason). */
export class ModerationReasonDto {
  // class-validator's own IsString message here reads "reason must be a string"
  @TextField({ name: 'reason', min: 1, max: 500 }, { minLength: 1, maxLength: 500, example: 'Counterfeit produce reported by three buyers' })
  reason: string;
}
