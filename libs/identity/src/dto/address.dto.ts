import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { RegionCodeField, TextField, trim } from '@farmlink/common';
import { PHONE_PATTERN } from '@farmlink/shared';

/** The shape here; the market's own rule (a mainland mobile number in cn) in AddressBookService. */
const PHONE_MESSAGE = 'phone must be a phone number';

export class CreateAddressDto {
  @TextField({ name: 'name', min: 1, max: 100 }, { example: '陈静', description: 'Who receives the parcel' })
  name: string;

  @ApiProperty({ example: '13800000000', description: 'In cn a mainland mobile number (11 digits); elsewhere a phone number of the market\'s country' })
  @Transform(trim)
  @IsString({ message: PHONE_MESSAGE })
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone: string;

  @RegionCodeField({ name: 'countyCode', county: true }, { example: '110105', description: 'GB/T 2260 county code' })
  countyCode: string;

  @TextField({ name: 'line1', min: 1, max: 300 }, { example: '建国路 88 号 3 单元 501' })
  line1: string;

  @ApiPropertyOptional({ description: 'Make this the default address (the first address always is)' })
  @IsOptional()
  @IsBoolean({ message: 'isDefault must be true or false' })
  isDefault?: boolean;
}

export class UpdateAddressDto {
  @TextField({ name: 'name', min: 1, max: 100, optional: true }, { example: '陈静' })
  name?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: PHONE_MESSAGE })
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string;

  @RegionCodeField({ name: 'countyCode', county: true, optional: true }, { example: '110105' })
  countyCode?: string;

  @TextField({ name: 'line1', min: 1, max: 300, optional: true })
  line1?: string;

  @ApiPropertyOptional({ description: 'true makes this the default; false on the default hands it to the oldest other address' })
  @IsOptional()
  @IsBoolean({ message: 'isDefault must be true or false' })
  isDefault?: boolean;
}

export class AddressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty() countyCode: string;
  @ApiProperty() line1: string;
  @ApiProperty({ description: 'Exactly one of a non-empty address book is the default' }) isDefault: boolean;
  @ApiProperty() createdAt: Date;
}
