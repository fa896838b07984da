export * from './create-test-app';
export * from './spec-hooks';
export * from './test-database';
export * from './factories';
export * from './order-factories';
export * from './fake-stripe';
export * from './test-smtp';
