import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkouts, orders, order lines (with the snapshot reports rely on), order
 * history, payments, refunds and processed webhook events.
 */
export class OrdersPayments1780000000003 implements MigrationInterface {
  name = 'OrdersPayments1780000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE checkouts (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_id         uuid NOT NULL REFERENCES users(id),
        idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        request_hash     text NOT NULL,
        total_cents      bigint NOT NULL CHECK (total_cents >= 0),
        currency         char(3) NOT NULL DEFAULT 'CNY',
        shipping_address jsonb NOT NULL,
        response         json,
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (buyer_id, idempotency_key)
      )`);

    await q.query(`
      CREATE TABLE orders (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        checkout_id      uuid NOT NULL REFERENCES checkouts(id),
        buyer_id         uuid NOT NULL REFERENCES users(id),
        seller_type      text NOT NULL CHECK (seller_type IN ('farmer', 'cooperative')),
        seller_id        uuid NOT NULL,
        county_code      char(6) NOT NULL REFERENCES regions(code),
        status           text NOT NULL DEFAULT 'pending_payment'
                           CHECK (status IN ('pending_payment', 'paid', 'shipped', 'delivered', 'cancelled')),
        total_cents      bigint NOT NULL CHECK (total_cents >= 0),
        refunded_cents   bigint NOT NULL DEFAULT 0,
        currency         char(3) NOT NULL DEFAULT 'CNY',
        shipping_address jsonb NOT NULL,
        carrier          text,
        tracking_no      text,
        placed_at        timestamptz NOT NULL DEFAULT now(),
        paid_at          timestamptz,
        shipped_at       timestamptz,
        delivered_at     timestamptz,
        cancelled_at     timestamptz,
        cancel_reason    text,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (refunded_cents BETWEEN 0 AND total_cents)
      )`);
    await q.query(`CREATE INDEX orders_checkout_idx ON orders (checkout_id)`);
    await q.query(`CREATE INDEX orders_buyer_idx ON orders (buyer_id, placed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_seller_idx ON orders (seller_id, placed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_pending_idx ON orders (placed_at) WHERE status = 'pending_payment'`);

    await q.query(`
      CREATE TABLE order_lines (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id                    uuid NOT NULL REFERENCES orders(id),
        position                    integer NOT NULL,
        listing_id                  uuid NOT NULL REFERENCES listings(id),
        title                       text NOT NULL,
        unit                        text NOT NULL,
        category                    text NOT NULL,
        net_weight_grams            integer NOT NULL CHECK (net_weight_grams > 0),
        unit_price_cents            bigint NOT NULL CHECK (unit_price_cents >= 0),
        quantity                    integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
        line_total_cents            bigint NOT NULL CHECK (line_total_cents = unit_price_cents * quantity),
        producer_id                 uuid NOT NULL REFERENCES users(id),
        producer_county_code        char(6) NOT NULL REFERENCES regions(code),
        producer_poverty_registered boolean NOT NULL,
        UNIQUE (order_id, position)
      )`);
    await q.query(`CREATE INDEX order_lines_listing_idx ON order_lines (listing_id)`);

    await q.query(`
      CREATE TABLE order_history (
        id          bigserial PRIMARY KEY,
        order_id    uuid NOT NULL REFERENCES orders(id),
        from_status text,
        to_status   text NOT NULL,
        actor_id    uuid,
        actor_role  text NOT NULL,
        note        text,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_history_order_idx ON order_history (order_id, id)`);

    await q.query(`
      CREATE TABLE payments (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        checkout_id    uuid NOT NULL UNIQUE REFERENCES checkouts(id),
        provider       text NOT NULL CHECK (provider IN ('simulated', 'stripe')),
        status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
        amount_cents   bigint NOT NULL CHECK (amount_cents >= 0),
        currency       char(3) NOT NULL DEFAULT 'CNY',
        provider_ref   text UNIQUE,
        client_secret  text,
        succeeded_at   timestamptz,
        failed_at      timestamptz,
        failure_reason text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payments_succeeded_idx ON payments (succeeded_at) WHERE status = 'succeeded'`);

    await q.query(`
      CREATE TABLE refunds (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id     uuid NOT NULL REFERENCES orders(id),
        payment_id   uuid NOT NULL REFERENCES payments(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency     char(3) NOT NULL DEFAULT 'CNY',
        reason       text NOT NULL,
        status       text NOT NULL DEFAULT 'succeeded' CHECK (status IN ('pending', 'succeeded', 'failed')),
        source       text NOT NULL CHECK (source IN ('seller', 'admin', 'system', 'provider')),
        provider_ref text UNIQUE,
        created_by   uuid REFERENCES users(id),
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refunds_order_idx ON refunds (order_id)`);
    await q.query(`CREATE INDEX refunds_created_idx ON refunds (created_at)`);

    await q.query(`
      CREATE TABLE webhook_events (
        id          text PRIMARY KEY,
        provider    text NOT NULL,
        type        text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['webhook_events', 'refunds', 'payments', 'order_history', 'order_lines', 'orders', 'checkouts']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
