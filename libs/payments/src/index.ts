export * from './payments.module';
export * from './payments.service';
export * from './payment-outcome.port';
export * from './payment-provider';
export * from './payment.repository';
export * from './payments.errors';
