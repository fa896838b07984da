import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { RateLimitRepository } from '@farmlink/identity';
import { useTwoTestApps, type TestApp } from '@farmlink/testing';

/**
 * The login limit holds across API processes: a client spreading its attempts
 * over two processes (a load balancer) gets 10 in total, not 10 per process.
 */
async function badLogins([a, b]: [TestApp, TestApp], count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const app = i % 2 === 0 ? a : b;
    const res = await app.http().post('/api/auth/login').send({ email: 'nobody@farmlink.test', password: 'wrong-password' });
    statuses.push(res.status);
  }
  return statuses;
}

describe('Login rate limit across two processes, counted in PostgreSQL (e2e)', () => {
  const apps = useTwoTestApps({ AUTH_THROTTLE_LIMIT: '10', AUTH_THROTTLE_TTL_SECONDS: '60' });

  it('answers 429 after 10 bad logins in total, spread over both processes', async () => {
    const statuses = await badLogins(apps, 25);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(15).fill(429));
  });

  it('counts concurrent attempts exactly (one atomic upsert per attempt)', async () => {
    // Register has its own counter: 30 attempts at once over both processes, exactly 10 get through.
    const [a, b] = apps;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? a : b).http().post('/api/auth/register').send({ email: 'not-an-email', password: 'x', displayName: '', role: 'buyer' }),
      ),
    );
    const limited = results.filter((r) => r.status === 429).length;
    expect(limited).toBe(20);
    expect(results.filter((r) => r.status === 400)).toHaveLength(10);
  });

  it('keeps the counters in one table, expired ones removable', async () => {
    const [a] = apps;
    const rows: { n: number }[] = await a.db.query(`SELECT count(*)::int AS n FROM rate_limit_counters`);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
    await a.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second', blocked_until = NULL`);
    expect(await new RateLimitRepository(a.db).deleteExpired()).toBe(rows[0].n);
    // A new window: the same client may try again.
    await a.http().post('/api/auth/login').send({ email: 'nobody@farmlink.test', password: 'wrong-password' }).expect(401);
  });
});

const REDIS_URL = process.env.FARMLINK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A Redis server to count in: CI and these machines have one at 127.0.0.1:6379. On a machine
 * without Redis `npm test` still runs (the PostgreSQL storage above is the default); under CI a
 * missing Redis fails instead of skipping.
 */
function redisReachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `require('net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 2000);`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
}
const redisDescribe = process.env.CI || redisReachable(REDIS_URL) ? describe : describe.skip;

redisDescribe('Login rate limit across two processes, counted in Redis (e2e)', () => {
  // A prefix of its own per run: the Redis server is shared with other runs.
  const prefix = `farmlink-test-${randomBytes(6).toString('hex')}:`;
  const apps = useTwoTestApps({
    AUTH_THROTTLE_LIMIT: '10',
    AUTH_THROTTLE_TTL_SECONDS: '60',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
  });

  it('answers 429 after 10 bad logins in total, and writes nothing to PostgreSQL', async () => {
    const statuses = await badLogins(apps, 25);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(15).fill(429));
    const rows: { n: number }[] = await apps[0].db.query(`SELECT count(*)::int AS n FROM rate_limit_counters`);
    expect(rows[0].n).toBe(0);
  });
});

describe('Login rate limit with REDIS_URL set and no Redis answering (e2e)', () => {
  // Port 1 on the loopback: nothing listens there, so every command fails at once.
  const apps = useTwoTestApps({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'farmlink-test-down:' });

  it('answers 503 (retry later), not 500, and lets no login through uncounted', async () => {
    const res = await apps[0].http().post('/api/auth/login').send({ email: 'nobody@farmlink.test', password: 'wrong-password' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(res.headers['retry-after']).toBeDefined();
    // Routes without the limit do not need Redis.
    await apps[1].http().get('/api/health').expect(200);
  });
});
