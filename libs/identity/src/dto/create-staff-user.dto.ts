import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES } from '@farmlink/shared';
import { trim } from '@farmlink/common';


export class CreateStaffUserDto {
  @ApiProperty()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role: (typeof STAFF_ROLES)[number];

  @ApiPropertyOptional({ description: 'Officer: region (province, prefecture or county) whose reports they may see', example: '520000' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'jurisdictionCode must be a six-digit GB/T 2260 code' })
  jurisdictionCode?: string;
}
