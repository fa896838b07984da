import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, runOncePerCluster } from '@farmlink/database';
import { Mailer } from './mailer';
import { OutboxRepository, type NewOutboxMessage } from './outbox.repository';
import { Sms } from './sms';
import type { RenderedMail } from './templates';

/** One message of an event, for enqueueAll: a rendered mail, or a text message. */
export type OutboxEntry =
  | { channel: 'email'; to: string; template: string; mail: RenderedMail }
  | { channel: 'sms'; to: string; template: string; text: string };

/**
 * Notifications that are never lost: `enqueueEmail` writes the message to the
 * outbox on the caller's transaction (so it exists exactly when the event
 * does); `deliverDue` sends what is due, marks it sent, and on failure
 * schedules a retry with exponential back-off (OUTBOX_RETRY_BASE_MS × 2^n,
 * at most an hour) until OUTBOX_MAX_ATTEMPTS.
 */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private closing = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly sms: Sms,
    config: ConfigService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.retryBaseMs = Number(config.get('OUTBOX_RETRY_BASE_MS') ?? 30_000);
    this.maxAttempts = Number(config.get('OUTBOX_MAX_ATTEMPTS') ?? 12);
  }

  /** Writes a mail to the outbox in the caller's transaction. */
  enqueueEmail(m: EntityManager, to: string, template: string, mail: RenderedMail): Promise<string> {
    return this.outbox.insert(m, { channel: 'email', recipient: to, template, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html });
  }

  /** Writes a text message to the outbox in the caller's transaction (only when an SMS gateway is configured). */
  async enqueueSms(m: EntityManager, to: string, template: string, text: string): Promise<void> {
    if (!this.sms.enabled) return;
    await this.outbox.insert(m, { channel: 'sms', recipient: to, template, subject: '', bodyText: text, bodyHtml: null });
  }

  /**
   * Writes all of an event's messages to the outbox in one statement on the caller's transaction (text
   * messages only when an SMS gateway is configured). Hot paths (the payment) use this one.
   */
  async enqueueAll(m: EntityManager, entries: OutboxEntry[]): Promise<void> {
    const rows = entries.flatMap((e): NewOutboxMessage[] =>
      e.channel === 'email'
        ? [{ channel: 'email' as const, recipient: e.to, template: e.template, subject: e.mail.subject, bodyText: e.mail.text, bodyHtml: e.mail.html }]
        : this.sms.enabled
          ? [{ channel: 'sms' as const, recipient: e.to, template: e.template, subject: '', bodyText: e.text, bodyHtml: null }]
          : [],
    );
    await this.outbox.insertMany(m, rows);
  }

  /** Starts a delivery round now (after a commit that enqueued something), once cluster-wide; never throws. */
  deliverSoon(): void {
    setImmediate(() => {
      if (!this.closing && this.db.isInitialized) void runOncePerCluster(this.db, 'outbox', () => this.deliverDue(), this.logger);
    });
  }

  onModuleDestroy(): void {
    this.closing = true;
  }

  /** Forgets messages sent more than 30 days ago. */
  purgeSent(days = 30): Promise<number> {
    return this.outbox.purgeSent(this.db.manager, days);
  }

  /** Sends every due message, a batch at a time; answers how many were sent. */
  async deliverDue(batch = 20): Promise<number> {
    let sent = 0;
    for (;;) {
      const result = await inTransaction(this.db, async (m) => {
        const due = await this.outbox.claimDue(m, batch);
        let ok = 0;
        for (const msg of due) {
          try {
            if (msg.channel === 'sms') await this.sms.send(msg.recipient, msg.bodyText);
            else await this.mailer.send({ to: msg.recipient, subject: msg.subject, text: msg.bodyText, html: msg.bodyHtml });
            await this.outbox.markSent(m, msg.id);
            ok++;
          } catch (err) {
            const attempts = msg.attempts + 1;
            const giveUp = attempts >= this.maxAttempts;
            const retryIn = Math.min(this.retryBaseMs * 2 ** (attempts - 1), 3_600_000);
            this.logger.warn(`outbox ${msg.id} (${msg.template}) attempt ${attempts} failed: ${(err as Error).message}${giveUp ? '; giving up' : ''}`);
            await this.outbox.markFailed(m, msg.id, (err as Error).message, retryIn, giveUp);
          }
        }
        return { claimed: due.length, ok };
      }, { retries: 0 }); // never again: a retry would send the batch twice
      sent += result.ok;
      if (result.claimed < batch) return sent;
    }
  }
}
