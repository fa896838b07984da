import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping fees (#15 item 4): each seller of record (a farmer or a cooperative) sets rates by
 * destination province ('*' for every other province); an order carries its shipping apart from its
 * lines (total_cents = Σ line totals + shipping_cents), and the seller ledger credits it in its own
 * 'shipping' entry. Reports read the lines only, so shipping never counts as produce sold.
 */
export class ShippingRates1780000000079 implements MigrationInterface {
  name = 'ShippingRates1780000000079';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seller_shipping_rates (
        seller_type      text NOT NULL CHECK (seller_type IN ('farmer', 'cooperative')),
        seller_id        uuid NOT NULL,
        province_code    text NOT NULL CHECK (province_code = '*' OR province_code ~ '^[0-9]{2}0000$'),
        base_cents       bigint NOT NULL CHECK (base_cents >= 0),
        per_kg_cents     bigint NOT NULL CHECK (per_kg_cents >= 0),
        free_above_cents bigint CHECK (free_above_cents >= 0),
        no_delivery      boolean NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (seller_type, seller_id, province_code)
      )`);
    await q.query(`ALTER TABLE orders ADD COLUMN shipping_cents bigint NOT NULL DEFAULT 0 CHECK (shipping_cents >= 0)`);
    // The ledger's kinds and signs, with 'shipping' (a credit, once per order like 'sale').
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                  WHERE conrelid = 'seller_ledger_entries'::regclass AND contype = 'c'
                    AND pg_get_constraintdef(oid) LIKE '%fee_refund%' AND pg_get_constraintdef(oid) NOT LIKE '%refund_id%'
        LOOP
          EXECUTE format('ALTER TABLE seller_ledger_entries DROP CONSTRAINT %I', c.conname);
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE seller_ledger_entries ADD CONSTRAINT seller_ledger_kind_check
      CHECK (kind IN ('sale', 'shipping', 'fee', 'refund', 'fee_refund'))`);
    await q.query(`ALTER TABLE seller_ledger_entries ADD CONSTRAINT seller_ledger_sign_check
      CHECK (CASE kind WHEN 'sale' THEN amount_cents >= 0 WHEN 'shipping' THEN amount_cents >= 0 WHEN 'fee_refund' THEN amount_cents >= 0 ELSE amount_cents <= 0 END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seller_ledger_entries DROP CONSTRAINT seller_ledger_sign_check`);
    await q.query(`ALTER TABLE seller_ledger_entries DROP CONSTRAINT seller_ledger_kind_check`);
    await q.query(`ALTER TABLE seller_ledger_entries ADD CHECK (kind IN ('sale', 'fee', 'refund', 'fee_refund'))`);
    await q.query(`ALTER TABLE seller_ledger_entries ADD CHECK (CASE kind WHEN 'sale' THEN amount_cents >= 0 WHEN 'fee_refund' THEN amount_cents >= 0 ELSE amount_cents <= 0 END)`);
    await q.query(`ALTER TABLE orders DROP COLUMN shipping_cents`);
    await q.query(`DROP TABLE seller_shipping_rates`);
  }
}
