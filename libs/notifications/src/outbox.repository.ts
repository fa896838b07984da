import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type Channel = 'email' | 'sms';

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

/** All SQL about the notification outbox. */
@Injectable()
export class OutboxRepository {
  /** Writes a message on the caller's transaction: it is sent only if that transaction commits. */
  async insert(m: EntityManager, msg: NewOutboxMessage): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO outbox (channel, recipient, template, subject, body_text, body_html) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [msg.channel, msg.recipient, msg.template, msg.subject, msg.bodyText, msg.bodyHtml],
    );
    return rows[0].id;
  }

  /** Writes several messages in one statement on the caller's transaction (nothing when `msgs` is empty). */
  async insertMany(m: EntityManager, msgs: NewOutboxMessage[]): Promise<void> {
    if (msgs.length === 0) return;
    await m.query(
      `INSERT INTO outbox (channel, recipient, template, subject, body_text, body_html)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [msgs.map((x) => x.channel), msgs.map((x) => x.recipient), msgs.map((x) => x.template), msgs.map((x) => x.subject), msgs.map((x) => x.bodyText), msgs.map((x) => x.bodyHtml)],
    );
  }

  /** Claims up to `limit` due messages, oldest first; rows another worker holds are skipped, not waited for. */
  claimDue(m: EntityManager, limit: number): Promise<OutboxMessage[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM outbox
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id]);
  }

  /** Records a failed attempt: due again after `retryInMs`, or given up (failed_at) when `giveUp`. */
  async markFailed(m: EntityManager, id: string, error: string, retryInMs: number, giveUp: boolean): Promise<void> {
    await m.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = left($2, 1000),
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
              failed_at = CASE WHEN $4 THEN now() END
        WHERE id = $1`,
      [id, error, retryInMs, giveUp],
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
