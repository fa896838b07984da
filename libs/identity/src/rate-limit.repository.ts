import { DataSource } from 'typeorm';

export interface RateLimitHit {
  /** Hits counted in the key's current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  windowMsLeft: number;
  /** Milliseconds the key stays blocked (0: not blocked). */
  blockedMsLeft: number;
}

/**
 * All SQL of the shared rate-limit counters (table `rate_limit_counters`,
 * migration 1780000000067). Not a Nest provider: the throttler's storage is
 * built in ThrottlerModule's factory, with the app's DataSource.
 */
export class RateLimitRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Counts one hit on `key`, atomically across every process (one upsert, the
   * row locked by it): a window that has ended starts again at 1; a key whose
   * hits go over `limit` is blocked for `blockMs` from that hit, and a blocked
   * key's hits are not counted further.
   */
  async hit(key: string, windowMs: number, limit: number, blockMs: number): Promise<RateLimitHit> {
    const [row] = await this.db.query(
      `INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2 / 1000.0), CASE WHEN 1 > $3 THEN clock_timestamp() + make_interval(secs => $4 / 1000.0) END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE
                  WHEN c.blocked_until > clock_timestamp() THEN c.hits
                  WHEN c.window_ends_at <= clock_timestamp() THEN 1
                  ELSE c.hits + 1 END,
         window_ends_at = CASE
                  WHEN c.blocked_until > clock_timestamp() OR c.window_ends_at > clock_timestamp() THEN c.window_ends_at
                  ELSE EXCLUDED.window_ends_at END,
         blocked_until = CASE
                  WHEN c.blocked_until > clock_timestamp() THEN c.blocked_until
                  WHEN c.window_ends_at > clock_timestamp() AND c.hits + 1 > $3 THEN clock_timestamp() + make_interval(secs => $4 / 1000.0)
                  ELSE NULL END
       RETURNING hits,
         GREATEST(0, ceil(extract(epoch FROM window_ends_at - clock_timestamp()) * 1000))::int AS "windowMsLeft",
         GREATEST(0, ceil(extract(epoch FROM COALESCE(blocked_until, clock_timestamp()) - clock_timestamp()) * 1000))::int AS "blockedMsLeft"`,
      [key, windowMs, limit, blockMs],
    );
    return { hits: Number(row.hits), windowMsLeft: Number(row.windowMsLeft), blockedMsLeft: Number(row.blockedMsLeft) };
  }

  /** Deletes counters whose window and block have both ended; answers how many. */
  async deleteExpired(): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM rate_limit_counters
        WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())
        RETURNING 1`,
    );
    return rows.length;
  }
}
