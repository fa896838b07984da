import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runOncePerCluster } from '@farmlink/database';
import { RateLimitRepository } from '@farmlink/identity';
import { NotificationsService } from '@farmlink/notifications';
import { OrdersService } from '@farmlink/orders';
import { PaymentsService } from '@farmlink/payments';
import { ReportsService } from '@farmlink/reports';

/**
 * Every periodic job of FarmLink, in one place. Each round runs once across all
 * API processes on the database (runOncePerCluster: an advisory lock per job),
 * so N processes never cancel, refund or fold the same rows twice. Notifications
 * are delivered by the job queue (NotificationsService), which retries them
 * itself; the relay that hands new outbox messages to it is here.
 */
@Injectable()
export class PeriodicJobs {
  private readonly logger = new Logger(PeriodicJobs.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly reports: ReportsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Every 30 s: cancels orders whose payment did not arrive in PAYMENT_TIMEOUT_MINUTES and returns their stock. */
  @Interval('payment-timeout', 30_000)
  paymentTimeout(): Promise<boolean> {
    return runOncePerCluster(this.db, 'payment-timeout', () => this.orders.expireUnpaidOrders(), this.logger);
  }

  /** Every minute: sends again the refunds an external provider (Stripe) never answered. */
  @Interval('refund-retry', 60_000)
  refundRetry(): Promise<boolean> {
    return runOncePerCluster(this.db, 'refund-retry', () => this.payments.retryUnsentRefunds(), this.logger);
  }

  /**
   * Every second: the report aggregator folds the sales and refunds that payments and refunds
   * appended to report_pending into the rollups (reports also run it on demand before reading).
   * Once cluster-wide by its own lock: each batch is one statement that try-locks a transaction
   * advisory lock (report_apply_pending(limit, false)), so a round holds one pool connection for
   * the length of a batch, rather than runOncePerCluster's session lock on a second one.
   */
  @Interval('report-aggregator', 1_000)
  async reportAggregator(): Promise<number> {
    if (this.aggregating) return 0; // the last round is still running in this process
    this.aggregating = true;
    try {
      return await this.reports.applyPending(undefined, false);
    } catch (err) {
      this.logger.warn(`report-aggregator failed: ${(err as Error).message}`);
      return 0;
    } finally {
      this.aggregating = false;
    }
  }

  private aggregating = false;

  /** Every 5 minutes: deletes the login/register rate-limit counters (PostgreSQL storage) whose window and block are over. */
  @Interval('rate-limit-cleanup', 300_000)
  rateLimitCleanup(): Promise<boolean> {
    return runOncePerCluster(this.db, 'rate-limit-cleanup', () => new RateLimitRepository(this.db).deleteExpired(), this.logger);
  }

  /**
   * Twice a second: the outbox relay renders the order mails that events queued (a payment, a shipment,
   * a cancellation, a refund: OrderNotifications) into the outbox, then gives new outbox messages their
   * delivery jobs, a batch at a time; the job queue sends them (NotificationsService).
   */
  @Interval('outbox-relay', Number(process.env.OUTBOX_RELAY_MS ?? 500))
  outboxRelay(): Promise<boolean> {
    return runOncePerCluster(this.db, 'outbox-relay', () => this.notifications.relay(), this.logger);
  }

  /** Every hour: forgets outbox messages sent more than 30 days ago. */
  @Interval('outbox-purge', 3_600_000)
  outboxPurge(): Promise<boolean> {
    return runOncePerCluster(this.db, 'outbox-purge', () => this.notifications.purgeSent(30), this.logger);
  }
}
