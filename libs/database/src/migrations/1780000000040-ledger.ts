import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seller ledger (append-only), and what Stripe needs beside the tables of
 * 1780000000003: a provider refund shared among several orders gives one
 * refunds row per order with the same provider_ref, and processed webhook
 * events keep what they were about and what was done.
 */
export class Ledger1780000000040 implements MigrationInterface {
  name = 'Ledger1780000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seller_ledger_entries (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq          bigserial NOT NULL UNIQUE,
        seller_type  text NOT NULL CHECK (seller_type IN ('farmer', 'cooperative')),
        seller_id    uuid NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('sale', 'fee', 'refund', 'fee_refund')),
        amount_cents bigint NOT NULL,
        currency     char(3) NOT NULL DEFAULT 'CNY',
        fee_bps      integer NOT NULL DEFAULT 0 CHECK (fee_bps BETWEEN 0 AND 10000),
        order_id     uuid NOT NULL REFERENCES orders(id),
        payment_id   uuid NOT NULL REFERENCES payments(id),
        refund_id    uuid REFERENCES refunds(id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        -- Credits are positive, debits negative.
        CHECK (CASE kind WHEN 'sale' THEN amount_cents >= 0 WHEN 'fee_refund' THEN amount_cents >= 0 ELSE amount_cents <= 0 END),
        CHECK ((kind IN ('refund', 'fee_refund')) = (refund_id IS NOT NULL))
      )`);
    // A sale and its fee are written once per order; a refund and its fee return once per refund.
    await q.query(`CREATE UNIQUE INDEX seller_ledger_sale_key ON seller_ledger_entries (order_id, kind) WHERE refund_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX seller_ledger_refund_key ON seller_ledger_entries (refund_id, kind) WHERE refund_id IS NOT NULL`);
    await q.query(`CREATE INDEX seller_ledger_seller_idx ON seller_ledger_entries (seller_id, seller_type, seq DESC)`);
    await q.query(`CREATE INDEX seller_ledger_payment_idx ON seller_ledger_entries (payment_id)`);
    await q.query(`CREATE INDEX seller_ledger_created_idx ON seller_ledger_entries (created_at)`);
    // Append-only: corrections are new entries, never edits.
    await q.query(`
      CREATE FUNCTION seller_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'seller_ledger_entries is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER seller_ledger_append_only BEFORE UPDATE OR DELETE ON seller_ledger_entries
        FOR EACH ROW EXECUTE FUNCTION seller_ledger_append_only()`);

    await q.query(`ALTER TABLE refunds DROP CONSTRAINT refunds_provider_ref_key`);
    await q.query(`CREATE UNIQUE INDEX refunds_provider_ref_order_key ON refunds (provider_ref, order_id)`);
    await q.query(`CREATE INDEX refunds_payment_idx ON refunds (payment_id)`);

    await q.query(`ALTER TABLE webhook_events ADD COLUMN object_ref text, ADD COLUMN outcome text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events DROP COLUMN outcome, DROP COLUMN object_ref`);
    await q.query(`DROP INDEX refunds_payment_idx`);
    await q.query(`DROP INDEX refunds_provider_ref_order_key`);
    await q.query(`ALTER TABLE refunds ADD CONSTRAINT refunds_provider_ref_key UNIQUE (provider_ref)`);
    await q.query(`DROP TABLE seller_ledger_entries`);
    await q.query(`DROP FUNCTION seller_ledger_append_only()`);
  }
}
