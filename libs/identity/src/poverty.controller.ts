import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@farmlink/common';
import { CurrentUser, Roles } from '@farmlink/common';
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
  @Roles('farmer')
  @ApiOperation({ summary: 'Claim to be a registered poor household; an officer of your county verifies it' })
  @ApiCreatedResponse({ type: PovertyClaimDto })
  @ApiConflictResponse({ description: 'Already claimed or verified' })
  @ApiForbiddenResponse({ description: 'Not a farmer' })
  claim(@CurrentUser() caller: AuthUser, @Body() body: PovertyClaimBodyDto): Promise<PovertyClaimDto> {
    return this.poverty.claim(caller, body.registrationNo);
  }

  @Get('poverty-claims')
  @Roles('officer', 'admin')
  @ApiOperation({ summary: "Poverty claims of farmers in the caller's jurisdiction (all for admins and national officers), oldest first" })
  @ApiOkResponse({ type: PovertyClaimPageDto })
  @ApiForbiddenResponse({ description: 'Not an officer or admin' })
  list(@CurrentUser() caller: AuthUser, @Query() query: PovertyClaimQueryDto): Promise<PovertyClaimPageDto> {
    return this.poverty.list(caller, query);
  }

  @Post('farmers/:id/poverty-verification')
  @HttpCode(200)
  @Roles('officer', 'admin')
  @ApiOperation({ summary: "Verify or reject a farmer's poverty claim (officer whose jurisdiction holds the farmer's county, or admin)" })
  @ApiOkResponse({ type: PovertyDecisionDto })
  @ApiNotFoundResponse({ description: 'No claim, or a farmer outside your jurisdiction' })
  @ApiForbiddenResponse({ description: 'Not an officer or admin' })
  decide(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) farmerId: string,
    @Body() body: PovertyDecisionBodyDto,
  ): Promise<PovertyDecisionDto> {
    return this.poverty.decide(caller, farmerId, body.decision, body.note);
  }
}
