import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import {
  PovertyClaimBodyDto,
  PovertyClaimDto,
  PovertyClaimPageDto,
  PovertyClaimQueryDto,
  PovertyDecisionBodyDto,
  PovertyDecisionDto,
} from './dto/poverty.dto';
import { PovertyService } from './poverty.service';

@ApiTags('poverty')
@ApiBearerAuth()
@Controller()
export class PovertyController {
  constructor(private readonly poverty: PovertyService) {}

  @Post('me/poverty-claim')
  @Endpoint({
    summary: 'Claim to be a registered poor household; an officer of your county verifies it',
    access: ['farmer'],
    created: { type: PovertyClaimDto },
    errors: { 409: 'Already claimed or verified', 403: 'Not a farmer' },
  })
  claim(@CurrentUser() caller: AuthUser, @Body() body: PovertyClaimBodyDto): Promise<PovertyClaimDto> {
    return this.poverty.claim(caller, body.registrationNo);
  }

  @Get('poverty-claims')
  @Endpoint({
    summary: "Poverty claims of farmers in the caller's jurisdiction (all for admins and national officers), oldest first",
    access: ['officer', 'admin'],
    ok: { type: PovertyClaimPageDto },
    errors: { 403: 'Not an officer or admin' },
  })
  list(@CurrentUser() caller: AuthUser, @Query() query: PovertyClaimQueryDto): Promise<PovertyClaimPageDto> {
    return this.poverty.list(caller, query);
  }

  @Post('farmers/:id/poverty-verification')
  @Endpoint({
    summary: "Verify or reject a farmer's poverty claim (officer whose jurisdiction holds the farmer's county, or admin)",
    access: ['officer', 'admin'],
    ok: { type: PovertyDecisionDto },
    errors: { 404: 'No claim, or a farmer outside your jurisdiction', 403: 'Not an officer or admin' },
  })
  @HttpCode(200)
  decide(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) farmerId: string,
    @Body() body: PovertyDecisionBodyDto,
  ): Promise<PovertyDecisionDto> {
    return this.poverty.decide(caller, farmerId, body.decision, body.note);
  }
}
