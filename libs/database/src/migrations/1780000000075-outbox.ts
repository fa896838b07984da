import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox: a message is written here in the same transaction as
 * the event that causes it, and a worker (apps/api/src/jobs/periodic-jobs.ts,
 * once per cluster) delivers it after the commit, retrying with back-off.
 * Rows are claimed with FOR UPDATE SKIP LOCKED.
 */
export class Outbox1780000000075 implements MigrationInterface {
  name = 'Outbox1780000000075';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient       text NOT NULL,
        template        text NOT NULL,
        subject         text NOT NULL DEFAULT '',
        body_text       text NOT NULL,
        body_html       text,
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        sent_at         timestamptz,
        failed_at       timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // The worker's queue: what is still to be sent, oldest due first.
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
