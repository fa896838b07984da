import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@farmlink/shared';
import type { User } from '../user.repository';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) countyCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) village: string | null;
  @ApiProperty() povertyRegistered: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionCode: string | null;
  @ApiProperty() createdAt: Date;

  static from(u: User): UserDto {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      phone: u.phone,
      countyCode: u.countyCode,
      village: u.village,
      povertyRegistered: u.povertyRegistered,
      jurisdictionCode: u.jurisdictionCode,
      createdAt: u.createdAt,
    };
  }
}

export class AuthResultDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'JWT; send as "Authorization: Bearer <accessToken>"' }) accessToken: string;
}
