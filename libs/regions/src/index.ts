export * from './regions.module';
export * from './regions.service';
export * from './regions.errors';
export * from './region.repository';
export * from './jurisdiction';
