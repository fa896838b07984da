export * from './catalog.module';
export * from './listing-stock.repository';
