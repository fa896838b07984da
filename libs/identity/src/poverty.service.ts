import { Injectable } from '@nestjs/common';
import { actorOf, AuditService } from '@farmlink/audit';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { DEFAULT_PAGE_SIZE, pageOf, type Page, type PovertyDecision } from '@farmlink/shared';
import { PovertyClaimDto, PovertyClaimQueryDto, PovertyDecisionDto } from './dto/poverty.dto';
import { PovertyAlreadyClaimedError, PovertyClaimNotFoundError } from './identity.errors';
import { PovertyClaimAccess } from './poverty-claim.access';
import { PovertyClaimRepository } from './poverty-claim.repository';

/**
 * Poverty registration: farmers claim, officers of the farmer's county (or
 * admins) verify or reject. Only a verified claim makes a farmer's sales count
 * as reaching a poor household, from the next order on (checkout snapshots it).
 */
@Injectable()
export class PovertyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: PovertyClaimRepository,
    private readonly access: PovertyClaimAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Files a farmer's claim on the caller's transaction (registration opens one). 409 when the farmer
   * already has a claim waiting or verified; a rejected farmer may claim again.
   */
  async fileClaim(manager: EntityManager, farmerId: string, registrationNo: string | null): Promise<void> {
    const filed = await this.claims.claim(manager, farmerId, registrationNo);
    if (!filed) {
      const current = await this.claims.findIn(manager, farmerId);
      throw new PovertyAlreadyClaimedError(current?.status ?? 'claimed');
    }
    // AUDIT (if claims are audited too): AuditService.record(manager, { action: 'poverty.claim', targetType: 'user',
    //   targetId: farmerId, details: { registrationNo } }) here, on the caller's transaction (registration's, or claim()'s).
  }

  /** POST /api/me/poverty-claim (the caller is a farmer: the guard's @Roles). */
  async claim(farmer: AuthUser, registrationNo: string | undefined): Promise<PovertyClaimDto> {
    return inTransaction(this.db, async (manager) => {
      await this.fileClaim(manager, farmer.id, registrationNo ?? null);
      return (await this.claims.findIn(manager, farmer.id))!;
    });
  }

  /** The caller's own claim, or null (farmers). */
  myClaim(farmer: AuthUser): Promise<PovertyClaimDto | null> {
    return this.claims.find(farmer.id);
  }

  /** GET /api/poverty-claims: only claims of farmers inside the caller's jurisdiction. */
  async list(caller: AuthUser, query: PovertyClaimQueryDto): Promise<Page<PovertyClaimDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const counties = await this.access.countiesFor(caller);
    const { items, total } = await this.claims.list({
      status: query.status,
      countyCode: query.countyCode,
      counties,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return pageOf(items, total, page, pageSize);
  }

  /**
   * POST /api/farmers/:id/poverty-verification, in one transaction: lock the claim, check the
   * caller may decide it (404 otherwise, as for a farmer without a claim), record the decision.
   * Orders placed from the commit on snapshot the new status; earlier orders keep theirs.
   */
  async decide(caller: AuthUser, farmerId: string, decision: PovertyDecision, note: string | undefined): Promise<PovertyDecisionDto> {
    const jurisdiction = await this.access.jurisdictionOf(caller); // before the transaction: it reads through the pool
    return inTransaction(this.db, async (manager) => {
      const claim = await this.claims.lockForDecision(manager, farmerId);
      if (!claim || !(await this.access.mayDecide(caller, jurisdiction, claim.countyCode))) throw new PovertyClaimNotFoundError(farmerId);
      const decided = await this.claims.decide(manager, farmerId, decision, note ?? null, caller.id);
      await this.audit.record(manager, {
        ...actorOf(caller),
        action: decision === 'verified' ? 'poverty.verify' : 'poverty.reject',
        targetType: 'user',
        targetId: farmerId,
        details: { previousStatus: claim.status, countyCode: claim.countyCode, note: note ?? null },
      });
      return decided;
    });
  }
}
