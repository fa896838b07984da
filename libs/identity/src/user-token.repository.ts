import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type UserTokenPurpose = 'password_reset' | 'email_verification';

/**
 * All SQL about the single-use tokens mailed to users (password reset, email
 * verification). Only a SHA-256 hash of each token is stored.
 */
@Injectable()
export class UserTokenRepository {
  async insert(m: EntityManager, t: { userId: string; purpose: UserTokenPurpose; tokenHash: Buffer; validMinutes: number }): Promise<void> {
    await m.query(
      `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [t.userId, t.purpose, t.tokenHash, t.validMinutes],
    );
  }

  /** Uses a token: answers its user when it exists for `purpose`, is unused and unexpired (and marks it used), else null. */
  async consume(m: EntityManager, tokenHash: Buffer, purpose: UserTokenPurpose): Promise<string | null> {
    const rows = await m.query(
      `WITH used AS (
         UPDATE user_tokens SET used_at = now()
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id)
       SELECT user_id AS "userId" FROM used`,
      [tokenHash, purpose],
    );
    return rows[0]?.userId ?? null;
  }

  /** Ends every other unused token of the user for `purpose` (after a reset, older links stop working). */
  async revokeAll(m: EntityManager, userId: string, purpose: UserTokenPurpose): Promise<void> {
    await m.query(`UPDATE user_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
  }

  /** How many tokens the user was sent for `purpose` in the last `minutes` (the per-address limit on mails). */
  async countRecent(m: EntityManager, userId: string, purpose: UserTokenPurpose, minutes: number): Promise<number> {
    const rows = await m.query(
      `SELECT count(*)::int AS n FROM user_tokens WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(mins => $3)`,
      [userId, purpose, minutes],
    );
    return rows[0].n;
  }
}
