import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every API process (the login/register limit):
 * one row per throttler key, counting hits in a fixed window, with the time a
 * key that went over the limit stays blocked. UNLOGGED: counters are worth
 * nothing after a crash and are not needed on replicas, and unlogged writes are
 * cheaper. Expired rows are deleted by a periodic job.
 */
export class RateLimitCounters1780000000067 implements MigrationInterface {
  name = 'RateLimitCounters1780000000067';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await q.query(`CREATE INDEX rate_limit_counters_expiry_idx ON rate_limit_counters (window_ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
