import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { NotFoundError } from '@farmlink/shared';
import { AccountMails, hashToken } from './account-mails';
import type { ChangePasswordDto, PasswordResetConfirmDto, UpdateMeDto } from './dto/account.dto';
import { AuthResultDto, UserDto } from './dto/user.dto';
import { InvalidAccountTokenError, WrongCurrentPasswordError } from './identity.errors';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { UserTokenRepository } from './user-token.repository';
import { UserRepository } from './user.repository';

/** At most this many reset mails per address in RESET_WINDOW_MINUTES (beyond the per-IP throttle of /api/auth). */
const RESET_MAILS_PER_WINDOW = 3;
const RESET_WINDOW_MINUTES = 30;

/**
 * What a user does about their own account: recover it by mail, verify their
 * email, change their password, name, phone and mail language.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: UserTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly mails: AccountMails,
    private readonly identity: IdentityService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Mails a single-use reset link when the address belongs to an active account; answers nothing
   * either way (the caller answers 202), so the answer never tells whether an address is registered.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const found = await this.users.findByEmailWithHash(email);
    if (!found) return;
    const state = await this.users.authState(found.id);
    if (!state || state.suspended) return;
    await inTransaction(this.db, async (m) => {
      await this.users.lock(m, found.id); // concurrent requests count one after another
      if ((await this.tokens.countRecent(m, found.id, 'password_reset', RESET_WINDOW_MINUTES)) >= RESET_MAILS_PER_WINDOW) return;
      await this.mails.passwordReset(m, found); // delivered by the job queue once this commits
    });
  }

  /** Sets a new password from a mailed token: the token and every other reset link end, and so does every token the user held. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await this.hasher.hash(dto.newPassword);
    const userId = await inTransaction(this.db, async (m) => {
      const id = await this.tokens.consume(m, hashToken(dto.token), 'password_reset');
      if (!id) throw new InvalidAccountTokenError();
      await this.users.setPassword(m, id, passwordHash, true);
      await this.tokens.revokeAll(m, id, 'password_reset');
      return id;
    });
    this.identity.forgetAuthState(userId);
  }

  /** Changes the password (the current one must be right: 401 otherwise); ends every older token and answers a fresh one. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto): Promise<AuthResultDto> {
    const current = await this.users.passwordHash(this.db.manager, caller.id);
    if (!current || !(await this.hasher.verify(current, dto.currentPassword))) throw new WrongCurrentPasswordError();
    const passwordHash = await this.hasher.hash(dto.newPassword);
    const version = await inTransaction(this.db, (m) => this.users.setPassword(m, caller.id, passwordHash));
    this.identity.forgetAuthState(caller.id);
    const user = await this.users.findById(caller.id);
    if (!user) throw new NotFoundError('User', caller.id);
    return this.identity.sessionFor(user, version);
  }

  /** Changes the caller's display name, phone or mail language. */
  async updateMe(caller: AuthUser, dto: UpdateMeDto): Promise<UserDto> {
    const phone = dto.phone === undefined ? undefined : dto.phone === null || dto.phone === '' ? null : dto.phone;
    const user = await inTransaction(this.db, (m) => this.users.updateProfile(m, caller.id, { displayName: dto.displayName, phone, locale: dto.locale }));
    if (!user) throw new NotFoundError('User', caller.id);
    return UserDto.from(user);
  }

  /** Marks the email verified from a mailed token (400 for an unknown, used or expired one). */
  async verifyEmail(token: string): Promise<UserDto> {
    const user = await inTransaction(this.db, async (m) => {
      const id = await this.tokens.consume(m, hashToken(token), 'email_verification');
      if (!id) throw new InvalidAccountTokenError();
      await this.users.markEmailVerified(m, id);
      return this.users.findByIdIn(m, id);
    });
    return UserDto.from(user!);
  }

  /** Mails a new verification link to the caller (nothing when already verified; at most a few an hour). */
  async resendVerification(caller: AuthUser): Promise<void> {
    const user = await this.users.findById(caller.id);
    if (!user || user.emailVerifiedAt) return;
    await inTransaction(this.db, async (m) => {
      await this.users.lock(m, user.id);
      if ((await this.tokens.countRecent(m, user.id, 'email_verification', 60)) >= RESET_MAILS_PER_WINDOW) return;
      await this.mails.emailVerification(m, user); // delivered by the job queue once this commits
    });
  }
}
