/**
 * A small in-process cache with a time to live and a size bound (oldest
 * entries go first). A TTL of 0 turns it off.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const hit = this.peek(key);
    return hit?.fresh ? hit.value : undefined;
  }

  /**
   * Also an entry that expired less than one more TTL ago, marked not fresh: a caller may answer
   * with it while it loads the new one (stale-while-revalidate). Older entries are forgotten;
   * delete() and clear() forget at once, so a change is never answered with what came before it.
   */
  peek(key: string): { value: T; fresh: boolean } | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    const now = this.now();
    if (hit.expires + this.ttlMs <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return { value: hit.value, fresh: hit.expires > now };
  }

  set(key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Coalesces concurrent loads of one key: while a load is running, callers asking for the same key
 * share its promise instead of starting their own. When a cached page expires under load, the 50
 * requests that miss together then cost one database query, not 50 (the p99 spikes of the product
 * and search pages every second).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const started = load().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }

  /** How many loads are running (for tests). */
  get size(): number {
    return this.running.size;
  }
}
