import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { TtlCache } from './ttl-cache';

/** A public listing's answer: its JSON text, the UTF-8 bytes sent (encoded once, not per request) and their ETag. */
export interface CachedListing {
  json: string;
  body: Buffer;
  etag: string;
}

/** A strong ETag of a JSON answer. */
export function etagOf(json: string): string {
  return `"${createHash('sha1').update(json).digest('base64url')}"`;
}

/**
 * The product page's answers (GET /api/listings/:id) of public (active or
 * paused) listings, kept as the JSON text sent, for CATALOG_LISTING_CACHE_MS
 * (1 s). Forgotten in this process by every change through the catalog (edits,
 * photos, moderation, suspension) and by stock taken or given back; other API
 * processes see the change within the TTL, as with the search pages.
 */
@Injectable()
export class ListingCache {
  private readonly entries: TtlCache<CachedListing>;
  /** Bumped by every forget/clear: an answer read before a change is never stored after it. */
  private generation = 0;

  constructor(config: ConfigService) {
    this.entries = new TtlCache(Number(config.get('CATALOG_LISTING_CACHE_MS') ?? 1_000), 10_000);
  }

  get(id: string): CachedListing | undefined {
    return this.entries.get(id);
  }

  /** Take before reading the row; pass to set(). */
  ticket(): number {
    return this.generation;
  }

  /** Stores the answer unless a change was forgotten since `ticket` was taken (the answer may predate it). */
  set(id: string, value: CachedListing, ticket: number): void {
    if (ticket === this.generation) this.entries.set(id, value);
  }

  forget(ids: Iterable<string>): void {
    this.generation++;
    for (const id of ids) this.entries.delete(id);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
