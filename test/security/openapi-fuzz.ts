/**
 * Request generators driven by the live OpenAPI document: for every operation,
 * bodies, queries and path parameters of the right shape and of every wrong one.
 */
import fc from 'fast-check';

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};

export interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string; schema?: Schema; required?: boolean }[];
  body?: { contentTypes: string[]; schema?: Schema };
}

export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content as Record<string, { schema?: Schema }> | undefined;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content ? { contentTypes: Object.keys(content), schema: Object.values(content)[0]?.schema } : undefined,
      });
    }
  }
  return ops;
}

const HUGE = 'x'.repeat(200_000);

/** Values that are wrong in some way for almost any field. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant(HUGE),
  fc.constant('\u0000\u0007\u001b[31m\u202e'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('../../../../etc/passwd'),
  fc.constant("'; DROP TABLE users; --"),
  fc.constant('𠀀𪚥🍎'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.constant(-1),
  fc.constant(0),
  fc.constant(1.5),
  fc.constant(-0.01),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.constant(1e308),
  fc.constant(9223372036854775807),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = components[s.$ref.split('/').pop()!] ?? {};
  if (s.allOf) return s.allOf.reduce<Schema>((acc, part) => ({ ...acc, ...resolve(part, components) }), {});
  return s;
}

/** A value that fits the schema (often), or not (sometimes). */
export function valueFor(schema: Schema | undefined, components: Record<string, Schema>, hints: unknown[], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  let good: fc.Arbitrary<unknown>;
  if (s.enum?.length) good = fc.constantFrom(...s.enum);
  else if (s.type === 'integer' || s.type === 'number') good = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -5, max: 5 }));
  else if (s.type === 'boolean') good = fc.boolean();
  else if (s.type === 'array') good = depth > 2 ? fc.constant([]) : fc.array(valueFor(s.items, components, hints, depth + 1), { maxLength: 4 });
  else if (s.type === 'object' || s.properties) good = depth > 2 ? fc.constant({}) : bodyFor(s, components, hints, depth + 1);
  else if (s.format === 'uuid') good = fc.oneof(fc.constantFrom(...(hints.length ? hints : ['00000000-0000-0000-0000-000000000000'])), fc.uuid());
  else good = fc.oneof(s.example !== undefined ? fc.constant(s.example) : fc.string({ maxLength: 20 }), fc.constantFrom(...(hints.length ? hints : ['x'])));
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: weird });
}

export function bodyFor(schema: Schema | undefined, components: Record<string, Schema>, hints: unknown[], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  const props = s.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, components, hints, depth)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, fc.string({ minLength: 1, maxLength: 10 }), fc.anything({ maxDepth: 0 })).map(([r, k, v]) => ({ ...(r as object), [`x_${k}`]: v })) },
    { weight: 1, arbitrary: weird },
  );
}

export interface RawBody {
  contentType: string | null;
  payload: string | undefined;
}

/** How the body travels: well-formed JSON mostly, or malformed, mislabeled or missing. */
export function rawBodyFor(body: fc.Arbitrary<unknown>): fc.Arbitrary<RawBody> {
  return fc.oneof(
    { weight: 8, arbitrary: body.map((b) => ({ contentType: 'application/json', payload: JSON.stringify(b) ?? 'null' })) },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', '{]', 'nul', '"\\ud800"', '{"items":[{"listingId":1e999}]}').map((p) => ({ contentType: 'application/json', payload: p })) },
    { weight: 1, arbitrary: fc.constantFrom('text/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain').map((ct) => ({ contentType: ct, payload: 'a=1&b=<x/>' })) },
    { weight: 1, arbitrary: fc.constant({ contentType: null, payload: undefined }) },
  );
}

export const pathValue = (ids: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'not-a-uuid',
        '..%2F..%2F..%2Fetc%2Fpasswd',
        '%2e%2e%2f%2e%2e%2fpackage.json',
        '%00',
        '0',
        '-1',
        'a'.repeat(600),
        '520322',
        '999999',
        '%F0%9F%8D%8E',
        "1'%20OR%201=1",
      ),
    },
  );
