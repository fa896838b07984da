import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runOncePerCluster } from '@farmlink/database';
import { PaymentsService } from './payments.service';

/**
 * Every minute, once across the API processes: sends again refunds an external provider never
 * answered (PaymentsService.retryUnsentRefunds), so two processes never send the same refund at once.
 */
@Injectable()
export class RefundRetrySweeper {
  private readonly logger = new Logger(RefundRetrySweeper.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly payments: PaymentsService,
  ) {}

  @Interval('refund-retry', 60_000)
  sweep(): Promise<boolean> {
    return runOncePerCluster(this.db, 'refund-retry', () => this.payments.retryUnsentRefunds(), this.logger);
  }
}
