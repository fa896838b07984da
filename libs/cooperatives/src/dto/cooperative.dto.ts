import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES, type MemberRole } from '@farmlink/shared';
import { NullableText, PageDto, PageQueryDto, RegionCodeField, TextField, UuidField } from '@farmlink/common';

export class CreateCooperativeDto {
  @TextField({ name: 'name', min: 1, max: 200 }, { example: '桐梓县方竹笋种植专业合作社', maxLength: 200 })
  name: string;

  @RegionCodeField({ name: 'countyCode', county: true }, { description: 'GB/T 2260 county code', example: '520322' })
  countyCode: string;

  @TextField(
    { name: 'registrationNo', min: 1, max: 50, optional: true },
    { description: 'Unified social credit code or other registration number', example: '93520322MA6DXXXX1X' },
  )
  registrationNo?: string;
}

export class CooperativeQueryDto extends PageQueryDto {
  @RegionCodeField({ name: 'countyCode', county: true, optional: true }, { example: '520322' })
  countyCode?: string;

  @TextField({ max: 100, optional: true }, { description: 'Part of the name', example: '方竹笋' })
  q?: string;
}

export class AddMemberDto {
  @UuidField({ name: 'farmerId' }, { description: 'A farmer user' })
  farmerId: string;
}

export class CandidateQueryDto {
  @TextField({ name: 'q', min: 1, max: 50 }, { description: 'Part of the name, or the phone number (whole, or its last 4+ digits)', example: '王' })
  q: string;
}

/** A farmer of the cooperative's county who is not yet a member: what the manager needs to pick them. */
export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @NullableText({ description: 'Masked: the first 3 and last 4 digits, e.g. 138****5678' }) phoneMasked: string | null;
  @NullableText() village: string | null;
}

export class CooperativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: 'cn', description: "The cooperative's market (its manager's)" }) marketCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @NullableText() registrationNo: string | null;
  @ApiProperty({ format: 'uuid' }) managerId: string;
  @ApiProperty() managerName: string;
  @ApiProperty() memberCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({
    example: '桐梓县生态农业专业合作社',
    description: 'The readable link (/cooperatives/<slug>, percent-encoded on the wire): the name in its own script, -2, -3… when another cooperative has it; old slugs still find it after a rename',
  })
  slug: string;
}

export class CooperativePageDto extends PageDto(CooperativeDto) {}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) cooperativeId: string;
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() displayName: string;
  @NullableText() countyCode: string | null;
  @ApiProperty({ enum: MEMBER_ROLES, enumName: 'MemberRole' }) role: MemberRole;
  @ApiProperty() joinedAt: Date;
}
