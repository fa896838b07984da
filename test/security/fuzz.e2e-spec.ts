/**
 * Every operation in the live OpenAPI document gets hundreds of generated
 * requests — wrong types, missing and unknown fields, huge and negative
 * numbers, unicode and control characters, malformed JSON, wrong content
 * types, bad ids, path traversal — from every kind of caller. Pass: never a
 * 5xx, every error in the contract's shape, and a refused request changes
 * nothing in the database.
 */
import fc from 'fast-check';
import { checkout, COUNTIES, createCooperative, createListing, createUser, useTestApp } from '@farmlink/testing';
import { bodyFor, operationsOf, Operation, pathValue, rawBodyFor, valueFor, weird } from './openapi-fuzz';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * The whole fuzzing's time budget, shared evenly by the operations: each tries RUNS cases or stops at
 * its share (on a machine loaded by other suites; a request in flight always finishes), so the test
 * ends in time instead of timing out. The cases each operation got are printed when any stopped short.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 420_000);

/** Pinned cases tried on every run: edge cases worth keeping, and the shrunk counterexample of any failure this test finds (add it here when fixing the bug). */
const REGRESSIONS: { method: string; path: string; contentType?: string; body?: string; role?: string }[] = [
  { method: 'POST', path: '/api/auth/register', contentType: 'application/json', body: '{"email":"a@b.cn","password":"12345678","displayName":"x","role":"farmer","countyCode":"520322","povertyRegistered":null}' },
  { method: 'GET', path: '/api/listings?minPriceCents=1e999' },
  { method: 'GET', path: '/api/regions/%00' },
];

describe('Fuzzing every operation of the OpenAPI document (e2e)', () => {
  const t = useTestApp();
  let ops: Operation[];
  let components: Record<string, any>;
  let ids: string[];
  let tokens: Record<string, string | undefined>;

  const checksum = async (): Promise<string> => {
    // Fold what earlier (accepted) requests left for the report aggregator first, so that its
    // once-a-second background round cannot change the rollups while a refused request runs.
    await t.db.query(`SELECT report_apply_pending(1000000, true)`);
    const [row] = await t.db.query(`
      SELECT (SELECT count(*) FROM users) AS users,
             (SELECT md5(coalesce(string_agg(id::text || status || stock || price_cents || title, ',' ORDER BY id), '')) FROM listings) AS listings,
             (SELECT count(*) FROM cooperatives) AS cooperatives,
             (SELECT count(*) FROM cooperative_members) AS members,
             (SELECT count(*) FROM programmes) AS programmes,
             (SELECT count(*) FROM programme_counties) AS enrolled,
             (SELECT count(*) FROM checkouts) AS checkouts,
             (SELECT md5(coalesce(string_agg(id::text || status || refunded_cents, ',' ORDER BY id), '')) FROM orders) AS orders,
             (SELECT md5(coalesce(string_agg(id::text || status, ',' ORDER BY id), '')) FROM payments) AS payments,
             (SELECT count(*) || ':' || coalesce(sum(amount_cents), 0) FROM refunds) AS refunds,
             (SELECT count(*) FROM listing_photos) AS photos,
             (SELECT count(*) || ':' || coalesce(sum(amount_cents), 0) FROM seller_ledger_entries) AS ledger,
             (SELECT count(*) FROM webhook_events) AS webhooks,
             (SELECT coalesce(sum(gross_cents - refunds_cents), 0) || ':' || (SELECT count(*) FROM report_actor_days) || ':' || (SELECT coalesce(sum(n), 0) FROM report_distinct_counts) FROM report_sales) AS rollup`);
    return JSON.stringify(row);
  };

  beforeAll(async () => {
    const admin = await createUser(t, 'admin');
    const officer = await createUser(t, 'officer', { jurisdictionCode: '520000' });
    const officerAll = await createUser(t, 'officer');
    const buyer = await createUser(t, 'buyer');
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const other = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
    const coop = await createCooperative(t, farmer, [other]);
    const listing = await createListing(t, farmer, { stock: 1000 });
    const coopListing = await createListing(t, other, { stock: 1000, cooperativeId: coop });
    const order = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }, { listingId: coopListing.id, quantity: 1 }]).expect(201);
    const [programme] = await t.db.query(`INSERT INTO programmes (name, start_date) VALUES ('试点', '2026-01-01') RETURNING id`);
    ids = [listing.id, coopListing.id, coop, farmer.id, other.id, buyer.id, order.body.id, order.body.orders[0].id, order.body.payment.id, programme.id];
    tokens = {
      anonymous: undefined,
      buyer: buyer.token,
      farmer: farmer.token,
      otherFarmer: other.token,
      officer: officer.token,
      officerAll: officerAll.token,
      admin: admin.token,
      forged: `${buyer.token.slice(0, -4)}AAAA`,
    };
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    ops = operationsOf(doc);
    components = doc.components?.schemas ?? {};
  });

  async function send(method: string, path: string, role: string, contentType: string | null, payload: string | undefined, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (tokens[role]) h.authorization = `Bearer ${tokens[role]}`;
    if (contentType) h['content-type'] = contentType;
    const res = await fetch(`${t.url}${path}`, { method, headers: h, body: method === 'GET' || method === 'HEAD' ? undefined : payload, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    return { status: res.status, text, contentType: res.headers.get('content-type') ?? '' };
  }

  function assertShape(r: { status: number; text: string; contentType: string }, what: string) {
    if (r.status >= 500) throw new Error(`${what} → ${r.status} ${r.text.slice(0, 300)}`);
    if (r.status >= 400) {
      let body: any;
      try {
        body = JSON.parse(r.text);
      } catch {
        throw new Error(`${what} → ${r.status} with a body that is not JSON: ${r.text.slice(0, 200)}`);
      }
      const ok =
        body.statusCode === r.status &&
        typeof body.error === 'string' &&
        (typeof body.message === 'string' || (Array.isArray(body.message) && body.message.every((m: unknown) => typeof m === 'string')));
      if (!ok) throw new Error(`${what} → ${r.status} not in the contract's error shape: ${r.text.slice(0, 300)}`);
    }
  }

  it.each(REGRESSIONS)('regression: $method $path', async (reg) => {
    const before = await checksum();
    const r = await send(reg.method, reg.path, reg.role ?? 'admin', reg.contentType ?? null, reg.body);
    assertShape(r, `${reg.method} ${reg.path}`);
    if (r.status >= 400) expect(await checksum()).toBe(before);
  });

  it('covers every operation of the document', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  // One test per operation, generated once the document is loaded.
  const operationNames = (): string[] => ops.map((o) => `${o.method} ${o.path}`);
  it('fuzzes every operation', async () => {
    const failures: string[] = [];
    const short: string[] = [];
    const perOperationMs = Math.floor(BUDGET_MS / ops.length);
    for (const name of operationNames()) {
      const op = ops.find((o) => `${o.method} ${o.path}` === name)!;
      const pathParams = op.params.filter((p) => p.in === 'path');
      const queryParams = op.params.filter((p) => p.in === 'query');
      const headerParams = op.params.filter((p) => p.in === 'header');
      const arb = fc.record({
        role: fc.constantFrom(...Object.keys(tokens)),
        path: fc.tuple(...pathParams.map(() => pathValue(ids)), fc.constant('')),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, components, ids)])), { requiredKeys: [] }),
        headers: fc.record(Object.fromEntries(headerParams.map((p) => [p.name, fc.oneof(fc.uuid(), fc.constant(''), fc.constant('k'.repeat(300)), fc.string({ maxLength: 10 }))])), { requiredKeys: [] }),
        body: op.body ? rawBodyFor(bodyFor(op.body.schema, components, ids)) : rawBodyFor(weird),
      });
      let runs = 0;
      const deadline = Date.now() + perOperationMs;
      try {
        await fc.assert(
          fc.asyncProperty(arb, async (a) => {
            if (Date.now() > deadline) return; // this operation's share is spent: the remaining cases pass untried
            runs++;
            let path = op.path;
            pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, a.path[i] as string)));
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(a.query)) {
              if (v === undefined) continue;
              qs.append(k, typeof v === 'string' ? v.slice(0, 2000) : JSON.stringify(v)?.slice(0, 2000) ?? '');
            }
            const url = qs.size ? `${path}?${qs}` : path;
            const headers = Object.fromEntries(Object.entries(a.headers).filter(([, v]) => v !== undefined && /^[\x20-\x7e]*$/.test(v as string))) as Record<string, string>;
            const mutating = op.method !== 'GET';
            const before = mutating ? await checksum() : '';
            const r = await send(op.method, url, a.role, a.body.contentType, a.body.payload, headers);
            assertShape(r, `${a.role} ${op.method} ${url}`);
            if (mutating && r.status >= 400) {
              const after = await checksum();
              if (after !== before) throw new Error(`${a.role} ${op.method} ${url} was refused (${r.status}) but changed the database`);
            }
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message.slice(0, 1500)}`);
      }
      if (runs < RUNS) short.push(`${name}: ${runs}`);
    }
    if (short.length > 0) console.warn(`fuzz: ${short.length} of ${ops.length} operations reached their time share (${perOperationMs} ms) before ${RUNS} cases:\n${short.join('\n')}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
