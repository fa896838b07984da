import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, type JobHelpers, type Runner } from 'graphile-worker';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, jobQueueLogger } from '@farmlink/database';
import { Mailer } from './mailer';
import { DELIVER_TASK, OutboxRepository, type NewOutboxMessage } from './outbox.repository';
import { Sms } from './sms';
import type { RenderedMail } from './templates';

/** One message of an event, for enqueueAll: a rendered mail, or a text message. */
export type OutboxEntry =
  | { channel: 'email'; to: string; template: string; mail: RenderedMail }
  | { channel: 'sms'; to: string; template: string; text: string };

/**
 * Notifications that are never lost. `enqueueEmail` / `enqueueSms` write the
 * message to the outbox AND its delivery job to the job queue (graphile-worker,
 * `graphile_worker.add_job`) on the caller's transaction, so both exist exactly
 * when the event does. The outbox row is the record of what was (or could not
 * be) sent; the job carries only ids. `enqueueAll` writes many messages and
 * their jobs (one per 20 messages) in one statement. The relay (`relay`, a
 * periodic job every OUTBOX_RELAY_MS) asks its sources (addSource: order mails,
 * queued unrendered by the payment's statement) to render their events with
 * it, so the paying transaction never touches the outbox or the queue.
 *
 * Delivery: each API process runs a graphile-worker runner on a small pool of
 * its own. The queue gives each job to one process (its row locks), starts it
 * as soon as the enqueuing transaction commits (LISTEN/NOTIFY), and retries a
 * failed one with its exponential back-off (e^attempts seconds: 3 s, 7 s, 20 s,
 * 55 s, … at most about 6 h between tries) until OUTBOX_MAX_ATTEMPTS; retries
 * that fall due are found by polling every OUTBOX_POLL_MS. Delivery is at least
 * once: a crash between sending and recording it sends that message again.
 */
@Injectable()
export class NotificationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly maxAttempts: number;
  private runner: Runner | null = null;
  private pool: Pool | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly sms: Sms,
    private readonly config: ConfigService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.maxAttempts = Number(config.get('OUTBOX_MAX_ATTEMPTS') ?? 12);
  }

  /** Writes a mail to the outbox, and its delivery job to the queue, in the caller's transaction. */
  enqueueEmail(m: EntityManager, to: string, template: string, mail: RenderedMail): Promise<string> {
    return this.outbox.insert(m, { channel: 'email', recipient: to, template, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html }, this.maxAttempts);
  }

  /** Writes a text message to the outbox (and its job) in the caller's transaction (only when an SMS gateway is configured). */
  async enqueueSms(m: EntityManager, to: string, template: string, text: string): Promise<void> {
    if (!this.sms.enabled) return;
    await this.outbox.insert(m, { channel: 'sms', recipient: to, template, subject: '', bodyText: text, bodyHtml: null }, this.maxAttempts);
  }

  /**
   * Writes many events' messages to the outbox, with their delivery jobs (one per 20 messages), in one
   * statement on the caller's transaction (text messages only when an SMS gateway is configured).
   */
  async enqueueAll(m: EntityManager, entries: OutboxEntry[]): Promise<void> {
    const rows = entries.flatMap((e): NewOutboxMessage[] =>
      e.channel === 'email'
        ? [{ channel: 'email', recipient: e.to, template: e.template, subject: e.mail.subject, bodyText: e.mail.text, bodyHtml: e.mail.html }]
        : this.sms.enabled
          ? [{ channel: 'sms', recipient: e.to, template: e.template, subject: '', bodyText: e.text, bodyHtml: null }]
          : [],
    );
    await this.outbox.insertMany(m, rows, this.maxAttempts);
  }

  /**
   * The relay: asks its sources to render their queued events (with their delivery jobs), then gives a job
   * to any message still without one (written by an older version; one job per 20).
   */
  async relay(): Promise<number> {
    // First the events that queue their mails unrendered (order mails: OrderNotifications) become outbox messages.
    for (const source of this.sources) await source();
    let total = 0;
    for (;;) {
      const n = await this.outbox.queueNew(this.db.manager, this.maxAttempts);
      total += n;
      if (n < 1000) return total;
    }
  }

  private readonly sources: (() => Promise<unknown>)[] = [];

  /**
   * A source of outbox messages that the relay asks first, every tick: a module whose events queue
   * their mails unrendered (off the event's transaction) renders them into the outbox here
   * (OrderNotifications.renderPending). Lower layers cannot call it; it registers itself.
   */
  addSource(render: () => Promise<unknown>): void {
    this.sources.push(render);
  }

  /** Starts this process's queue runner (before the app takes requests). */
  async onModuleInit(): Promise<void> {
    await this.startRunner();
    // Messages written before the queue existed (or whose job was lost) get a job now; once each, by their job key.
    const adopted = await this.outbox.queueUnqueued(this.db.manager, this.maxAttempts);
    if (adopted > 0) this.logger.log(`queued ${adopted} undelivered outbox message(s)`);
  }

  private closing = false;
  private restartTimer: NodeJS.Timeout | null = null;

  /**
   * A runner on a pool of its own: a LISTEN connection and one per running job, never taken from the
   * API's pool. The pool's errors are logged here: a connection the server ends (a restart, a failover, a
   * dropped database) must not become an unhandled 'error' event that stops the process. A runner that
   * ends on an error it could not recover from (e.g. the database was down while it recorded a job's end)
   * is replaced after OUTBOX_RESTART_MS (5 s), so deliveries resume by themselves after an outage.
   */
  private async startRunner(): Promise<void> {
    const concurrency = Number(this.config.get('OUTBOX_CONCURRENCY') ?? 2);
    const pool = new Pool({ connectionString: this.config.getOrThrow<string>('DATABASE_URL'), max: concurrency + 2 });
    pool.on('error', (err) => this.logger.warn(`job queue connection: ${err.message}`));
    pool.on('connect', (client) => client.on('error', (err) => this.logger.warn(`job queue connection: ${err.message}`)));
    this.pool = pool;
    const runner = await run({
      pgPool: pool,
      concurrency,
      pollInterval: Number(this.config.get('OUTBOX_POLL_MS') ?? 5000),
      noHandleSignals: true, // the app's own SIGTERM handler closes the app, which stops the runner (onModuleDestroy)
      logger: jobQueueLogger((level, message) => {
        if (level === 'error') this.logger.error(message);
        else if (level === 'warning') this.logger.warn(message);
      }),
      parsedCronItems: [],
      // Record jobs' ends through the queue's batcher (0 ms: no added wait). Unbatched, graphile-worker
      // 0.17 records a job's success or failure without awaiting it, so a database outage at that moment
      // became an unhandled rejection, which ends a Node process; batched, it retries (200 ms … 30 s) and,
      // if the database stays away, stops the runner, which startRunner's handler starts again.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: { [DELIVER_TASK]: (payload, helpers) => this.deliver(payload as { id?: string; ids?: string[] }, helpers) },
    });
    this.runner = runner;
    runner.promise.then(
      () => undefined,
      (err: Error) => {
        if (this.closing || this.runner !== runner) return;
        this.logger.error(`job queue stopped: ${err.message}; starting it again`);
        this.runner = null;
        this.pool = null;
        void pool.end().catch(() => undefined);
        this.scheduleRestart();
      },
    );
  }

  private scheduleRestart(): void {
    if (this.closing || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.closing) return;
      this.startRunner().catch((err: Error) => {
        this.logger.warn(`job queue restart failed: ${err.message}`);
        this.scheduleRestart();
      });
    }, Number(this.config.get('OUTBOX_RESTART_MS') ?? 5000));
    this.restartTimer.unref();
  }

  /** Lets running deliveries finish, hands this process's jobs back, ends the queue's pool (before TypeORM's pool closes). */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const runner = this.runner;
    this.runner = null;
    if (runner) await runner.stop().catch((err: Error) => this.logger.warn(`job queue stop: ${err.message}`));
    const pool = this.pool;
    this.pool = null;
    if (pool) await pool.end().catch((err: Error) => this.logger.warn(`job queue pool: ${err.message}`));
  }

  /** Forgets messages sent more than 30 days ago. */
  purgeSent(days = 30): Promise<number> {
    return this.outbox.purgeSent(this.db.manager, days);
  }

  /**
   * The queue's task: sends the job's messages still to be sent (one for a single message, all of an
   * event's for enqueueAll), holding their rows locked meanwhile, and records those sent in one
   * statement. Failed ones record the attempt (on the job's last attempt they are given up) and the job
   * throws, so the queue retries it later — for those only: the sent ones are skipped next time.
   */
  private async deliver(payload: { id?: string; ids?: string[] }, helpers: JobHelpers): Promise<void> {
    const ids = payload?.ids ?? (payload?.id ? [payload.id] : []);
    if (ids.length === 0) return;
    const giveUp = helpers.job.attempts >= helpers.job.max_attempts;
    const failed = await inTransaction(this.db, async (m) => {
      const due = await this.outbox.lockPending(m, ids); // already sent, given up, purged or being sent: not here
      const sent: string[] = [];
      const errors: Error[] = [];
      for (const msg of due) {
        try {
          if (msg.channel === 'sms') await this.sms.send(msg.recipient, msg.bodyText);
          else await this.mailer.send({ to: msg.recipient, subject: msg.subject, text: msg.bodyText, html: msg.bodyHtml });
          sent.push(msg.id);
        } catch (err) {
          this.logger.warn(`outbox ${msg.id} (${msg.template}) attempt ${helpers.job.attempts} failed: ${(err as Error).message}${giveUp ? '; giving up' : ''}`);
          await this.outbox.markFailed(m, msg.id, (err as Error).message, giveUp);
          errors.push(err as Error);
        }
      }
      await this.outbox.markSent(m, sent);
      return errors;
    });
    if (failed.length > 0) throw failed[0];
  }
}
