import { Module } from '@nestjs/common';
import { ListingStockRepository } from './listing-stock.repository';

@Module({
  providers: [ListingStockRepository],
  exports: [ListingStockRepository],
})
export class CatalogModule {}
