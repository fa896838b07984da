import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Readable order numbers (`orders.order_no`, e.g. `FL-7K3M9-Q`): short enough to read over the
 * phone, unique, and different for each order of one checkout. A sequence gives n; n < 32^5 is
 * scrambled by an affine bijection mod 32^5 (consecutive orders do not look consecutive, and the
 * number is always 5 symbols), larger n are used as they are (6+ symbols, still unique). The body is
 * Crockford base32 (no I, L, O, U), followed by a check symbol: Σ digit·(2i−1) mod 32 — every
 * single mistyped symbol changes it. libs/shared/src/order-no.ts is the same in TypeScript (tested
 * against this function). Existing orders are numbered in the order they were placed.
 * Searching by a number (or its beginning) uses the unique index (text_pattern_ops: LIKE 'FL-7K%').
 * Sellers' filtered lists use the existing orders_seller_idx (seller, placed_at) and order_lines_listing_idx.
 */
export class OrderNumbers1780000000077 implements MigrationInterface {
  name = 'OrderNumbers1780000000077';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE order_no_seq AS bigint START WITH 1`);
    await q.query(`
      CREATE FUNCTION order_no_of(n bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        v bigint := CASE WHEN n < 33554432 THEN (n * 15485863 + 7654321) % 33554432 ELSE n END;
        body text := '';
        s int := 0;
      BEGIN
        LOOP
          body := substr(alphabet, (v % 32)::int + 1, 1) || body;
          v := v / 32;
          EXIT WHEN v = 0;
        END LOOP;
        IF length(body) < 5 THEN body := lpad(body, 5, '0'); END IF; -- lpad would cut a longer one
        FOR i IN 1..length(body) LOOP
          s := s + (strpos(alphabet, substr(body, i, 1)) - 1) * (2 * i - 1);
        END LOOP;
        RETURN 'FL-' || body || '-' || substr(alphabet, s % 32 + 1, 1);
      END $$`);
    await q.query(`ALTER TABLE orders ADD COLUMN order_no text`);
    await q.query(`
      UPDATE orders o SET order_no = order_no_of(t.n)
        FROM (SELECT id, nextval('order_no_seq') AS n FROM (SELECT id FROM orders ORDER BY placed_at, id) s) t
       WHERE t.id = o.id`);
    await q.query(`ALTER TABLE orders ALTER COLUMN order_no SET DEFAULT order_no_of(nextval('order_no_seq')), ALTER COLUMN order_no SET NOT NULL`);
    await q.query(`ALTER SEQUENCE order_no_seq OWNED BY orders.order_no`);
    await q.query(`CREATE UNIQUE INDEX orders_order_no_key ON orders (order_no text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP COLUMN order_no`);
    await q.query(`DROP FUNCTION order_no_of(bigint)`);
    await q.query(`DROP SEQUENCE IF EXISTS order_no_seq`);
  }
}
