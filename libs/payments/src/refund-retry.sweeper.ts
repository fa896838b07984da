import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PaymentsService } from './payments.service';

/** Every minute, sends again refunds an external provider never answered (see PaymentsService.retryUnsentRefunds). */
@Injectable()
export class RefundRetrySweeper {
  private readonly logger = new Logger(RefundRetrySweeper.name);
  private running = false;

  constructor(private readonly payments: PaymentsService) {}

  @Interval('refund-retry', 60_000)
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.payments.retryUnsentRefunds();
    } catch (err) {
      this.logger.warn(`refund retry sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
