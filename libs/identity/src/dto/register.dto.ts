import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { SELF_SERVICE_ROLES } from '@farmlink/shared';
import { trim } from '@farmlink/common';


export class RegisterDto {
  @ApiProperty({ example: 'li.wei@example.cn' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, example: 'correct horse battery' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: '李伟' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES })
  @IsIn(SELF_SERVICE_ROLES, { message: `role must be one of: ${SELF_SERVICE_ROLES.join(', ')}` })
  role: (typeof SELF_SERVICE_ROLES)[number];

  @ApiPropertyOptional({ example: '+86 138 0000 0000' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ description: 'GB/T 2260 county code; required for farmers', example: '520322' })
  @ValidateIf((o: RegisterDto) => o.role === 'farmer' || o.countyCode !== undefined)
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' })
  countyCode?: string;

  @ApiPropertyOptional({ example: '花秋镇石坎村' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  village?: string;

  @ApiPropertyOptional({ description: 'Farmer: a registered poor household (建档立卡贫困户)' })
  @IsOptional()
  @IsBoolean()
  povertyRegistered?: boolean;
}
