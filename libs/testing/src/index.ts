export * from './create-test-app';
export * from './test-database';
export * from './factories';
export * from './order-factories';
export * from './fake-stripe';
