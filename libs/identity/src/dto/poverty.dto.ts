import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, trim } from '@farmlink/common';
import { POVERTY_CLAIM_STATUSES, POVERTY_DECISIONS, type PovertyClaimStatus, type PovertyDecision } from '@farmlink/shared';

export class PovertyClaimBodyDto {
  @ApiPropertyOptional({ description: 'The poverty registration number (建档立卡编号), if the farmer has it', example: '5203220101000123' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50, { message: 'registrationNo must be 1 to 50 characters' })
  registrationNo?: string;
}

export class PovertyClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POVERTY_CLAIM_STATUSES })
  @IsOptional()
  @IsIn(POVERTY_CLAIM_STATUSES, { message: `status must be one of: ${POVERTY_CLAIM_STATUSES.join(', ')}` })
  status?: PovertyClaimStatus;

  @ApiPropertyOptional({ description: 'GB/T 2260 county code', example: '520322' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' })
  countyCode?: string;
}

export class PovertyDecisionBodyDto {
  @ApiProperty({ enum: POVERTY_DECISIONS })
  @IsIn(POVERTY_DECISIONS, { message: `decision must be one of: ${POVERTY_DECISIONS.join(', ')}` })
  decision: PovertyDecision;

  @ApiPropertyOptional({ description: 'Why (kept with the decision and shown to officers)', example: '已核对扶贫系统' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}

export class PovertyClaimDto {
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: '520322' }) countyCode: string;
  @ApiProperty({ example: '桐梓县' }) countyName: string;
  @ApiProperty({ nullable: true, type: String }) registrationNo: string | null;
  @ApiProperty({ enum: POVERTY_CLAIM_STATUSES }) status: PovertyClaimStatus;
  @ApiProperty() claimedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The officer or admin who decided' }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class PovertyClaimPageDto {
  @ApiProperty({ type: [PovertyClaimDto] }) items: PovertyClaimDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PovertyDecisionDto {
  @ApiProperty({ format: 'uuid' }) farmerId: string;
  @ApiProperty({ enum: POVERTY_DECISIONS }) status: PovertyDecision;
  @ApiProperty() decidedAt: Date;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
}
