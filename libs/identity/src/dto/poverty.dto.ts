import { ApiProperty } from '@nestjs/swagger';
import { EnumField, NullableDate, NullableText, NullableUuid, PageDto, PageQueryDto, RegionCodeField, TextField } from '@farmlink/common';
import { POVERTY_CLAIM_STATUSES, POVERTY_DECISIONS, type PovertyClaimStatus, type PovertyDecision } from '@farmlink/shared';

export class PovertyClaimBodyDto {
  @TextField(
    { name: 'registrationNo', min: 1, max: 50, optional: true },
    { description: 'The poverty registration number (建档立卡编号), if the farmer has it', example: '5203220101000123' },
  )
  registrationNo?: string;
}

export class PovertyClaimQueryDto extends PageQueryDto {
  @EnumField(POVERTY_CLAIM_STATUSES, { name: 'status', optional: true })
  status?: PovertyClaimStatus;

  @RegionCodeField({ name: 'countyCode', county: true, optional: true }, { description: 'GB/T 2260 county code', example: '520322' })
  countyCode?: string;
}

export class PovertyDecisionBodyDto {
  @EnumField(POVERTY_DECISIONS, { name: 'decision' })
  decision: PovertyDecision;

  @TextField({ name: 'note', max: 500, optional: true }, { description: 'Why (kept with the decision and shown to officers)', example: '已核对扶贫系统' })
  note?: string;
}

export class PovertyClaimDto {
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @NullableText() registrationNo: string | null;
  @ApiProperty({ enum: POVERTY_CLAIM_STATUSES }) status: PovertyClaimStatus;
  @ApiProperty() claimedAt: Date;
  @NullableDate() decidedAt: Date | null;
  @NullableUuid({ description: 'The officer or admin who decided' }) decidedBy: string | null;
  @NullableText() decidedByName: string | null;
  @NullableText() note: string | null;
}

export class PovertyClaimPageDto extends PageDto(PovertyClaimDto) {}

export class PovertyDecisionDto {
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty({ enum: POVERTY_DECISIONS }) status: PovertyDecision;
  @ApiProperty() decidedAt: Date;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
}
