import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@farmlink/common';
import { ReconciliationQueryDto, ReconciliationReportDto } from './dto/ledger.dto';
import { ReconciliationReport, ReconciliationService } from './reconciliation.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Payments succeeded minus refunds, against paid orders and the seller ledger, for a range of dates',
    description:
      'Covers payments that succeeded, orders paid and ledger entries written between from and to (calendar dates in ' +
      'REPORT_TIME_ZONE, both inclusive). Lists every mismatch, order by order and payment by payment; none in a healthy system.',
  })
  @ApiOkResponse({ type: ReconciliationReportDto })
  run(@Query() query: ReconciliationQueryDto): Promise<ReconciliationReport> {
    return this.reconciliation.run(query.from, query.to);
  }
}
