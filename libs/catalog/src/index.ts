export * from './catalog.module';
export * from './catalog.service';
export * from './catalog.errors';
export * from './listing-stock.repository';
export * from './photo-storage';
export * from './dto/listing.dto';
export * from './listing-stock-context';
export { CARD_WIDTH } from './photo-processor';
