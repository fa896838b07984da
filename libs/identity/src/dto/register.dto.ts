import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { SELF_SERVICE_ROLES } from '@farmlink/shared';
import { EmailField, EnumField, MarketCodeField, NewPasswordField, RegionCodeField, TextField, trim } from '@farmlink/common';


export class RegisterDto {
  @EmailField({ example: 'li.wei@example.cn' })
  email: string;

  @NewPasswordField({ minLength: 8, example: 'correct horse battery' })
  password: string;

  @TextField({ name: 'displayName', min: 1, max: 100 }, { example: '李伟' })
  displayName: string;

  @EnumField(SELF_SERVICE_ROLES, { name: 'role' }, { enumName: 'SelfServiceRole' })
  role: (typeof SELF_SERVICE_ROLES)[number];

  @ApiPropertyOptional({ example: '+86 138 0000 0000' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @RegionCodeField(
    { name: 'countyCode', county: true, optional: (o: RegisterDto) => o.role === 'farmer' || o.countyCode !== undefined },
    { description: "County code of the user's market (GB/T 2260 in cn, e.g. KE-30 in ke); required for farmers", example: '520322' },
  )
  countyCode?: string;

  @MarketCodeField(
    { name: 'marketCode', optional: true },
    { description: 'The market the user joins (GET /api/markets); without one, cn. A county must be one of its regions', example: 'cn' },
  )
  marketCode?: string;

  @TextField({ max: 100, optional: true }, { example: '花秋镇石坎村' })
  village?: string;

  @ApiPropertyOptional({ description: 'Farmer: claims to be a registered poor household (建档立卡贫困户). The claim is `claimed` until an officer verifies it' })
  @IsOptional()
  @IsBoolean()
  povertyRegistered?: boolean;

  @TextField(
    { name: 'povertyRegistrationNo', min: 1, max: 50, optional: true },
    { description: 'Farmer: the poverty registration number, with povertyRegistered: true', example: '5203220101000123' },
  )
  povertyRegistrationNo?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], description: 'The language of the mail the user receives (default zh-CN)' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'], { message: 'locale must be one of: zh-CN, en' })
  locale?: 'zh-CN' | 'en';
}
