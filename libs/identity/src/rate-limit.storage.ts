import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { RateLimitRepository } from './rate-limit.repository';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler storage in PostgreSQL: every API process counts a client's
 * login and register attempts in the same row, so N processes allow 10 a
 * minute in total, not N × 10. The default; with REDIS_URL the Redis storage
 * (@nest-lab/throttler-storage-redis) is used instead (identity.module.ts).
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly counters: RateLimitRepository;

  constructor(db: DataSource) {
    this.counters = new RateLimitRepository(db);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const hit = await this.counters.hit(`${throttlerName}:${key}`, ttl, limit, blockDuration);
    const isBlocked = hit.blockedMsLeft > 0;
    return {
      totalHits: hit.hits,
      timeToExpire: Math.ceil(hit.windowMsLeft / 1000),
      isBlocked,
      timeToBlockExpire: Math.ceil(hit.blockedMsLeft / 1000),
    };
  }
}
