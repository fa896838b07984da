import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { NewPasswordField, TextField, trim } from '@farmlink/common';

export const USER_LOCALES = ['zh-CN', 'en'] as const;

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'li.wei@example.cn' })
  @Transform(trim)
  @IsString({ message: 'email must be a valid email address' })
  @MinLength(3, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString({ message: 'token is required' })
  @MinLength(1, { message: 'token is required' })
  @MaxLength(200)
  token: string;

  @NewPasswordField({ example: 'correct horse battery' })
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'currentPassword is required' })
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(200)
  currentPassword: string;

  @NewPasswordField({ example: 'correct horse battery' })
  newPassword: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString({ message: 'token is required' })
  @MinLength(1, { message: 'token is required' })
  @MaxLength(200)
  token: string;
}

export class UpdateMeDto {
  // Absent leaves it as it is; null is not a name (400), so only `undefined` skips the checks.
  @TextField({ name: 'displayName', min: 1, max: 100, optional: (o: UpdateMeDto) => o.displayName !== undefined }, { example: '李伟' })
  displayName?: string;

  @ApiPropertyOptional({ example: '+86 138 0000 0000', nullable: true, type: String, description: 'null or "" clears it' })
  @Transform(trim)
  @ValidateIf((o: UpdateMeDto) => o.phone !== undefined && o.phone !== null && o.phone !== '')
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ enum: USER_LOCALES, description: 'The language of the mail you receive' })
  @ValidateIf((o: UpdateMeDto) => o.locale !== undefined)
  @IsIn(USER_LOCALES, { message: 'locale must be one of: zh-CN, en' })
  locale?: (typeof USER_LOCALES)[number];
}

/** A sentence for the user, when there is nothing else to answer. */
export class MessageDto {
  @ApiProperty({ example: 'If an account uses this address, a link is on its way' }) message: string;
}
