import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ReportRepository } from './report.repository';

/**
 * Every minute, folds the sharded distinct-count counters into one row each
 * (report_compact_counters, migration 052). Payments add to their backend's
 * shard so that busy counters are not one hot row; without folding, a report
 * would read up to 16 rows per counter. Safe with several API processes: the
 * function locks the rows it folds.
 */
@Injectable()
export class ReportCountersCompactor {
  private readonly logger = new Logger(ReportCountersCompactor.name);
  private running = false;

  constructor(private readonly reports: ReportRepository) {}

  @Interval('report-counters', 60_000)
  async compact(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reports.compactCounters();
    } catch (err) {
      this.logger.warn(`report counters compaction failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
