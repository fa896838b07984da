import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { AccountService } from './account.service';
import { AddressBookService } from './address-book.service';
import { ChangePasswordDto, MessageDto, PasswordResetConfirmDto, PasswordResetRequestDto, UpdateMeDto, VerifyEmailDto } from './dto/account.dto';
import { AddressDto, CreateAddressDto, UpdateAddressDto } from './dto/address.dto';
import { AuthResultDto, UserDto } from './dto/user.dto';

/** Recovery and verification by mailed link: public, throttled per client address like sign-in. */
@ApiTags('identity')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AccountRecoveryController {
  constructor(private readonly account: AccountService) {}

  @Post('password-reset/request')
  @HttpCode(202)
  @ApiResponse({ status: 202, type: MessageDto, description: 'Accepted (whether or not the address is registered)' })
  @Endpoint({
    summary: 'Mail a password-reset link (valid 30 minutes, single use)',
    description: 'Answers 202 whether or not the address belongs to an account. At most 3 mails per address in 30 minutes.',
    access: 'public',
    errors: { 400: 'No email given', 429: 'Too many attempts from this address' },
  })
  async requestReset(@Body() body: PasswordResetRequestDto): Promise<MessageDto> {
    await this.account.requestPasswordReset(body.email);
    return { message: 'If an account uses this address, a link is on its way: it works once, for 30 minutes' };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  @Endpoint({
    summary: 'Set a new password with the mailed token; every token the user held ends',
    access: 'public',
    ok: { type: MessageDto, description: 'The password is changed: sign in with it' },
    errors: { 400: 'Unknown, used or expired token, or a new password under 8 characters', 429: 'Too many attempts from this address' },
  })
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<MessageDto> {
    await this.account.confirmPasswordReset(body);
    return { message: 'Your password is changed: sign in with it' };
  }

  @Post('verify-email')
  @HttpCode(200)
  @Endpoint({
    summary: 'Confirm an email address with the token mailed at registration',
    description: 'Not in contract v1.1; an addition for email verification.',
    access: 'public',
    ok: { type: UserDto },
    errors: { 400: 'Unknown, used or expired token', 429: 'Too many attempts from this address' },
  })
  verifyEmail(@Body() body: VerifyEmailDto): Promise<UserDto> {
    return this.account.verifyEmail(body.token);
  }
}

@ApiTags('identity')
@Controller('me')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly addressBook: AddressBookService,
  ) {}

  @Patch()
  @Endpoint({ summary: 'Change your display name, phone or mail language', ok: { type: UserDto }, errors: { 400: 'Bad field' } })
  updateMe(@CurrentUser() caller: AuthUser, @Body() body: UpdateMeDto): Promise<UserDto> {
    return this.account.updateMe(caller, body);
  }

  @Post('password')
  @HttpCode(200)
  @Endpoint({
    summary: 'Change your password: every older token ends; answers a fresh token for this session',
    ok: { type: AuthResultDto },
    errors: { 400: 'New password under 8 characters', 401: 'The current password is wrong' },
  })
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangePasswordDto): Promise<AuthResultDto> {
    return this.account.changePassword(caller, body);
  }

  @Post('verification-email')
  @HttpCode(202)
  @ApiResponse({ status: 202, type: MessageDto })
  @Endpoint({
    summary: 'Mail a new email-verification link (nothing when already verified)',
    description: 'Not in contract v1.1; an addition for email verification.',
  })
  async resendVerification(@CurrentUser() caller: AuthUser): Promise<MessageDto> {
    await this.account.resendVerification(caller);
    return { message: 'Unless your email is already confirmed, a new link is on its way' };
  }

  @Get('addresses')
  @Endpoint({ summary: 'Your saved addresses, the default first', access: ['buyer'], ok: { type: [AddressDto] } })
  listAddresses(@CurrentUser() caller: AuthUser): Promise<AddressDto[]> {
    return this.addressBook.list(caller);
  }

  @Post('addresses')
  @Endpoint({
    summary: 'Save an address (the first one becomes the default)',
    access: ['buyer'],
    created: { type: AddressDto },
    errors: { 400: 'Bad field (phone must be a mainland mobile number)', 422: 'Address book full' },
  })
  createAddress(@CurrentUser() caller: AuthUser, @Body() body: CreateAddressDto): Promise<AddressDto> {
    return this.addressBook.create(caller, body);
  }

  @Patch('addresses/:id')
  @Endpoint({ summary: 'Change a saved address, or make it the default', access: ['buyer'], ok: { type: AddressDto }, errors: { 400: 'Bad field', 404: 'No such address of yours' } })
  updateAddress(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateAddressDto): Promise<AddressDto> {
    return this.addressBook.update(caller, id, body);
  }

  @Delete('addresses/:id')
  @Endpoint({ summary: 'Delete a saved address (the oldest other becomes the default)', access: ['buyer'], noContent: true, errors: { 404: 'No such address of yours' } })
  async deleteAddress(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.addressBook.remove(caller, id);
  }
}
