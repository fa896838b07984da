import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runOncePerCluster } from '@farmlink/database';
import { ReportRepository } from './report.repository';

/**
 * Every minute, once across the API processes: folds the sharded distinct-count counters into one
 * row each (report_compact_counters, migration 052). Payments add to their backend's shard so that
 * busy counters are not one hot row; without folding, a report would read up to 16 rows per counter.
 */
@Injectable()
export class ReportCountersCompactor {
  private readonly logger = new Logger(ReportCountersCompactor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportRepository,
  ) {}

  @Interval('report-counters', 60_000)
  compact(): Promise<boolean> {
    return runOncePerCluster(this.db, 'report-counters', () => this.reports.compactCounters(), this.logger);
  }
}
