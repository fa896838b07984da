import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POVERTY_STATUSES, ROLES, type PovertyStatus, type Role } from '@farmlink/shared';
import { NullableText } from '@farmlink/common';
import type { User } from '../user.repository';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @NullableText({ required: false }) phone: string | null;
  @NullableText({ required: false }) countyCode: string | null;
  @NullableText({ required: false }) village: string | null;
  @ApiProperty({ description: "The farmer's poverty registration is verified by an officer (same as povertyStatus = 'verified'; kept for older clients)" })
  povertyRegistered: boolean;
  @ApiPropertyOptional({ enum: POVERTY_STATUSES, description: 'Farmers only: their poverty registration claim, as an officer decided it' })
  povertyStatus?: PovertyStatus;
  @NullableText({ required: false }) jurisdictionCode: string | null;
  @ApiProperty({ example: 'cn', description: 'The market the user belongs to' }) marketCode: string;
  @ApiProperty({ enum: ['zh-CN', 'en'], description: 'The language of the mail the user receives' }) locale: 'zh-CN' | 'en';
  @ApiProperty({ description: 'The user confirmed their email address with the mailed link' }) emailVerified: boolean;
  @ApiProperty() createdAt: Date;

  static from(u: User): UserDto {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      phone: u.phone,
      countyCode: u.countyCode,
      marketCode: u.marketCode,
      village: u.village,
      povertyRegistered: u.povertyStatus === 'verified',
      ...(u.role === 'farmer' ? { povertyStatus: u.povertyStatus } : {}),
      jurisdictionCode: u.jurisdictionCode,
      locale: u.locale,
      emailVerified: u.emailVerifiedAt !== null,
      createdAt: u.createdAt,
    };
  }
}

export class AuthResultDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'JWT; send as "Authorization: Bearer <accessToken>"' }) accessToken: string;
}
