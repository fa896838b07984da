import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  offset: number;
  limit: number;
}

/** All SQL about the audit log. The table only ever grows (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one entry on the caller's transaction, so it commits (or rolls back) with the change it records. */
  async insert(manager: EntityManager, e: Omit<AuditRow, 'id' | 'at'>): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, target_type, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [e.actorId, e.actorRole, e.action, e.targetType, e.targetId, JSON.stringify(e.details ?? {})],
    );
    return id;
  }

  /** One page of entries matching the filter, newest first (by insertion order), and how many match. */
  async list(f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.action) add((p) => `action = ${p}`, f.action);
    if (f.actorId) add((p) => `actor_id = ${p}::uuid`, f.actorId);
    if (f.targetId) add((p) => `target_id = ${p}`, f.targetId);
    if (f.from) add((p) => `at >= ${p}`, f.from);
    if (f.to) add((p) => `at < ${p}`, f.to);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT id, at, actor_id AS "actorId", actor_role AS "actorRole", action, target_type AS "targetType",
                target_id AS "targetId", details
           FROM audit_log ${whereSql}
          ORDER BY seq DESC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, f.limit, f.offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM audit_log ${whereSql}`, params),
    ]);
    return { items: rows as AuditRow[], total };
  }
}
