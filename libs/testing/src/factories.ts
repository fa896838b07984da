import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { PovertyStatus, Role } from '@farmlink/shared';
import type { TestApp } from './create-test-app';

/** Real counties (GB/T 2260) used across the tests. */
export const COUNTIES = {
  tongzi: '520322', // 桐梓县, 遵义市, 贵州省
  zhengan: '520324', // 正安县, 遵义市, 贵州省
  leishan: '522634', // 雷山县, 黔东南州, 贵州省
  lankao: '410225', // 兰考县, 开封市, 河南省
  pingshan: '130131', // 平山县, 石家庄市, 河北省
} as const;

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  countyCode: string | null;
  token: string;
  /** `{ Authorization: 'Bearer …' }` */
  auth: { Authorization: string };
}

export interface UserOverrides {
  email?: string;
  displayName?: string;
  countyCode?: string | null;
  village?: string | null;
  /** A verified poor household (shorthand for `povertyStatus: 'verified'`, as the API's `povertyRegistered` means). */
  povertyRegistered?: boolean;
  /** The farmer's poverty claim; `verified` and `rejected` are decided by nobody in particular. */
  povertyStatus?: PovertyStatus;
  jurisdictionCode?: string | null;
  /** The user's market: by default that of their county or jurisdiction, else cn. */
  marketCode?: string;
}

/**
 * Inserts a user straight into the database (fast: no HTTP, one shared
 * password hash) and signs a real access token for it.
 */
export async function createUser(t: TestApp, role: Role, overrides: UserOverrides = {}): Promise<TestUser> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  const email = overrides.email ?? `${role}-${randomBytes(5).toString('hex')}@farmlink.test`;
  const countyCode = overrides.countyCode !== undefined ? overrides.countyCode : role === 'farmer' ? COUNTIES.tongzi : null;
  const [row] = await t.db.query(
    `INSERT INTO users (email, password_hash, display_name, role, county_code, village, jurisdiction_code, market_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
             COALESCE($8, (SELECT r.market_code FROM regions r WHERE r.code = COALESCE($5, $7)), 'cn')) RETURNING id`,
    [
      email,
      await passwordHash,
      overrides.displayName ?? `Test ${role}`,
      role,
      countyCode,
      overrides.village ?? null,
      overrides.jurisdictionCode ?? null,
      overrides.marketCode ?? null,
    ],
  );
  const povertyStatus = overrides.povertyStatus ?? (overrides.povertyRegistered ? 'verified' : 'none');
  if (povertyStatus !== 'none') {
    await t.db.query(
      `INSERT INTO poverty_claims (farmer_id, status, decided_at) VALUES ($1, $2, CASE WHEN $2 = 'claimed' THEN NULL ELSE now() END)`,
      [row.id, povertyStatus],
    );
  }
  const token = t.app.get(JwtService).sign({ sub: row.id, role });
  return { id: row.id, email, role, countyCode, token, auth: { Authorization: `Bearer ${token}` } };
}
