import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** A request the fake received, for assertions. */
export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  /** The form body, decoded from Stripe's bracket notation (`metadata[a]=1` → `{ metadata: { a: '1' } }`). */
  body: Record<string, unknown>;
  /** The status the fake answered with (a replay of an idempotent request answers the first answer again). */
  status: number;
  replayed: boolean;
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  allowed_payment_method_types: string[];
  latest_charge: string | null;
  created: number;
  livemode: false;
  last_payment_error: { message: string } | null;
  cancellation_reason: string | null;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: string;
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

/** Decodes `a[b][0]=x&c=y` (what the Stripe SDK sends) into nested objects; indexed keys become arrays. */
export function decodeStripeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of raw.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    const key = decodeURIComponent(k.replace(/\+/g, ' '));
    const value = decodeURIComponent(v.replace(/\+/g, ' '));
    const path = key.split(/[[\]]+/).filter(Boolean);
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length > 0 && keys.every((k, i) => String(i) === k)) return keys.map((k) => arrays(o[k]));
    for (const k of keys) o[k] = arrays(o[k]);
    return o;
  };
  return arrays(out) as Record<string, unknown>;
}

/**
 * A small local fake of Stripe's HTTP API, enough for FarmLink: the real
 * `stripe` SDK talks to it through STRIPE_API_BASE. It answers
 * POST /v1/payment_intents, GET /v1/payment_intents/:id, POST /v1/refunds and
 * GET /v1/refunds, honours Idempotency-Key like Stripe (same key → the first
 * answer again; same key with other parameters → 400), records every request,
 * and builds webhook events signed with the SDK's own generateTestHeaderString.
 */
export class FakeStripe {
  readonly secretKey = 'sk_test_farmlink_fake';
  readonly webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  readonly requests: FakeStripeRequest[] = [];
  readonly paymentIntents = new Map<string, FakePaymentIntent>();
  readonly refunds = new Map<string, FakeRefund>();
  /** Status new refunds get ('succeeded' like a card refund; 'pending' to test the webhook path). */
  refundStatus: 'succeeded' | 'pending' = 'succeeded';
  /** Answer the next N requests with a 500 (the SDK retries with the same Idempotency-Key). */
  failNext = 0;
  /** Milliseconds each answer waits (to make calls from several processes overlap). */
  delayMs = 0;
  private readonly idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  private readonly sdk = new Stripe('sk_test_signing_only');
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The settings createTestApp() needs to use this fake. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { STRIPE_SECRET_KEY: this.secretKey, STRIPE_WEBHOOK_SECRET: this.webhookSecret, STRIPE_API_BASE: this.url, ...extra };
  }

  requestsTo(method: string, pathPrefix: string): FakeStripeRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  }

  // ---- what happens at Stripe, outside the API (the buyer pays, the dashboard) ----

  /** The buyer paid: the intent succeeds and gets a charge. Returns the intent (for a payment_intent.succeeded event). */
  succeed(intentId: string): FakePaymentIntent {
    const pi = this.intent(intentId);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge ??= id('ch');
    return { ...pi };
  }

  /** The payment attempt failed (for a payment_intent.payment_failed event). */
  fail(intentId: string, message = 'Your card was declined.'): FakePaymentIntent {
    const pi = this.intent(intentId);
    pi.status = 'requires_payment_method';
    pi.last_payment_error = { message };
    return { ...pi };
  }

  /** A refund made in Stripe's dashboard (no metadata of ours). */
  dashboardRefund(intentId: string, amount: number): FakeRefund {
    const pi = this.intent(intentId);
    return this.addRefund(pi, amount, {});
  }

  /** The charge of a succeeded intent, with its refunds, as in a charge.refunded event. */
  charge(intentId: string): Record<string, unknown> {
    const pi = this.intent(intentId);
    const refunds = [...this.refunds.values()].filter((r) => r.payment_intent === pi.id).sort((a, b) => b.created - a.created);
    const refunded = refunds.filter((r) => r.status !== 'failed' && r.status !== 'canceled').reduce((s, r) => s + r.amount, 0);
    return {
      id: pi.latest_charge ?? id('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount_received,
      amount_refunded: refunded,
      currency: pi.currency,
      paid: pi.status === 'succeeded',
      status: pi.status === 'succeeded' ? 'succeeded' : 'pending',
      refunded: refunded === pi.amount,
      payment_intent: pi.id,
      metadata: pi.metadata,
      refunds: { object: 'list', data: refunds, has_more: false, url: `/v1/charges/${pi.latest_charge}/refunds` },
      created: now(),
      livemode: false,
    };
  }

  /** A webhook event wrapping `object`. */
  event(type: string, object: unknown, over: { id?: string; created?: number } = {}): Record<string, unknown> {
    return {
      id: over.id ?? id('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created: over.created ?? now(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
  }

  /** Serialises an event and signs it as Stripe does (the SDK's generateTestHeaderString). */
  sign(event: unknown, opts: { timestamp?: number; secret?: string } = {}): { payload: string; signature: string } {
    const payload = typeof event === 'string' ? event : JSON.stringify(event);
    const signature = this.sdk.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? this.webhookSecret, timestamp: opts.timestamp });
    return { payload, signature };
  }

  // ---- the HTTP API ----

  private intent(intentId: string): FakePaymentIntent {
    const pi = this.paymentIntents.get(intentId);
    if (!pi) throw new Error(`fake Stripe: no PaymentIntent ${intentId}`);
    return pi;
  }

  private addRefund(pi: FakePaymentIntent, amount: number, metadata: Record<string, string>): FakeRefund {
    const refund: FakeRefund = {
      id: id('re'),
      object: 'refund',
      amount,
      currency: pi.currency,
      payment_intent: pi.id,
      charge: pi.latest_charge ?? id('ch'),
      status: this.refundStatus,
      reason: 'requested_by_customer',
      metadata,
      created: now(),
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const body = method === 'GET' ? decodeStripeForm(url.search.slice(1)) : decodeStripeForm(raw);
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const record: FakeStripeRequest = { method, path: url.pathname, idempotencyKey, authorization: (req.headers.authorization as string) ?? null, body, status: 0, replayed: false };
    this.requests.push(record);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));

    const send = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req') });
      res.end(JSON.stringify(payload));
    };
    const error = (status: number, message: string, extra: Record<string, unknown> = {}) =>
      send(status, { error: { type: status >= 500 ? 'api_error' : 'invalid_request_error', message, ...extra } });

    if (this.failNext > 0) {
      this.failNext--;
      return error(500, 'fake Stripe: planned failure');
    }
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) return error(401, 'Invalid API Key provided');

    // Stripe's idempotency: the same key replays the first answer; other parameters with it are an error.
    if (method === 'POST' && idempotencyKey) {
      const seen = this.idempotent.get(idempotencyKey);
      const params = `${url.pathname}?${raw}`;
      if (seen) {
        record.replayed = true;
        if (seen.params !== params) {
          return error(400, 'Keys for idempotent requests can only be used with the same parameters they were first used with.', { type: 'idempotency_error' });
        }
        return send(seen.status, seen.body);
      }
      const out = this.route(method, url, body);
      this.idempotent.set(idempotencyKey, { params, ...out });
      return send(out.status, out.body);
    }
    const out = this.route(method, url, body);
    send(out.status, out.body);
  }

  private route(method: string, url: URL, body: Record<string, unknown>): { status: number; body: unknown } {
    const err = (status: number, message: string, code?: string) => ({ status, body: { error: { type: 'invalid_request_error', message, code } } });
    const path = url.pathname;

    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(body.amount);
      if (!Number.isSafeInteger(amount) || amount < 1) return err(400, 'Invalid integer: amount', 'parameter_invalid_integer');
      if (typeof body.currency !== 'string') return err(400, 'Missing required param: currency.', 'parameter_missing');
      const piId = id('pi');
      const pi: FakePaymentIntent = {
        id: piId,
        object: 'payment_intent',
        amount,
        amount_received: 0,
        currency: body.currency,
        status: 'requires_payment_method',
        client_secret: `${piId}_secret_${randomBytes(8).toString('hex')}`,
        metadata: (body.metadata as Record<string, string>) ?? {},
        allowed_payment_method_types: (body.allowed_payment_method_types as string[]) ?? (body.payment_method_types as string[]) ?? ['card'],
        latest_charge: null,
        created: now(),
        livemode: false,
        last_payment_error: null,
        cancellation_reason: null,
      };
      this.paymentIntents.set(pi.id, pi);
      return { status: 200, body: pi };
    }

    const piMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && piMatch) {
      const pi = this.paymentIntents.get(piMatch[1]);
      return pi ? { status: 200, body: pi } : err(404, `No such payment_intent: '${piMatch[1]}'`, 'resource_missing');
    }

    if (method === 'POST' && path === '/v1/refunds') {
      const pi = this.paymentIntents.get(String(body.payment_intent ?? ''));
      if (!pi) return err(404, `No such payment_intent: '${String(body.payment_intent)}'`, 'resource_missing');
      if (pi.status !== 'succeeded') return err(400, `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, 'charge_not_refundable');
      const already = [...this.refunds.values()].filter((r) => r.payment_intent === pi.id && r.status !== 'failed').reduce((s, r) => s + r.amount, 0);
      const amount = body.amount === undefined ? pi.amount - already : Number(body.amount);
      if (!Number.isSafeInteger(amount) || amount < 1) return err(400, 'Invalid integer: amount', 'parameter_invalid_integer');
      if (already + amount > pi.amount_received) {
        return err(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${pi.amount_received - already})`, 'amount_too_large');
      }
      return { status: 200, body: this.addRefund(pi, amount, (body.metadata as Record<string, string>) ?? {}) };
    }

    if (method === 'GET' && path === '/v1/refunds') {
      const intentId = url.searchParams.get('payment_intent');
      const data = [...this.refunds.values()].filter((r) => !intentId || r.payment_intent === intentId).sort((a, b) => b.created - a.created);
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/v1/refunds' } };
    }

    return err(404, `Unrecognized request URL (${method}: ${path}).`);
  }
}

/** Starts a fake Stripe on a free loopback port. */
export function startFakeStripe(): Promise<FakeStripe> {
  return new FakeStripe().start();
}
