import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadReportSql } from './load-report-sql';

/**
 * Reports count goods only (#15 item 4): a refund's share of an order now gives the order's
 * shipping its proportional part, which reports leave out (report_refund_shares in
 * libs/reports/src/sql/020-sums.sql), so refunding goods and shipping never takes more than the
 * goods from a report. Orders placed before shipping fees have shipping_cents 0: nothing changes
 * for them.
 */
export class ReportRefundsWithoutShipping1780000000080 implements MigrationInterface {
  name = 'ReportRefundsWithoutShipping1780000000080';

  async up(q: QueryRunner): Promise<void> {
    await loadReportSql(q);
  }

  async down(): Promise<void> {
    // The previous function body is not kept; the new one gives the same shares for orders without shipping.
  }
}
