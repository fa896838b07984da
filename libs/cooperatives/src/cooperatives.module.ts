import { Module } from '@nestjs/common';
import { RegionsModule } from '@farmlink/regions';
import { CooperativeRepository } from './cooperative.repository';
import { CooperativesController } from './cooperatives.controller';
import { CooperativesService } from './cooperatives.service';

@Module({
  imports: [RegionsModule],
  controllers: [CooperativesController],
  providers: [CooperativeRepository, CooperativesService],
  exports: [CooperativesService],
})
export class CooperativesModule {}
