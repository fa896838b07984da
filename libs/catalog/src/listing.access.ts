import type { AuthUser } from '@farmlink/common';
import type { ListingStatus } from '@farmlink/shared';
import {
  ListingArchivedError,
  ListingHeldError,
  ListingNotFoundError,
  ListingRemovedError,
  NotListingEditorError,
  NotListingOwnerError,
} from './catalog.errors';

/**
 * Who may see and change a listing — decided here and nowhere else
 * (catalog.service.ts asks before every read of one listing and every change;
 * search shows only active listings):
 *  - active and paused listings are public;
 *  - an archived one, or one hidden while its farmer is suspended, only to its
 *    farmer, its cooperative's manager and admins;
 *  - a removed (taken down) one only to its farmer, who sees why;
 *  - its farmer and its cooperative's manager change it; only the farmer
 *    archives it or moves it to another cooperative; nobody changes a removed,
 *    archived or held one.
 * A listing the caller may not see is 404, like an unknown id.
 */
export interface ListingFacts {
  id: string;
  farmerId: string;
  cooperativeManagerId: string | null;
  status: ListingStatus;
}

export function mayReadListing(caller: AuthUser | undefined, l: ListingFacts): boolean {
  switch (l.status) {
    case 'active':
    case 'paused':
      return true;
    case 'removed':
      return caller?.id === l.farmerId;
    case 'archived':
    case 'suspended':
      return !!caller && (caller.role === 'admin' || caller.id === l.farmerId || caller.id === l.cooperativeManagerId);
  }
}

export type ListingChange = 'edit' | 'move' | 'archive';

/** Throws unless the caller may make this change: 404 when they may not see it, 403 when it is not theirs, 409/422 by its status. */
export function assertMayChangeListing(caller: AuthUser, l: ListingFacts, change: ListingChange): void {
  if (!mayReadListing(caller, l)) throw new ListingNotFoundError(l.id);
  const isFarmer = caller.id === l.farmerId;
  const isEditor = isFarmer || (l.cooperativeManagerId !== null && caller.id === l.cooperativeManagerId);
  if (change === 'archive') {
    if (!isFarmer) throw new NotListingOwnerError('archive it');
  } else if (!isEditor) {
    throw new NotListingEditorError();
  }
  if (l.status === 'removed') throw new ListingRemovedError();
  if (l.status === 'suspended') throw new ListingHeldError();
  if (l.status === 'archived' && change !== 'archive') throw new ListingArchivedError();
  if (change === 'move' && !isFarmer) throw new NotListingOwnerError('move it to another cooperative');
}

/** A listing's stock history is its farmer's, its cooperative's manager's and admins' (whatever its status): 404 unseen, 403 not theirs. */
export function assertMayReadStockHistory(caller: AuthUser, l: ListingFacts): void {
  if (!mayReadListing(caller, l)) throw new ListingNotFoundError(l.id);
  const isEditor = caller.id === l.farmerId || (l.cooperativeManagerId !== null && caller.id === l.cooperativeManagerId);
  if (!isEditor && caller.role !== 'admin') throw new NotListingEditorError();
}
