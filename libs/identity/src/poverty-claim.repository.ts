import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PovertyClaimStatus, PovertyDecision } from '@farmlink/shared';

/** A farmer's poverty registration claim as officers see it. */
export interface PovertyClaimRow {
  farmerId: string;
  displayName: string;
  countyCode: string;
  countyName: string;
  registrationNo: string | null;
  status: PovertyClaimStatus;
  claimedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  note: string | null;
}

export interface PovertyDecisionRow {
  farmerId: string;
  status: PovertyDecision;
  decidedAt: Date;
  decidedBy: string;
}

const CLAIM_COLUMNS = `pc.farmer_id AS "farmerId", u.display_name AS "displayName", u.county_code AS "countyCode",
  r.name AS "countyName", pc.registration_no AS "registrationNo", pc.status, pc.claimed_at AS "claimedAt",
  pc.decided_at AS "decidedAt", pc.decided_by AS "decidedBy", d.display_name AS "decidedByName", pc.note`;
const CLAIM_FROM = `poverty_claims pc JOIN users u ON u.id = pc.farmer_id JOIN regions r ON r.code = u.county_code
  LEFT JOIN users d ON d.id = pc.decided_by`;

/**
 * All SQL about poverty registration claims: one row per farmer holding the
 * claim's current state (none = no row). The checkout reads `status = 'verified'`
 * straight from this table (catalog's listing-stock.repository.ts).
 */
@Injectable()
export class PovertyClaimRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Files a claim for a farmer: a new row, or a rejected claim made again. Answers
   * null (and changes nothing) when the farmer's claim is already claimed or verified.
   */
  async claim(manager: EntityManager, farmerId: string, registrationNo: string | null): Promise<{ farmerId: string } | null> {
    const rows: { farmerId: string }[] = await manager.query(
      `INSERT INTO poverty_claims AS pc (farmer_id, registration_no, status)
       VALUES ($1, $2, 'claimed')
       ON CONFLICT (farmer_id) DO UPDATE
          SET registration_no = EXCLUDED.registration_no, status = 'claimed', claimed_at = now(),
              decided_at = NULL, decided_by = NULL, note = NULL
        WHERE pc.status = 'rejected'
       RETURNING pc.farmer_id AS "farmerId"`,
      [farmerId, registrationNo],
    );
    return rows[0] ?? null;
  }

  /** One farmer's claim, or null. */
  find(farmerId: string): Promise<PovertyClaimRow | null> {
    return this.findIn(this.db.manager, farmerId);
  }

  async findIn(manager: EntityManager, farmerId: string): Promise<PovertyClaimRow | null> {
    const rows: PovertyClaimRow[] = await manager.query(`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE pc.farmer_id = $1`, [farmerId]);
    return rows[0] ?? null;
  }

  /** A page of claims, oldest claim first; `counties` null = every county. */
  async list(filter: {
    status?: PovertyClaimStatus;
    countyCode?: string;
    counties: string[] | null;
    offset: number;
    limit: number;
  }): Promise<{ items: PovertyClaimRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      params.push(filter.status);
      where.push(`pc.status = $${params.length}`);
    }
    if (filter.countyCode) {
      params.push(filter.countyCode);
      where.push(`u.county_code = $${params.length}`);
    }
    if (filter.counties) {
      params.push(filter.counties);
      where.push(`u.county_code = ANY($${params.length}::text[])`);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM poverty_claims pc JOIN users u ON u.id = pc.farmer_id ${whereSql}`,
      params,
    );
    const items: PovertyClaimRow[] = await this.db.query(
      `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} ${whereSql}
        ORDER BY pc.claimed_at, pc.farmer_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  /** Locks a farmer's claim for a decision and answers the farmer's county, or null without a claim. */
  async lockForDecision(manager: EntityManager, farmerId: string): Promise<{ countyCode: string; status: PovertyClaimStatus } | null> {
    const rows = await manager.query(
      `SELECT u.county_code AS "countyCode", pc.status
         FROM poverty_claims pc JOIN users u ON u.id = pc.farmer_id
        WHERE pc.farmer_id = $1 AND u.role = 'farmer'
          FOR UPDATE OF pc`,
      [farmerId],
    );
    return rows[0] ?? null;
  }

  /** Records a decision on a locked claim. */
  async decide(manager: EntityManager, farmerId: string, decision: PovertyDecision, note: string | null, decidedBy: string): Promise<PovertyDecisionRow> {
    // An UPDATE answers [rows, affected count] through TypeORM's postgres driver.
    const [rows]: [PovertyDecisionRow[], number] = await manager.query(
      `UPDATE poverty_claims SET status = $2, note = $3, decided_by = $4, decided_at = now()
        WHERE farmer_id = $1
       RETURNING farmer_id AS "farmerId", status, decided_at AS "decidedAt", decided_by AS "decidedBy"`,
      [farmerId, decision, note, decidedBy],
    );
    return rows[0];
  }
}
