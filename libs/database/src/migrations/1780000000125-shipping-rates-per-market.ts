import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping rates in every market (#17): a rate's `province_code` is a first-level region of the
 * seller's market (cn: a GB/T 2260 province such as 520000; ke: a county such as KE-30) or '*'.
 * Migration 079 allowed GB/T province codes only; the column now takes any region code (the same
 * shape regions.code allows). That the code is a first-level region of the seller's market is
 * checked by the shipping service (a 400 naming the codes), as the seller's market lives on the
 * seller's row.
 */
export class ShippingRatesPerMarket1780000000125 implements MigrationInterface {
  name = 'ShippingRatesPerMarket1780000000125';

  async up(q: QueryRunner): Promise<void> {
    await dropProvinceCheck(q);
    await q.query(`ALTER TABLE seller_shipping_rates ADD CONSTRAINT seller_shipping_rates_province_code_check
      CHECK (province_code = '*' OR province_code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM seller_shipping_rates WHERE province_code <> '*' AND province_code !~ '^[0-9]{2}0000$'`);
    await dropProvinceCheck(q);
    await q.query(`ALTER TABLE seller_shipping_rates ADD CONSTRAINT seller_shipping_rates_province_code_check
      CHECK (province_code = '*' OR province_code ~ '^[0-9]{2}0000$')`);
  }
}

/** The CHECK on province_code, whatever PostgreSQL named it. */
async function dropProvinceCheck(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conname FROM pg_constraint
                WHERE conrelid = 'seller_shipping_rates'::regclass AND contype = 'c'
                  AND pg_get_constraintdef(oid) LIKE '%province_code%'
      LOOP
        EXECUTE format('ALTER TABLE seller_shipping_rates DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$`);
}
