import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { AUDIT_ACTIONS, BadRequestError, DEFAULT_PAGE_SIZE, pageOf, type KnownAuditAction, type Page } from '@farmlink/shared';
import type { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  /** Who did it (null for the system, e.g. the first admin created from ADMIN_EMAIL). */
  actorId: string | null;
  actorRole: string | null;
  action: KnownAuditAction | (string & {});
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** The actor fields of an entry, from the caller. */
export function actorOf(caller: AuthUser | null | undefined): Pick<AuditEntry, 'actorId' | 'actorRole'> {
  return { actorId: caller?.id ?? null, actorRole: caller?.role ?? null };
}

/**
 * The audit trail. `record` writes on the caller's transaction: pass the
 * EntityManager of the transaction that makes the change, so the entry and the
 * change commit together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  record(manager: EntityManager, entry: AuditEntry): Promise<string> {
    return this.repo.insert(manager, {
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details ?? {},
    });
  }

  /** For actions that change nothing in the database (e.g. a report export): the entry alone, in its own transaction. */
  recordAlone(entry: AuditEntry): Promise<string> {
    return inTransaction(this.db, (m) => this.record(m, entry));
  }

  async list(q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const from = q.from ? boundOf(q.from, 'from') : undefined;
    const to = q.to ? boundOf(q.to, 'to') : undefined;
    const { items, total } = await this.repo.list({
      action: q.action,
      actorId: q.actorId,
      targetId: q.targetId,
      from,
      to,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return pageOf(items, total, page, pageSize);
  }
}

/**
 * `from` is inclusive, `to` exclusive for a date-time; a bare date (YYYY-MM-DD,
 * a UTC day) counts whole: `to=2026-05-01` includes all of 1 May.
 */
function boundOf(value: string, which: 'from' | 'to'): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t.getTime())) throw new BadRequestError(`${which} must be an ISO 8601 date or date-time`);
  if (dateOnly && which === 'to') t.setUTCDate(t.getUTCDate() + 1);
  return t;
}

export { AUDIT_ACTIONS, type KnownAuditAction };
