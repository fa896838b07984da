import { Module } from '@nestjs/common';
import { AuditModule } from '@farmlink/audit';
import { MarketRepository } from './market.repository';
import { MarketsController } from './markets.controller';
import { MarketsService } from './markets.service';
import { RegionRepository } from './region.repository';
import { ProgrammesController, RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [AuditModule],
  controllers: [MarketsController, RegionsController, ProgrammesController],
  providers: [RegionRepository, RegionsService, MarketRepository, MarketsService],
  exports: [RegionsService, MarketsService],
})
export class RegionsModule {}
