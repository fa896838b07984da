// Nest pieces every feature lib shares, with no TypeORM: the caller type and the auth decorators
// (enforced by identity's guard), the paging query DTO and the query-string transforms.
// Sits just above `shared` (see the layer test, libs/common/src/layers.spec.ts).
export * from './auth-user';
export * from './auth.decorators';
export * from './page-query.dto';
export * from './query-transforms';
export * from './endpoint.decorator';
