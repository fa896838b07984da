import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, ORDER_STATUSES, REGION_LEVELS, ROLES } from '@farmlink/shared';
import { createTestApp, TestApp } from '@farmlink/testing';

/**
 * The web app's API types (apps/web/src/api/schema.gen.ts) are generated from
 * the OpenAPI document the real app serves. This spec regenerates them and
 * fails when the committed file differs; `npm run api:types` (which runs it
 * with UPDATE_API_TYPES=1) writes the file instead.
 */
const GENERATED = join(__dirname, '..', 'apps', 'web', 'src', 'api', 'schema.gen.ts');
const GENERATOR = join(__dirname, '..', 'apps', 'web', 'scripts', 'api-types.mjs');

type Doc = {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>>;
  components?: { schemas?: Record<string, { enum?: unknown[] }> };
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** The TypeScript source for a document: what schema.gen.ts must hold. */
function generateApiTypes(doc: unknown): string {
  return execFileSync(process.execPath, [GENERATOR], { input: JSON.stringify(doc), encoding: 'utf8', maxBuffer: 64 << 20 });
}

/**
 * Operations whose success answer says nothing of its body: no 2xx at all, or a
 * 200/201/202 without a content type and schema. A 204 has no body by definition.
 */
function untypedOperations(doc: Doc): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      const typed =
        success.length > 0 &&
        success.every(([code, res]) => {
          if (code === '204') return true;
          const media = Object.values(res.content ?? {});
          return media.length > 0 && media.every((m) => m.schema && Object.keys(m.schema).length > 0);
        });
      if (!typed) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

describe('OpenAPI document and the web app types generated from it', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('types the success answer of every operation (204s aside; files with their content types)', () => {
    expect(untypedOperations(doc)).toEqual([]);
    const sales = doc.paths['/api/reports/sales'].get.responses!['200'].content!;
    expect(Object.keys(sales).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
  });

  it('finds an operation without a typed answer (the check can fail)', () => {
    const broken: Doc = {
      paths: {
        '/api/a': { get: { responses: { '200': { description: 'ok' } as never } }, delete: { responses: { '204': {} } } },
        '/api/b': { post: { responses: { '201': { content: { 'application/json': { schema: {} } } } } } },
        '/api/c': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'string' } } } } } } },
      },
    };
    expect(untypedOperations(broken)).toEqual(['GET /api/a', 'POST /api/b']);
  });

  it('names the shared enums, with the values of @farmlink/shared', () => {
    const schemas = doc.components?.schemas ?? {};
    expect(schemas.OrderStatus?.enum).toEqual([...ORDER_STATUSES]);
    expect(schemas.Category?.enum).toEqual([...CATEGORIES]);
    expect(schemas.Role?.enum).toEqual([...ROLES]);
    expect(schemas.RegionLevel?.enum).toEqual([...REGION_LEVELS]);
  });

  it('apps/web/src/api/schema.gen.ts is what the live document generates', () => {
    const fresh = generateApiTypes(doc);
    expect(fresh).toContain('OrderStatus: "pending_payment" | "paid" | "shipped" | "delivered" | "cancelled"');
    if (process.env.UPDATE_API_TYPES === '1') {
      writeFileSync(GENERATED, fresh);
      return;
    }
    let committed = '';
    try {
      committed = readFileSync(GENERATED, 'utf8');
    } catch {
      /* missing: reported below */
    }
    if (committed !== fresh) {
      throw new Error(
        'apps/web/src/api/schema.gen.ts is stale: the API changed and the web types did not follow. ' +
          'Run `npm run api:types` and commit the file.',
      );
    }
  });
});
