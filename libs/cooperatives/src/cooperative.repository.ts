import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CooperativeDto, MemberDto } from './dto/cooperative.dto';
import { inCallerJurisdictionSql } from '@farmlink/regions';
import type { MemberRole } from '@farmlink/shared';
import type { CooperativeFacts } from './cooperative.access';
import { escapeLike } from '@farmlink/database';

export type CooperativeRow = CooperativeDto;
export type MemberRow = MemberDto;

const COOPERATIVE_COLUMNS = `c.id, c.name, c.county_code AS "countyCode", c.market_code AS "marketCode", r.name AS "countyName",
  c.registration_no AS "registrationNo", c.manager_id AS "managerId", u.display_name AS "managerName",
  (SELECT count(*)::int FROM cooperative_members m WHERE m.cooperative_id = c.id) AS "memberCount",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  COALESCE((SELECT s.slug FROM slugs s WHERE s.entity_type = 'cooperative' AND s.entity_id = c.id AND s.is_current), c.id::text) AS slug`;
const COOPERATIVE_FROM = `cooperatives c JOIN regions r ON r.code = c.county_code JOIN users u ON u.id = c.manager_id`;

const MEMBER_COLUMNS = `m.cooperative_id AS "cooperativeId", m.farmer_id AS "farmerId", u.display_name AS "displayName",
  u.county_code AS "countyCode", m.role, m.joined_at AS "joinedAt"`;

/** All SQL about cooperatives and their members. */
@Injectable()
export class CooperativeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Creates the cooperative and makes the manager its first member, in one transaction. The
   * cooperative is in its manager's market, and its county must be one of that market's: null when not.
   */
  async insertWithManager(input: { name: string; countyCode: string; registrationNo: string | null; managerId: string }): Promise<string | null> {
    return this.db.transaction(async (m: EntityManager) => {
      const [row] = await m.query(
        `INSERT INTO cooperatives (name, county_code, registration_no, manager_id, market_code)
         SELECT $1, $2, $3, $4, u.market_code FROM users u JOIN regions r ON r.code = $2 AND r.market_code = u.market_code
          WHERE u.id = $4
         RETURNING id`,
        [input.name, input.countyCode, input.registrationNo, input.managerId],
      );
      if (!row) return null;
      const id: string = row.id;
      await m.query(`INSERT INTO cooperative_members (cooperative_id, farmer_id, role) VALUES ($1, $2, 'manager')`, [id, input.managerId]);
      return id as string;
    });
  }

  async findById(id: string): Promise<CooperativeRow | null> {
    const rows = await this.db.query(`SELECT ${COOPERATIVE_COLUMNS} FROM ${COOPERATIVE_FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The cooperative a slug (current, or old one kept after a rename) names; one primary-key lookup. */
  async idOfSlug(slug: string): Promise<string | null> {
    // As given, else as farmlink_slugify writes it (upper case, full-width, decomposed forms find it too).
    const rows = await this.db.query(
      `SELECT entity_id AS id FROM slugs WHERE entity_type = 'cooperative' AND slug IN ($1, farmlink_slugify($1)) ORDER BY slug = $1 DESC LIMIT 1`,
      [slug],
    );
    return rows[0]?.id ?? null;
  }

  /** What cooperative.access.ts needs to decide for this caller; null for an unknown cooperative. */
  async accessFacts(id: string, callerId: string): Promise<CooperativeFacts | null> {
    const rows = await this.db.query(
      `SELECT c.manager_id AS "managerId", ${inCallerJurisdictionSql('c.county_code', '$2')} AS "inCallerJurisdiction"
         FROM cooperatives c WHERE c.id = $1`,
      [id, callerId],
    );
    return rows[0] ?? null;
  }

  /** The manager's id, or null for an unknown cooperative (cheap: no joins). */
  async managerOf(id: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT manager_id AS "managerId" FROM cooperatives WHERE id = $1`, [id]);
    return rows[0]?.managerId ?? null;
  }

  /**
   * Farmers of the cooperative's county (not suspended, not yet members) whose name contains `q`,
   * or whose phone is `q` or ends with it (4+ digits): the manager's "add member" search.
   */
  async candidates(cooperativeId: string, q: string, limit: number): Promise<{ id: string; displayName: string; phone: string | null; village: string | null }[]> {
    const digits = /^\d{4,}$/.test(q) ? q : null;
    return this.db.query(
      `SELECT u.id, u.display_name AS "displayName", u.phone, u.village
         FROM cooperatives c JOIN users u ON u.county_code = c.county_code
        WHERE c.id = $1 AND u.role = 'farmer' AND u.suspended_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM cooperative_members m WHERE m.cooperative_id = c.id AND m.farmer_id = u.id)
          AND (u.display_name ILIKE $2 ESCAPE '\\' OR ($3::text IS NOT NULL AND (u.phone = $3 OR u.phone LIKE '%' || $3)))
        ORDER BY u.display_name, u.id
        LIMIT $4`,
      [cooperativeId, `%${escapeLike(q)}%`, digits, limit],
    );
  }

  async list(filter: { countyCode?: string; q?: string; offset: number; limit: number }): Promise<{ items: CooperativeRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.countyCode) {
      params.push(filter.countyCode);
      where.push(`c.county_code = $${params.length}`);
    }
    if (filter.q) {
      params.push(`%${escapeLike(filter.q)}%`);
      where.push(`c.name ILIKE $${params.length} ESCAPE '\\'`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM cooperatives c ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT ${COOPERATIVE_COLUMNS} FROM ${COOPERATIVE_FROM} ${whereSql}
       ORDER BY c.name, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  /** The cooperatives a farmer belongs to (as manager or member), by name. */
  async ofMember(farmerId: string): Promise<CooperativeRow[]> {
    return this.db.query(
      `SELECT ${COOPERATIVE_COLUMNS} FROM ${COOPERATIVE_FROM}
        WHERE c.id IN (SELECT cooperative_id FROM cooperative_members WHERE farmer_id = $1)
        ORDER BY c.name, c.id`,
      [farmerId],
    );
  }

  /** The user's role in the cooperative, or null when not a member. */
  async memberRole(cooperativeId: string, farmerId: string): Promise<MemberRole | null> {
    const rows = await this.db.query(
      `SELECT role FROM cooperative_members WHERE cooperative_id = $1 AND farmer_id = $2`,
      [cooperativeId, farmerId],
    );
    return rows[0]?.role ?? null;
  }

  /** Adds a member; answers null when the farmer is already one. */
  async insertMember(cooperativeId: string, farmerId: string): Promise<MemberRow | null> {
    const rows = await this.db.query(
      `WITH added AS (
         INSERT INTO cooperative_members (cooperative_id, farmer_id, role) VALUES ($1, $2, 'member')
         ON CONFLICT (cooperative_id, farmer_id) DO NOTHING
         RETURNING *)
       SELECT ${MEMBER_COLUMNS} FROM added m JOIN users u ON u.id = m.farmer_id`,
      [cooperativeId, farmerId],
    );
    return rows[0] ?? null;
  }

  /**
   * Removes a member and takes the listings they sold through the cooperative
   * out of it for good (paused; the farmer may sell them on their own), in one
   * transaction. Answers false when the farmer was not a member. (The foreign
   * key from listings to the membership would clear cooperative_id anyway.)
   */
  async deleteMember(cooperativeId: string, farmerId: string): Promise<boolean> {
    return this.db.transaction(async (m: EntityManager) => {
      // Only a current, non-manager member's listings move out; then the membership goes.
      const isMember = await m.query(
        `SELECT 1 FROM cooperative_members WHERE cooperative_id = $1 AND farmer_id = $2 AND role <> 'manager' FOR UPDATE`,
        [cooperativeId, farmerId],
      );
      if (isMember.length === 0) return false;
      await m.query(
        // A listing hidden while its farmer is suspended comes back paused too (held_status, migration 061).
        `UPDATE listings SET cooperative_id = NULL, status = CASE WHEN status = 'active' THEN 'paused' ELSE status END,
                held_status = CASE WHEN held_status = 'active' THEN 'paused' ELSE held_status END, updated_at = now()
          WHERE cooperative_id = $1 AND farmer_id = $2`,
        [cooperativeId, farmerId],
      );
      await m.query(`DELETE FROM cooperative_members WHERE cooperative_id = $1 AND farmer_id = $2`, [cooperativeId, farmerId]);
      return true;
    });
  }

  listMembers(cooperativeId: string): Promise<MemberRow[]> {
    return this.db.query(
      `SELECT ${MEMBER_COLUMNS} FROM cooperative_members m JOIN users u ON u.id = m.farmer_id
        WHERE m.cooperative_id = $1
        ORDER BY (m.role = 'manager') DESC, m.joined_at, m.farmer_id`,
      [cooperativeId],
    );
  }

  /** The role of a user ('farmer', 'buyer', …), or null for an unknown user. */
  async userRole(userId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT role FROM users WHERE id = $1`, [userId]);
    return rows[0]?.role ?? null;
  }
}
