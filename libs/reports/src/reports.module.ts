import { Module } from '@nestjs/common';
import { AuditModule } from '@farmlink/audit';
import { RegionsModule } from '@farmlink/regions';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportAccess } from './report.access';
import { ReportsService } from './reports.service';

/**
 * Sales reports. The rollups they read are kept by PostgreSQL triggers in the
 * same transaction as each payment and refund (migrations 1780000000050 to
 * 052) — DESIGN.md's "let PostgreSQL keep it" — so orders never calls
 * reports: a trigger also sees refunds whose status a provider settles later
 * and rows changed outside the API.
 */
@Module({
  imports: [RegionsModule, AuditModule],
  controllers: [ReportsController],
  providers: [ReportRepository, ReportAccess, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
