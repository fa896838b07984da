import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@farmlink/common';
import { ReconciliationQueryDto, ReconciliationReportDto } from './dto/ledger.dto';
import { ReconciliationReport, ReconciliationService } from './reconciliation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Endpoint({
    summary: 'Payments succeeded minus refunds, against paid orders and the seller ledger, for a range of dates',
    description:
      'Covers payments that succeeded, orders paid and ledger entries written between from and to (calendar dates in ' +
      'the market\'s zone, REPORT_TIME_ZONE for cn, both inclusive), for one market (`market`, default cn) and so one currency. Lists every mismatch, order by order and payment by payment; none in a healthy system.',
    access: ['admin'],
    ok: { type: ReconciliationReportDto },
  })
  run(@Query() query: ReconciliationQueryDto): Promise<ReconciliationReport> {
    return this.reconciliation.run(query.from, query.to, query.market);
  }
}
