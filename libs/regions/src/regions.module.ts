import { Module } from '@nestjs/common';
import { AuditModule } from '@farmlink/audit';
import { RegionRepository } from './region.repository';
import { ProgrammesController, RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [AuditModule],
  controllers: [RegionsController, ProgrammesController],
  providers: [RegionRepository, RegionsService],
  exports: [RegionsService],
})
export class RegionsModule {}
