import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '@farmlink/database';
import type { PovertyStatus, Role } from '@farmlink/shared';

/**
 * Everyone who signs in. Farmers carry their county (a GB/T 2260 county code),
 * village and the state of their poverty registration (a claim an officer
 * verifies or rejects, see poverty-claim.repository.ts); officers may carry a
 * jurisdiction that limits what they see.
 */
export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  phone: string | null;
  countyCode: string | null;
  village: string | null;
  /** `none` for everyone without a claim (every non-farmer). */
  povertyStatus: PovertyStatus;
  jurisdictionCode: string | null;
  /** The market the user belongs to (cn unless they registered in another). */
  marketCode: string;
  /** The language of the mail the user receives. */
  locale: UserLocale;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type UserLocale = 'zh-CN' | 'en';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  phone?: string | null;
  countyCode?: string | null;
  village?: string | null;
  jurisdictionCode?: string | null;
  locale?: UserLocale;
  marketCode?: string;
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.phone, u.county_code AS "countyCode",
  u.village, COALESCE((SELECT pc.status FROM poverty_claims pc WHERE pc.farmer_id = u.id), 'none') AS "povertyStatus",
  u.jurisdiction_code AS "jurisdictionCode", u.market_code AS "marketCode", u.locale, u.email_verified_at AS "emailVerifiedAt",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** All SQL about users. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts a user and answers it (never the hash), on the caller's transaction when given one.
   * A taken email fails on `users_email_lower_uq`.
   */
  async insert(manager: EntityManager, user: NewUser): Promise<User> {
    const rows: User[] = await manager.query(
      `INSERT INTO users AS u (email, password_hash, display_name, role, phone, county_code, village, jurisdiction_code, locale, market_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING ${USER_COLUMNS}`,
      [
        user.email.trim(),
        user.passwordHash,
        user.displayName,
        user.role,
        user.phone ?? null,
        user.countyCode ?? null,
        user.village ?? null,
        user.jurisdictionCode ?? null,
        user.locale ?? 'zh-CN',
        user.marketCode ?? 'cn',
      ],
    );
    return rows[0];
  }

  findById(id: string): Promise<User | null> {
    return this.findByIdIn(this.db.manager, id);
  }

  async findByIdIn(manager: EntityManager, id: string): Promise<User | null> {
    const rows: User[] = await manager.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Case-insensitive; includes the password hash. */
  async findByEmailWithHash(email: string): Promise<(User & { passwordHash: string }) | null> {
    const rows = await this.db.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.email) = lower($1)`,
      [email.trim()],
    );
    return rows[0] ?? null;
  }

  /** The user's password hash, read on the caller's transaction (to check a current password). */
  async passwordHash(manager: EntityManager, id: string): Promise<string | null> {
    const rows = await manager.query(`SELECT password_hash AS "passwordHash" FROM users WHERE id = $1`, [id]);
    return rows[0]?.passwordHash ?? null;
  }

  /**
   * Sets a new password hash and bumps the token version (every older token ends); with `verifiesEmail`
   * (a reset by mailed link proves the address) also marks the email verified. Answers the new token version.
   */
  async setPassword(manager: EntityManager, id: string, passwordHash: string, verifiesEmail = false): Promise<number> {
    const rows = await manager.query(
      `WITH changed AS (
         UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now(),
                email_verified_at = CASE WHEN $3 THEN COALESCE(email_verified_at, now()) ELSE email_verified_at END
          WHERE id = $1 RETURNING token_version)
       SELECT token_version AS "tokenVersion" FROM changed`,
      [id, passwordHash, verifiesEmail],
    );
    return rows[0].tokenVersion;
  }

  /** Changes the fields a user may change about themself; a field left undefined stays as it is. */
  async updateProfile(manager: EntityManager, id: string, p: { displayName?: string; phone?: string | null; locale?: UserLocale }): Promise<User | null> {
    const rows: User[] = await manager.query(
      `WITH changed AS (
         UPDATE users SET
                display_name = CASE WHEN $2 THEN $3 ELSE display_name END,
                phone        = CASE WHEN $4 THEN $5 ELSE phone END,
                locale       = CASE WHEN $6 THEN $7 ELSE locale END,
                updated_at   = now()
          WHERE id = $1 RETURNING *)
       SELECT ${USER_COLUMNS} FROM changed u`,
      [id, p.displayName !== undefined, p.displayName ?? null, p.phone !== undefined, p.phone ?? null, p.locale !== undefined, p.locale ?? 'zh-CN'],
    );
    return rows[0] ?? null;
  }

  /** Locks the user's row until the transaction ends (serializes per-user limits such as the reset-mail count). */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Marks the user's email verified (first time only). */
  async markEmailVerified(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1`, [id]);
  }

  /** The admin account with this email counts as verified (the first admin from ADMIN_EMAIL); no change to anyone else. */
  async markAdminEmailVerified(email: string): Promise<void> {
    await this.db.query(
      `UPDATE users SET email_verified_at = now(), updated_at = now() WHERE lower(email) = lower($1) AND role = 'admin' AND email_verified_at IS NULL`,
      [email.trim()],
    );
  }

  async emailExists(email: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email.trim()]);
    return rows.length > 0;
  }

  // ---- trust: token checks, suspension, the admin's list ----

  /** What the auth guard checks on every request: the user's current role, token version and suspension. */
  async authState(id: string): Promise<UserAuthState | null> {
    const rows = await this.db.query(
      `SELECT role, token_version AS "tokenVersion", suspended_at IS NOT NULL AS suspended FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Suspends the user and bumps their token version (every token issued before ends); null when unknown. */
  async suspend(manager: EntityManager, id: string, reason: string): Promise<AdminUserRow | null> {
    // In a CTE, so the driver answers the rows (a bare UPDATE answers [rows, count]).
    const rows = await manager.query(
      `WITH changed AS (
         UPDATE users SET suspended_at = now(), suspension_reason = $2, token_version = token_version + 1, updated_at = now()
          WHERE id = $1
          RETURNING *)
       SELECT ${ADMIN_USER_COLUMNS} FROM changed`,
      [id, reason],
    );
    return rows[0] ?? null;
  }

  /** Lifts the suspension (tokens from before it stay invalid: the version was bumped); null when unknown. */
  async reinstate(manager: EntityManager, id: string): Promise<AdminUserRow | null> {
    const rows = await manager.query(
      `WITH changed AS (
         UPDATE users SET suspended_at = NULL, suspension_reason = NULL, updated_at = now()
          WHERE id = $1
          RETURNING *)
       SELECT ${ADMIN_USER_COLUMNS} FROM changed`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the user's row for a moderation decision; null when unknown. */
  async lockForModeration(manager: EntityManager, id: string): Promise<AdminUserRow | null> {
    const rows = await manager.query(`SELECT ${ADMIN_USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Ends every token the user holds (a password or role change calls this in its transaction). */
  async bumpTokenVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** The admin's list: newest first; `q` matches a part of the email or display name. */
  async listForAdmin(f: { q?: string; role?: Role; offset: number; limit: number }): Promise<{ items: AdminUserRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.q) {
      params.push(`%${escapeLike(f.q)}%`);
      where.push(`(email ILIKE $${params.length} ESCAPE '\\' OR display_name ILIKE $${params.length} ESCAPE '\\')`);
    }
    if (f.role) {
      params.push(f.role);
      where.push(`role = $${params.length}`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT ${ADMIN_USER_COLUMNS} FROM users ${whereSql}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, f.limit, f.offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM users ${whereSql}`, params),
    ]);
    return { items: rows, total };
  }
}

export interface UserAuthState {
  role: Role;
  tokenVersion: number;
  suspended: boolean;
}

/** A user as the admin's list shows it. */
export interface AdminUserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  countyCode: string | null;
  jurisdictionCode: string | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  createdAt: Date;
}

const ADMIN_USER_COLUMNS = `id, email, display_name AS "displayName", role, county_code AS "countyCode",
  jurisdiction_code AS "jurisdictionCode", suspended_at AS "suspendedAt", suspension_reason AS "suspensionReason",
  created_at AS "createdAt"`;
