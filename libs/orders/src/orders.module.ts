import { NotificationsModule } from '@farmlink/notifications';
import { OrderNotificationRepository } from './order-notification.repository';
import { OrderNotifications } from './order-notifications';
import { Module } from '@nestjs/common';
import { AuditModule } from '@farmlink/audit';
import { CatalogModule } from '@farmlink/catalog';
import { PAYMENT_OUTCOME_PORT, PaymentsModule } from '@farmlink/payments';
import { RegionsModule } from '@farmlink/regions';
import { CooperativesModule } from '@farmlink/cooperatives';
import { ShippingRateRepository } from './shipping-rate.repository';
import { ShippingService } from './shipping.service';
import { ShippingRatesController } from './shipping.controller';
import { CheckoutLimits } from './checkout-limits';
import { CheckoutService } from './checkout.service';
import { OrderRepository } from './order.repository';
import { CheckoutsController, OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/**
 * Checkout and orders. Binds PAYMENT_OUTCOME_PORT to OrdersService, so
 * payments can report outcomes without importing orders.
 */
@Module({
  imports: [CatalogModule, PaymentsModule, RegionsModule, CooperativesModule, AuditModule, NotificationsModule],
  controllers: [CheckoutsController, OrdersController, ShippingRatesController],
  providers: [
    OrderNotificationRepository,
    OrderNotifications,
    OrderRepository,
    CheckoutService,
    OrdersService,
    CheckoutLimits,
    ShippingRateRepository,
    ShippingService,
    { provide: PAYMENT_OUTCOME_PORT, useExisting: OrdersService },
  ],
  exports: [OrdersService, CheckoutService, PAYMENT_OUTCOME_PORT],
})
export class OrdersModule {}
