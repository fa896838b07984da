import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { AdminUserDto, ModerationReasonDto } from '@farmlink/identity';
import { TakedownDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('users/:id/suspend')
  @Endpoint({
    summary: 'Suspend an account (admin)',
    description: 'The user cannot sign in (401), every token they hold answers 401, and their listings leave the shop (search, GET /api/listings/:id, checkout). Audited.',
    access: ['admin'],
    ok: { type: AdminUserDto },
    errors: { 403: 'Not an admin', 404: 'Unknown user', 409: 'Already suspended', 422: 'Your own account' },
  })
  @HttpCode(200)
  suspend(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ModerationReasonDto): Promise<AdminUserDto> {
    return this.moderation.suspend(caller, id, body.reason);
  }

  @Post('users/:id/reinstate')
  @Endpoint({
    summary: 'Lift a suspension (admin): the user may sign in again and their listings come back. Old tokens stay invalid. Audited.',
    access: ['admin'],
    ok: { type: AdminUserDto },
    errors: { 403: 'Not an admin', 404: 'Unknown user', 409: 'Not suspended' },
  })
  @HttpCode(200)
  reinstate(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<AdminUserDto> {
    return this.moderation.reinstate(caller, id);
  }

  @Post('listings/:id/takedown')
  @Endpoint({
    summary: 'Take a listing down (admin)',
    description: 'Status removed, for good: 404 to everyone but its farmer, who sees removalReason and cannot set it active again (409). Audited.',
    access: ['admin'],
    ok: { type: TakedownDto },
    errors: { 403: 'Not an admin', 404: 'Unknown listing', 409: 'Already taken down' },
  })
  @HttpCode(200)
  takedown(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ModerationReasonDto): Promise<TakedownDto> {
    return this.moderation.takedown(caller, id, body.reason);
  }
}
