import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '@farmlink/testing';
import * as http from 'node:http';
import { buildApiIfStale, startBuiltApi, type BuiltApi } from './built-api';

function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/**
 * The built app as an operator runs it: several processes on one database
 * (started at the same moment on a fresh one), and one process forking
 * workers (API_WORKERS) that share its port and all stop on SIGTERM.
 */
describe('Several API processes (e2e, the built app)', () => {
  beforeAll(() => buildApiIfStale(), 300_000);

  const started: BuiltApi[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    for (const d of databases) await d.drop();
  });

  for (const n of [2, 3]) {
    it(`${n} processes started at the same moment on a fresh database all become healthy`, async () => {
      const database = await createEmptyDatabase();
      databases.push(database);
      const apis = await Promise.all(Array.from({ length: n }, () => startBuiltApi(database.url, { MIGRATE_ON_START: 'true' })));
      started.push(...apis);
      await Promise.all(apis.map((api) => api.ready()));
      for (const api of apis) {
        const res = await fetch(`${api.url}/api/regions?level=province`);
        expect(res.status).toBe(200);
      }
      // Each migration ran once.
      const logs = apis.map((api) => api.output());
      expect(logs.filter((l) => /applied migrations/.test(l))).toHaveLength(1);
      for (const api of apis) expect(await api.stop()).toBe(0);
    }, 300_000);
  }

  it('API_WORKERS=2: both workers serve on one port; SIGTERM drains them and the primary exits 0', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const api = await startBuiltApi(database.url, { API_WORKERS: '2', LOG_LEVEL: 'info' });
    started.push(api);
    await api.ready();
    // The second worker may listen a moment after the first.
    for (let i = 0; i < 600 && (api.output().match(/worker \d+ \(pid \d+\) listening/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    // Connections (not requests) are handed out round-robin: one new connection per request.
    // Each request is logged with the pid of the worker that served it (pino).
    for (let i = 0; i < 20; i++) expect(await statusOnNewConnection(`${api.url}/api/regions?level=province`)).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const pids = new Set<number>();
    for (const line of api.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { pid?: number; req?: { url?: string } };
      if (entry.req?.url?.startsWith('/api/regions') && entry.pid) pids.add(entry.pid);
    }
    expect(pids.size).toBe(2);
    expect(pids.has(api.child.pid!)).toBe(false); // the primary only forks and forwards

    const code = await api.stop();
    expect(code).toBe(0);
    expect(api.output()).toMatch(/SIGTERM: draining 2 workers/);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(); // no worker left behind
  }, 300_000);
});
