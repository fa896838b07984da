import { NotificationsModule } from '@farmlink/notifications';
import { OrderNotificationRepository } from './order-notification.repository';
import { OrderNotifications } from './order-notifications';
import { Module } from '@nestjs/common';
import { AuditModule } from '@farmlink/audit';
import { CatalogModule } from '@farmlink/catalog';
import { PAYMENT_OUTCOME_PORT, PaymentsModule } from '@farmlink/payments';
import { RegionsModule } from '@farmlink/regions';
import { CheckoutLimits } from './checkout-limits';
import { CheckoutService } from './checkout.service';
import { OrderRepository } from './order.repository';
import { CheckoutsController, OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { UnpaidCheckoutRepository } from './unpaid-checkout.repository';

/**
 * Checkout and orders. Binds PAYMENT_OUTCOME_PORT to OrdersService, so
 * payments can report outcomes without importing orders.
 */
@Module({
  imports: [CatalogModule, PaymentsModule, RegionsModule, AuditModule, NotificationsModule],
  controllers: [CheckoutsController, OrdersController],
  providers: [
    OrderNotificationRepository,
    OrderNotifications,
    OrderRepository,
    CheckoutService,
    OrdersService,
    UnpaidCheckoutRepository,
    CheckoutLimits,
    { provide: PAYMENT_OUTCOME_PORT, useExisting: OrdersService },
  ],
  exports: [OrdersService, CheckoutService, PAYMENT_OUTCOME_PORT],
})
export class OrdersModule {}
