import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox is now delivered through the job queue (graphile-worker: one job
 * per message, keyed `outbox:<id>`, retried with the queue's own back-off), so
 * the hand-made schedule goes: `next_attempt_at` and its index. What is left to
 * send is still found by one partial index (the worker gives a job to any such
 * message that has none when it starts).
 */
export class OutboxJobQueue1780000000110 implements MigrationInterface {
  name = 'OutboxJobQueue1780000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_due_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN next_attempt_at`);
    await q.query(`CREATE INDEX outbox_unsent_idx ON outbox (created_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_unsent_idx`);
    await q.query(`ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
  }
}
