import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser } from '@farmlink/common';
import { CurrentUser, Public, Roles } from '@farmlink/common';
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
  @Public()
  @ApiOperation({ summary: 'Create a buyer or farmer account and sign in' })
  @ApiCreatedResponse({ type: AuthResultDto })
  @ApiConflictResponse({ description: 'Email taken' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  register(@Body() body: RegisterDto): Promise<AuthResultDto> {
    return this.identity.register(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: AuthResultDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
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
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.identity.me(user.id);
  }

  @Post('admin/users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create an officer or admin account' })
  @ApiCreatedResponse({ type: UserDto })
  createStaff(@CurrentUser() caller: AuthUser, @Body() body: CreateStaffUserDto): Promise<UserDto> {
    return this.identity.createStaff(caller, body);
  }

  @Get('admin/users')
  @Roles('admin')
  @ApiOperation({
    summary: 'Users to act on (admin): search by email or name, filter by role; newest first',
    description: 'Not in contract v1.1; an addition for the admin area. Suspended users carry suspendedAt and suspensionReason.',
  })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  listUsers(@Query() query: AdminUserQueryDto): Promise<AdminUserPageDto> {
    return this.identity.listForAdmin(query);
  }
}
