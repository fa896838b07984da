import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@farmlink/common';
import { AdminUserDto, ModerationReasonDto } from '@farmlink/identity';
import { TakedownDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('users/:id/suspend')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend an account (admin)',
    description: 'The user cannot sign in (401), every token they hold answers 401, and their listings leave the shop (search, GET /api/listings/:id, checkout). Audited.',
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: 'Unknown user' })
  @ApiConflictResponse({ description: 'Already suspended' })
  @ApiUnprocessableEntityResponse({ description: 'Your own account' })
  suspend(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ModerationReasonDto): Promise<AdminUserDto> {
    return this.moderation.suspend(caller, id, body.reason);
  }

  @Post('users/:id/reinstate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a suspension (admin): the user may sign in again and their listings come back. Old tokens stay invalid. Audited.' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: 'Unknown user' })
  @ApiConflictResponse({ description: 'Not suspended' })
  reinstate(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<AdminUserDto> {
    return this.moderation.reinstate(caller, id);
  }

  @Post('listings/:id/takedown')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a listing down (admin)',
    description: 'Status removed, for good: 404 to everyone but its farmer, who sees removalReason and cannot set it active again (409). Audited.',
  })
  @ApiOkResponse({ type: TakedownDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: 'Unknown listing' })
  @ApiConflictResponse({ description: 'Already taken down' })
  takedown(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ModerationReasonDto): Promise<TakedownDto> {
    return this.moderation.takedown(caller, id, body.reason);
  }
}
