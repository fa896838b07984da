import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { AdminUserPageDto, AdminUserQueryDto } from './dto/admin-user.dto';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthResultDto, UserDto } from './dto/user.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @Endpoint({
    summary: 'Create a buyer or farmer account and sign in',
    access: 'public',
    created: { type: AuthResultDto },
    errors: { 409: 'Email taken', 429: 'Too many attempts from this address' },
  })
  register(@Body() body: RegisterDto): Promise<AuthResultDto> {
    return this.identity.register(body);
  }

  @Post('login')
  @Endpoint({
    summary: 'Sign in with email and password',
    access: 'public',
    ok: { type: AuthResultDto },
    errors: { 401: 'Wrong email or password', 429: 'Too many attempts from this address' },
  })
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<AuthResultDto> {
    return this.identity.login(body);
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get('me')
  @Endpoint({ summary: 'The signed-in user', ok: { type: UserDto } })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.identity.me(user.id);
  }

  @Post('admin/users')
  @Endpoint({ summary: 'Create an officer or admin account', access: ['admin'], created: { type: UserDto } })
  createStaff(@CurrentUser() caller: AuthUser, @Body() body: CreateStaffUserDto): Promise<UserDto> {
    return this.identity.createStaff(caller, body);
  }

  @Get('admin/users')
  @Endpoint({
    summary: 'Users to act on (admin): search by email or name, filter by role; newest first',
    description: 'Not in contract v1.1; an addition for the admin area. Suspended users carry suspendedAt and suspensionReason.',
    access: ['admin'],
    ok: { type: AdminUserPageDto },
    errors: { 403: 'Not an admin' },
  })
  listUsers(@Query() query: AdminUserQueryDto): Promise<AdminUserPageDto> {
    return this.identity.listForAdmin(query);
  }
}
