import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type Channel = 'email' | 'sms';

/** The job queue's task that delivers one outbox message; its payload is `{ id }`. */
export const DELIVER_TASK = 'deliver_notification';

export interface NewOutboxMessage {
  channel: Channel;
  recipient: string;
  template: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
}

export interface OutboxMessage extends NewOutboxMessage {
  id: string;
  attempts: number;
}

const COLUMNS = `id, channel, recipient, template, subject, body_text AS "bodyText", body_html AS "bodyHtml", attempts`;

/**
 * All SQL about the notification outbox and its delivery jobs. A message's job
 * is keyed `outbox:<id>` in graphile-worker, so a message has at most one.
 */
@Injectable()
export class OutboxRepository {
  /** Writes a message and its delivery job on the caller's transaction: both exist only if that transaction commits. */
  async insert(m: EntityManager, msg: NewOutboxMessage, maxAttempts: number): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `WITH o AS (
         INSERT INTO outbox (channel, recipient, template, subject, body_text, body_html, queued_at) VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id
       )
       SELECT o.id FROM o
       CROSS JOIN LATERAL graphile_worker.add_job($7, json_build_object('id', o.id), max_attempts => $8, job_key => 'outbox:' || o.id) AS job`,
      [msg.channel, msg.recipient, msg.template, msg.subject, msg.bodyText, msg.bodyHtml, DELIVER_TASK, maxAttempts],
    );
    return rows[0].id;
  }

  /**
   * Writes many messages and their delivery jobs (one job per `perJob` messages) in one statement on the
   * caller's transaction: the messages exist, queued, exactly when that transaction commits. Order mails
   * are rendered this way, off the event's transaction (OrderNotifications.renderPending).
   */
  async insertMany(m: EntityManager, msgs: NewOutboxMessage[], maxAttempts: number, perJob = 20): Promise<void> {
    if (msgs.length === 0) return;
    await m.query(
      `WITH o AS (
         INSERT INTO outbox (channel, recipient, template, subject, body_text, body_html, queued_at)
         SELECT x.*, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x
         RETURNING id
       ), chunks AS (
         SELECT json_agg(id ORDER BY id) AS ids FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / $7 AS chunk FROM o) x GROUP BY chunk
       )
       SELECT count(*)::int AS n FROM chunks c CROSS JOIN LATERAL graphile_worker.add_job($8, json_build_object('ids', c.ids), max_attempts => $9) AS job`,
      [
        msgs.map((x) => x.channel),
        msgs.map((x) => x.recipient),
        msgs.map((x) => x.template),
        msgs.map((x) => x.subject),
        msgs.map((x) => x.bodyText),
        msgs.map((x) => x.bodyHtml),
        perJob,
        DELIVER_TASK,
        maxAttempts,
      ],
    );
  }

  /**
   * The relay, for messages written without a job (none since insertMany writes its jobs; rows of an older
   * version): marks up to `limit` messages not yet given to the queue as queued and adds one
   * delivery job per `perJob` of them, in one statement; rows another relay holds are skipped (several
   * API processes may relay at once). Answers how many messages were queued.
   */
  async queueNew(m: EntityManager, maxAttempts: number, limit = 1000, perJob = 20): Promise<number> {
    const rows = await m.query(
      `WITH picked AS (
         SELECT id FROM outbox WHERE queued_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE outbox o SET queued_at = now() FROM picked WHERE o.id = picked.id RETURNING o.id
       ), chunks AS (
         SELECT json_agg(id ORDER BY id) AS ids, count(*) AS n
           FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / $2 AS chunk FROM marked) x GROUP BY chunk
       )
       SELECT coalesce(sum(c.n), 0)::int AS n
         FROM chunks c CROSS JOIN LATERAL graphile_worker.add_job($3, json_build_object('ids', c.ids), max_attempts => $4) AS job`,
      [limit, perJob, DELIVER_TASK, maxAttempts],
    );
    return rows[0].n;
  }

  /** Gives a delivery job to every message still to be sent that has none (key taken: left as it is); answers how many were looked at. */
  async queueUnqueued(m: EntityManager, maxAttempts: number): Promise<number> {
    const rows = await m.query(
      `SELECT count(*)::int AS n FROM outbox o
       CROSS JOIN LATERAL graphile_worker.add_job($1, json_build_object('id', o.id), max_attempts => $2, job_key => 'outbox:' || o.id, job_key_mode => 'unsafe_dedupe') AS job
       WHERE o.sent_at IS NULL AND o.failed_at IS NULL`,
      [DELIVER_TASK, maxAttempts],
    );
    return rows[0].n;
  }

  /**
   * Of the messages `ids`, those still to be sent (not sent, not given up), locked until the caller's
   * transaction ends; a message another delivery holds is skipped, so no message goes out twice at once
   * (a message can have two jobs: its event's, and one given at start-up by queueUnqueued).
   */
  lockPending(m: EntityManager, ids: string[]): Promise<OutboxMessage[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NULL AND failed_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED`,
      [ids],
    );
  }

  /** Records messages sent (one statement for a delivery's batch). */
  async markSent(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Records a failed attempt; `giveUp` (the queue's last attempt) marks the message failed. */
  async markFailed(m: EntityManager, id: string, error: string, giveUp: boolean): Promise<void> {
    await m.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = left($2, 1000), failed_at = CASE WHEN $3 THEN now() END WHERE id = $1`,
      [id, error, giveUp],
    );
  }

  /** Deletes messages sent more than `days` ago (the outbox is a queue, not an archive); answers how many. */
  async purgeSent(m: EntityManager, days: number): Promise<number> {
    const rows = await m.query(
      `WITH gone AS (DELETE FROM outbox WHERE sent_at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [days],
    );
    return rows[0].n;
  }
}
