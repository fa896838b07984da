// Nest pieces every feature lib shares, with no TypeORM: the caller type and the auth decorators
// (enforced by identity's guard), @Endpoint (one decorator per route), the paging query and page DTOs,
// the query-string transforms and the composed DTO field decorators (dto-fields.ts).
// Sits just above `shared` (see the layer test, test/layers.spec.ts).
export * from './auth-user';
export * from './auth.decorators';
export * from './page-query.dto';
export * from './query-transforms';
export * from './dto-fields';
export * from './endpoint.decorator';
