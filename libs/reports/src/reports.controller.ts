import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { ProgrammeSummaryDto, ProgrammeSummaryQueryDto, SalesReportDto, SalesReportQueryDto } from './dto/report.dto';
import { toCsv, toXlsx } from './report-export';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('sales')
  @Endpoint({
    summary: 'Sales per county, prefecture, province, month or category (JSON, CSV or XLSX)',
    description:
      'A sale counts in its producer county on the local date its payment succeeded; a refund counts, negatively, on the date it was made. ' +
      "Officers see only counties inside their jurisdiction (a region outside it is 403).",
    access: ['officer', 'admin'],
    ok: {
      description: 'JSON by default; with format=csv a CSV file (header row first), with format=xlsx a spreadsheet',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(SalesReportDto) } },
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      },
    },
    errors: { 403: 'Not an officer or admin, or a region outside the jurisdiction', 404: 'Unknown regionCode or programmeId' },
  })
  @ApiExtraModels(SalesReportDto)
  async sales(@CurrentUser() user: AuthUser, @Query() query: SalesReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SalesReportDto | string | Buffer> {
    const report = await this.reports.salesReport(user, query);
    const file = `sales-${report.groupBy}-${report.from}-${report.to}`;
    if (query.format === 'csv' || query.format === 'xlsx') await this.reports.recordExport(user, query, report);
    if (query.format === 'csv') {
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${file}.csv"`);
      return toCsv(report);
    }
    if (query.format === 'xlsx') {
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${file}.xlsx"`);
      return toXlsx(report);
    }
    return report;
  }

  @Get('programmes/:id/summary')
  @Endpoint({
    summary: "A programme's year: counties enrolled and selling, net sales and growth, poor households, top counties and categories",
    access: ['officer', 'admin'],
    ok: { type: ProgrammeSummaryDto },
    errors: { 404: 'Unknown programme' },
  })
  summary(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ProgrammeSummaryQueryDto): Promise<ProgrammeSummaryDto> {
    return this.reports.programmeSummary(user, id, Number(query.year));
  }
}
