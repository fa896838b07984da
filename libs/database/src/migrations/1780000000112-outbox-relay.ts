import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment's transaction writes its mails to the outbox and nothing else; a relay
 * (NotificationsService.relay, every OUTBOX_RELAY_MS) gives the new messages their delivery
 * jobs in batches. graphile_worker.add_job in the paying transaction cost 2.3 ms a payment
 * (its NOTIFY, task and queue rows) — the payment path's costliest statement in the
 * 2026-12-02 profile. `queued_at` marks a message given to the queue; the partial index finds
 * those still waiting for the relay.
 */
export class OutboxRelay1780000000112 implements MigrationInterface {
  name = 'OutboxRelay1780000000112';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN queued_at timestamptz`);
    // Messages written until now got their job when written (or get it from queueUnqueued at start).
    await q.query(`UPDATE outbox SET queued_at = created_at`);
    await q.query(`CREATE INDEX outbox_unqueued_idx ON outbox (id) WHERE queued_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_unqueued_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN queued_at`);
  }
}
