import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { NotificationsService, templates } from '@farmlink/notifications';
import type { User } from './user.repository';
import { UserTokenRepository, type UserTokenPurpose } from './user-token.repository';

/** How long a password-reset link works. */
export const PASSWORD_RESET_MINUTES = 30;
/** How long an email-verification link works. */
export const EMAIL_VERIFICATION_HOURS = 72;

/** The SHA-256 of a mailed token: what is stored and looked up (the token itself is never stored). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Makes the single-use tokens mailed to users and writes their mails to the
 * outbox, on the caller's transaction (the token and its mail commit together).
 */
@Injectable()
export class AccountMails {
  private readonly webUrl: string;

  constructor(
    private readonly tokens: UserTokenRepository,
    private readonly notifications: NotificationsService,
    config: ConfigService,
  ) {
    this.webUrl = String(config.get('PUBLIC_WEB_URL') ?? 'http://localhost:3000').replace(/\/+$/, '');
  }

  async passwordReset(m: EntityManager, user: User): Promise<void> {
    const token = await this.newToken(m, user.id, 'password_reset', PASSWORD_RESET_MINUTES);
    const link = `${this.webUrl}/reset-password?token=${token}`;
    await this.notifications.enqueueEmail(m, user.email, 'password_reset', templates.passwordReset(user.locale, { name: user.displayName, link, minutes: PASSWORD_RESET_MINUTES }));
  }

  async emailVerification(m: EntityManager, user: User): Promise<void> {
    const token = await this.newToken(m, user.id, 'email_verification', EMAIL_VERIFICATION_HOURS * 60);
    const link = `${this.webUrl}/verify-email?token=${token}`;
    await this.notifications.enqueueEmail(m, user.email, 'email_verification', templates.emailVerification(user.locale, { name: user.displayName, link }));
  }

  private async newToken(m: EntityManager, userId: string, purpose: UserTokenPurpose, validMinutes: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert(m, { userId, purpose, tokenHash: hashToken(token), validMinutes });
    return token;
  }
}
