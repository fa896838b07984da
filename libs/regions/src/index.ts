export * from './regions.module';
export * from './regions.service';
export * from './regions.errors';
export * from './region.repository';
export * from './jurisdiction';
export * from './markets.service';
export * from './market.repository';
export * from './region-import';
