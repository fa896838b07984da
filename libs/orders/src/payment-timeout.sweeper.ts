import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runOncePerCluster } from '@farmlink/database';
import { OrdersService } from './orders.service';

/** Every 30 s, once across the API processes: cancels orders whose payment did not arrive in time (OrdersService.expireUnpaidOrders). */
@Injectable()
export class PaymentTimeoutSweeper {
  private readonly logger = new Logger(PaymentTimeoutSweeper.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrdersService,
  ) {}

  @Interval('payment-timeout', 30_000)
  sweep(): Promise<boolean> {
    return runOncePerCluster(this.db, 'payment-timeout', () => this.orders.expireUnpaidOrders(), this.logger);
  }
}
