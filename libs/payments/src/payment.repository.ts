import { Injectable } from '@nestjs/common';
import { moneyMapper, preparedQuery } from '@farmlink/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentProviderName, PaymentStatus } from '@farmlink/shared';

export interface PaymentRow {
  id: string;
  checkoutId: string;
  buyerId: string;
  provider: PaymentProviderName;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  providerRef: string | null;
  clientSecret: string | null;
  succeededAt: Date | null;
  createdAt: Date;
}

export interface RefundRow {
  id: string;
  orderId: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  reason: string;
  status: 'pending' | 'succeeded' | 'failed';
  source: 'seller' | 'admin' | 'system' | 'provider';
  providerRef: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const PAYMENT_COLUMNS = `p.id, p.checkout_id AS "checkoutId", c.buyer_id AS "buyerId", p.provider, p.status,
  p.amount_cents AS "amountCents", p.currency, p.provider_ref AS "providerRef", p.client_secret AS "clientSecret",
  p.succeeded_at AS "succeededAt", p.created_at AS "createdAt"`;

const REFUND_COLUMNS = `id, order_id AS "orderId", payment_id AS "paymentId", amount_cents AS "amountCents", currency, reason,
  status, source, provider_ref AS "providerRef", created_by AS "createdBy", created_at AS "createdAt"`;

const toPayment = moneyMapper<PaymentRow>('amountCents');
const toRefund = moneyMapper<RefundRow>('amountCents');

/**
 * All SQL about payments and refunds. Methods whose first parameter is a
 * manager run inside the caller's transaction (every query of a transaction
 * goes through it); the others read or write through the pool.
 */
@Injectable()
export class PaymentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    p: {
      id: string;
      checkoutId: string;
      provider: PaymentProviderName;
      amountCents: number;
      currency: string;
      providerRef?: string | null;
      clientSecret?: string | null;
    },
  ): Promise<string> {
    await preparedQuery(m, 'payments_insert',
      `INSERT INTO payments (id, checkout_id, provider, amount_cents, currency, provider_ref, client_secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.checkoutId, p.provider, p.amountCents, p.currency, p.providerRef ?? null, p.clientSecret ?? null],
    );
    return p.id;
  }

  /** After the checkout committed: what the external provider answered. */
  async setProviderRef(id: string, providerRef: string | null, clientSecret: string | null): Promise<void> {
    await this.db.query(
      `UPDATE payments SET provider_ref = $2, client_secret = $3, updated_at = now() WHERE id = $1`,
      [id, providerRef, clientSecret],
    );
  }

  find(id: string): Promise<PaymentRow | null> {
    return this.findIn(this.db.manager, id);
  }

  findIn(m: EntityManager, id: string): Promise<PaymentRow | null> {
    return this.findOne(m, 'p.id', id);
  }

  findByCheckout(checkoutId: string): Promise<PaymentRow | null> {
    return this.findOne(this.db.manager, 'p.checkout_id', checkoutId);
  }

  findByCheckoutIn(m: EntityManager, checkoutId: string): Promise<PaymentRow | null> {
    return this.findOne(m, 'p.checkout_id', checkoutId);
  }

  findByProviderRefIn(m: EntityManager, providerRef: string): Promise<PaymentRow | null> {
    return this.findOne(m, 'p.provider_ref', providerRef);
  }

  /** The payment whose unique `column` (id, checkout_id or provider_ref) is `value`. */
  private async findOne(m: EntityManager, column: 'p.id' | 'p.checkout_id' | 'p.provider_ref', value: string): Promise<PaymentRow | null> {
    const rows = await m.query(`SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN checkouts c ON c.id = p.checkout_id WHERE ${column} = $1`, [value]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /** Locks the payment row for the rest of the transaction. */
  async lock(m: EntityManager, id: string): Promise<PaymentRow | null> {
    const rows = await preparedQuery<PaymentRow>(m, 'payments_lock',
      `SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN checkouts c ON c.id = p.checkout_id WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /**
   * The payment path's first statement: locks the payment and, unless it has succeeded already or
   * `guard` does not hold (its buyer, its provider), marks it succeeded — one round trip instead of a
   * lock and an update. Answers the payment as it was before (null when there is none) and whether
   * this call marked it.
   */
  async lockAndMarkSucceeded(
    m: EntityManager,
    id: string,
    at: Date,
    guard: { buyerId?: string; provider?: string } = {},
  ): Promise<{ payment: PaymentRow; marked: boolean } | null> {
    const rows = await preparedQuery<PaymentRow & { marked: boolean }>(m, 'payments_lock_mark_succeeded',
      `WITH before AS (
         SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN checkouts c ON c.id = p.checkout_id WHERE p.id = $1 FOR UPDATE OF p
       ), marked AS (
         UPDATE payments p SET status = 'succeeded', succeeded_at = $2, failure_reason = NULL, updated_at = now()
           FROM before b
          WHERE p.id = b.id AND b.status <> 'succeeded'
            AND ($3::uuid IS NULL OR b."buyerId" = $3::uuid) AND ($4::text IS NULL OR b.provider = $4::text)
         RETURNING p.id
       )
       SELECT b.*, EXISTS (SELECT 1 FROM marked) AS marked FROM before b`,
      [id, at, guard.buyerId ?? null, guard.provider ?? null],
    );
    if (!rows[0]) return null;
    const { marked, ...payment } = rows[0];
    return { payment: toPayment(payment as PaymentRow), marked };
  }

  async markSucceeded(m: EntityManager, id: string, at: Date): Promise<void> {
    await preparedQuery(m, 'payments_mark_succeeded',
      `UPDATE payments SET status = 'succeeded', succeeded_at = $2, failure_reason = NULL, updated_at = now() WHERE id = $1`,
      [id, at],
    );
  }

  async markFailed(m: EntityManager, id: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE payments SET status = 'failed', failed_at = now(), failure_reason = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async insertRefund(
    m: EntityManager,
    r: {
      orderId: string;
      paymentId: string;
      amountCents: number;
      currency: string;
      reason: string;
      status: RefundRow['status'];
      source: RefundRow['source'];
      providerRef?: string | null;
      createdBy?: string | null;
    },
  ): Promise<RefundRow> {
    const [row] = await m.query(
      `INSERT INTO refunds (order_id, payment_id, amount_cents, currency, reason, status, source, provider_ref, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${REFUND_COLUMNS}`,
      [r.orderId, r.paymentId, r.amountCents, r.currency, r.reason, r.status, r.source, r.providerRef ?? null, r.createdBy ?? null],
    );
    return toRefund(row);
  }

  /**
   * Records what the provider said, in the caller's transaction or (after a commit, `this.db.manager`) on its own.
   * A succeeded refund stays succeeded (a late, older answer never undoes a webhook).
   */
  async setRefundResult(m: EntityManager, id: string, providerRef: string | null, status: RefundRow['status']): Promise<void> {
    await m.query(
      `UPDATE refunds SET provider_ref = COALESCE($2, provider_ref), status = CASE WHEN status = 'succeeded' THEN status ELSE $3 END WHERE id = $1`,
      [id, providerRef, status],
    );
  }

  async markCancelled(m: EntityManager, id: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE payments SET status = 'cancelled', failed_at = now(), failure_reason = $2, updated_at = now() WHERE id = $1`,
      [id, reason],
    );
  }

  async refundsOfPayment(m: EntityManager, paymentId: string): Promise<RefundRow[]> {
    const rows = await m.query(`SELECT ${REFUND_COLUMNS} FROM refunds WHERE payment_id = $1 ORDER BY created_at, id`, [paymentId]);
    return rows.map(toRefund);
  }

  /** Refunds an external provider has not answered yet (provider_ref unknown), older than `olderThanSeconds`. */
  async unsentRefunds(olderThanSeconds: number, limit: number): Promise<RefundRow[]> {
    const rows = await this.db.query(
      `SELECT ${REFUND_COLUMNS} FROM refunds
        WHERE status = 'pending' AND provider_ref IS NULL AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map(toRefund);
  }

  /**
   * Records a webhook event id. False when it was already recorded (the event
   * was acted on before). A concurrent delivery of the same id waits here
   * until the first transaction ends, then finds it taken.
   */
  async claimWebhookEvent(m: EntityManager, e: { id: string; provider: string; type: string; objectRef: string | null }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO webhook_events (id, provider, type, object_ref) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [e.id, e.provider, e.type, e.objectRef],
    );
    return rows.length > 0;
  }

  async setWebhookOutcome(m: EntityManager, id: string, outcome: string): Promise<void> {
    await m.query(`UPDATE webhook_events SET outcome = $2 WHERE id = $1`, [id, outcome]);
  }

  async webhookEvent(id: string): Promise<{ id: string; type: string; objectRef: string | null; outcome: string | null } | null> {
    const rows = await this.db.query(`SELECT id, type, object_ref AS "objectRef", outcome FROM webhook_events WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
