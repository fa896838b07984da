// Nest pieces every feature lib shares, with no TypeORM: the caller type and the
// auth decorators (enforced by identity's guard). Sits just above `shared`.
export * from './auth-user';
export * from './auth.decorators';
