import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  phone?: string | null;
  countyCode?: string | null;
  village?: string | null;
  jurisdictionCode?: string | null;
}

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.phone, u.county_code AS "countyCode",
  u.village, COALESCE((SELECT pc.status FROM poverty_claims pc WHERE pc.farmer_id = u.id), 'none') AS "povertyStatus",
  u.jurisdiction_code AS "jurisdictionCode",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** All SQL about users. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts a user and answers it (never the hash), on the caller's transaction when given one.
   * A taken email fails on `users_email_lower_uq`.
   */
  async insert(user: NewUser, manager: EntityManager = this.db.manager): Promise<User> {
    const rows: User[] = await manager.query(
      `INSERT INTO users AS u (email, password_hash, display_name, role, phone, county_code, village, jurisdiction_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
      ],
    );
    return rows[0];
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<User | null> {
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

  async emailExists(email: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [email.trim()]);
    return rows.length > 0;
  }
}
