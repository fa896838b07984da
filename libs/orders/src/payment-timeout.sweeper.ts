import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OrdersService } from './orders.service';

/** Every 30 s, cancels orders whose payment did not arrive in time (see OrdersService.expireUnpaidOrders). */
@Injectable()
export class PaymentTimeoutSweeper {
  private readonly logger = new Logger(PaymentTimeoutSweeper.name);
  private running = false;

  constructor(private readonly orders: OrdersService) {}

  @Interval('payment-timeout', 30_000)
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.orders.expireUnpaidOrders();
    } catch (err) {
      this.logger.warn(`payment-timeout sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
