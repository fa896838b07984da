export * from './money';
export * from './roles';
export * from './categories';
export * from './region-level';
export * from './domain-error';
export * from './pagination';
export * from './order-state';
export * from './marketplace';
