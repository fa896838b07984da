import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BadRequestError } from '@farmlink/shared';
import { parse as parseUrlencoded } from 'node:querystring';

/** The deepest JSON body FarmLink accepts (arrays and objects; the checkout body needs 3). */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Does the JSON text nest arrays/objects deeper than `max`? One linear pass
 * over the bytes, outside strings, with no recursion: run before parsing, so
 * a body 100,000 levels deep costs one loop and never reaches anything
 * recursive (secure-json-parse, class-transformer, class-validator).
 * Multi-byte UTF-8 sequences never contain these ASCII bytes.
 */
export function jsonDepthExceeds(body: Buffer, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Paths (`shippingAddress.name`, `items[0].listingId`, `q`) of the strings —
 * values or keys — that hold U+0000, which PostgreSQL cannot store in text or
 * jsonb. Iterative (an explicit stack), so depth never matters; at most `limit` paths.
 */
export function nulPaths(value: unknown, root = '', limit = 10): string[] {
  const found: string[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: root }];
  const seen = new Set<object>();
  while (stack.length > 0 && found.length < limit) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(path || 'body');
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && !seen.has(v)) {
      seen.add(v);
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
      } else {
        const entries = Object.entries(v as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [k, child] = entries[i];
          const childPath = path ? `${path}.${k}` : k;
          if (k.includes('\u0000')) found.push(childPath.replace(/\u0000/g, '\\u0000'));
          stack.push({ v: child, path: childPath });
        }
      }
    }
  }
  return found;
}

/*
 * These are raised in Fastify's parser and hooks, outside Nest's route
 * handling, so Fastify's error handler answers them: `statusCode` makes that
 * 400 in the contract's shape `{ statusCode, error, message }` (and the
 * exception filter, should it see them, maps them as bad_request too).
 */
export class NulCharacterError extends BadRequestError {
  readonly statusCode = 400;
  constructor(paths: string[]) {
    super(`${paths.join(', ')} must not contain the NUL character (U+0000)`);
  }
}

export class JsonTooDeepError extends BadRequestError {
  readonly statusCode = 400;
  constructor(max: number) {
    super(`The JSON body is nested too deeply: at most ${max} levels of arrays and objects`);
  }
}

/**
 * Input defences that apply to every route, before any DTO sees the request:
 * - JSON bodies are parsed by FarmLink's own parser, which refuses nesting
 *   deeper than MAX_JSON_DEPTH (400) before parsing, and keeps the raw bytes in
 *   `req.rawBody` (the Stripe webhook verifies its signature over them);
 * - a string holding U+0000 anywhere in the body, the query or the path
 *   parameters is 400, naming the field.
 * Replacing Nest's JSON parser means Nest registers none of its own, so the
 * urlencoded parser Nest would have added is registered here too.
 */
export function useInputGuards(app: NestFastifyApplication, env: { BODY_LIMIT_BYTES: number }, maxDepth = MAX_JSON_DEPTH): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own JSON parser, as Nest uses it: __proto__ and constructor poisoning are refused.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: env.BODY_LIMIT_BYTES }, (req, body, done) => {
    if (jsonDepthExceeds(body, maxDepth)) {
      done(new JsonTooDeepError(maxDepth), undefined);
      return;
    }
    parseJson(req as never, body as never, done); // (typed for strings, reads buffers too)
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: env.BODY_LIMIT_BYTES }, (_req, body, done) => {
    done(null, parseUrlencoded(body.toString()));
  });

  fastify.addHook('preValidation', (req, _reply, done) => {
    const paths = [
      ...nulPaths(req.params as unknown, 'params'),
      ...nulPaths(req.query as unknown, ''),
      ...nulPaths(req.body as unknown, ''),
    ];
    done(paths.length > 0 ? new NulCharacterError(paths) : undefined);
  });
}
