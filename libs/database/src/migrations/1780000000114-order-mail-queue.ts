import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Order mails leave the event's transaction (issue #18: the paying transaction writes the sale).
 * The payment used to look up each order's recipients and lines, render its mails and insert
 * them into the outbox before it committed: two statements and the templates' CPU on every
 * payment, and a template's bug would have failed the payment. Now the statement that moves the
 * orders (and writes their history) also appends one `order_mail_pending` row per mailed move,
 * and a refund appends one with its amount; the outbox relay (OUTBOX_RELAY_MS) renders the
 * pending rows into the outbox in batches, on its own transaction, and deletes them.
 * A queue table, as report_pending is: rows live for a relay tick; no foreign keys, so writing
 * one costs the payment no lookup or lock.
 */
export class OrderMailQueue1780000000114 implements MigrationInterface {
  name = 'OrderMailQueue1780000000114';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_mail_pending (
        id           bigserial PRIMARY KEY,
        order_id     uuid NOT NULL,
        -- A move: its order_history row (from and to status, the cancellation's reason) …
        history_id   bigint,
        -- … or a refund of this many minor units of the order's currency.
        refund_cents bigint,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CHECK ((history_id IS NULL) <> (refund_cents IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE order_mail_pending`);
  }
}
