import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@farmlink/common';
import { RegionsService } from '@farmlink/regions';
import { UserRepository } from './user.repository';

/**
 * Who may see and decide poverty claims: the one place that says so. Admins and
 * officers without a jurisdiction (national) every claim; an officer with a
 * jurisdiction only the claims of farmers whose county lies inside it. A claim
 * the caller may not see is answered as unknown (404), never 403.
 */
@Injectable()
export class PovertyClaimAccess {
  constructor(
    private readonly users: UserRepository,
    private readonly regions: RegionsService,
  ) {}

  /**
   * The officer's jurisdiction, or null when the caller sees every county (admin, national officer).
   * Call it before opening a transaction: it reads through the pool (and loads the regions once).
   */
  async jurisdictionOf(caller: AuthUser): Promise<string | null> {
    if (caller.role !== 'officer') return null;
    const jurisdiction = (await this.users.findById(caller.id))?.jurisdictionCode ?? null;
    if (jurisdiction) await this.regions.find(jurisdiction); // the region tree is cached from here on
    return jurisdiction;
  }

  /** The counties whose claims the caller may list, or null for all. */
  async countiesFor(caller: AuthUser): Promise<string[] | null> {
    const jurisdiction = await this.jurisdictionOf(caller);
    return jurisdiction ? this.regions.countiesWithin(jurisdiction) : null;
  }

  /** May the caller (whose jurisdiction is `jurisdiction`, from jurisdictionOf) decide the claim of a farmer in this county? */
  async mayDecide(caller: AuthUser, jurisdiction: string | null, countyCode: string): Promise<boolean> {
    if (caller.role === 'admin') return true;
    if (caller.role !== 'officer') return false;
    return jurisdiction === null || (await this.regions.isWithin(countyCode, jurisdiction));
  }
}
