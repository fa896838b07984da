import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '@farmlink/audit';
import type { AuthUser } from '@farmlink/common';
import { inTransaction } from '@farmlink/database';
import { IdentityService, type AdminUserDto } from '@farmlink/identity';
import { ListingAlreadyRemovedError, ListingNotFoundError } from './catalog.errors';
import { CatalogService } from './catalog.service';
import type { TakedownDto } from './dto/moderation.dto';
import { ListingRepository } from './listing.repository';

/**
 * An admin's moderation: suspending and reinstating accounts (their listings
 * leave the shop and come back) and taking listings down. It sits in catalog
 * because it changes users (through identity) and listings together: each
 * decision, its listings and its audit entry commit in one transaction; then
 * this process forgets the user's cached auth state and the cached search
 * pages (other processes: within AUTH_USER_CACHE_MS and the catalog TTLs).
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly identity: IdentityService,
    private readonly listings: ListingRepository,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async suspend(caller: AuthUser, userId: string, reason: string): Promise<AdminUserDto> {
    return this.changeUser(caller, userId, 'user.suspend', async (m) => {
      const user = await this.identity.suspend(m, caller, userId, reason);
      return { user, details: { reason, listingsHidden: await this.listings.holdForSuspension(m, userId) } };
    });
  }

  async reinstate(caller: AuthUser, userId: string): Promise<AdminUserDto> {
    return this.changeUser(caller, userId, 'user.reinstate', async (m) => {
      const user = await this.identity.reinstate(m, userId);
      return { user, details: { listingsRestored: await this.listings.releaseAfterSuspension(m, userId) } };
    });
  }

  /** One moderation of a user: the change and its audit entry in one transaction; then this process forgets what it cached of them. */
  private async changeUser(
    caller: AuthUser,
    userId: string,
    action: 'user.suspend' | 'user.reinstate',
    change: (m: EntityManager) => Promise<{ user: AdminUserDto; details: Record<string, unknown> }>,
  ): Promise<AdminUserDto> {
    const user = await inTransaction(this.db, async (m) => {
      const { user, details } = await change(m);
      await this.audit.record(m, { ...actorOf(caller), action, targetType: 'user', targetId: userId, details: { ...details, email: user.email, role: user.role } });
      return user;
    });
    this.identity.forgetAuthState(userId);
    this.catalog.changed();
    return user;
  }

  async takedown(caller: AuthUser, listingId: string, reason: string): Promise<TakedownDto> {
    const result = await inTransaction(this.db, async (m) => {
      const listing = await this.listings.lockForModeration(m, listingId);
      if (!listing) throw new ListingNotFoundError(listingId);
      if (listing.status === 'removed') throw new ListingAlreadyRemovedError();
      const { removedAt, previousStatus } = await this.listings.remove(m, listingId, reason, caller.id);
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'listing.takedown',
        targetType: 'listing',
        targetId: listingId,
        details: { reason, title: listing.title, farmerId: listing.farmerId, previousStatus },
      });
      return { id: listingId, status: 'removed' as const, removalReason: reason, removedAt };
    });
    this.catalog.changed();
    return result;
  }
}
