import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UserAuthState, UserRepository } from './user.repository';

/**
 * The auth guard's look-up of a user's role, token version and suspension,
 * kept in this process for at most AUTH_USER_CACHE_MS (default 2 s, at most
 * 5 s) so that a busy buyer's requests (checkout) cost one query per couple of
 * seconds, not one each. Changes made here (suspension, reinstatement) forget
 * the entry at once; another process notices within the bound.
 */
@Injectable()
export class AuthStateCache {
  private readonly ttlMs: number;
  private readonly entries = new Map<string, { expires: number; state: Promise<UserAuthState | null> }>();
  private static readonly MAX_ENTRIES = 20_000;

  constructor(
    private readonly users: UserRepository,
    config: ConfigService,
  ) {
    this.ttlMs = Number(config.get('AUTH_USER_CACHE_MS') ?? 2000);
  }

  get(userId: string): Promise<UserAuthState | null> {
    if (this.ttlMs <= 0) return this.users.authState(userId);
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.expires > now) return hit.state;
    if (this.entries.size >= AuthStateCache.MAX_ENTRIES) this.sweep(now);
    // The promise is cached, so concurrent requests of one user share one query; a failed query is not kept.
    const state = this.users.authState(userId);
    this.entries.set(userId, { expires: now + this.ttlMs, state });
    state.catch(() => this.entries.delete(userId));
    return state;
  }

  /** Forgets a user (after a change to their role, token version or suspension in this process). */
  forget(userId: string): void {
    this.entries.delete(userId);
  }

  private sweep(now: number): void {
    for (const [id, e] of this.entries) if (e.expires <= now) this.entries.delete(id);
    if (this.entries.size >= AuthStateCache.MAX_ENTRIES) this.entries.clear();
  }
}
