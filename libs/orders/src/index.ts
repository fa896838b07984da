export * from './orders.module';
export * from './orders.service';
export * from './checkout.service';
export * from './order.repository';
export * from './orders.errors';
