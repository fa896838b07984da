import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { ProgrammeSummaryDto, ProgrammeSummaryQueryDto, SalesReportDto, SalesReportQueryDto } from './dto/report.dto';
import { toCsv, toHumanCsv, toHumanXlsx, toXlsx } from './report-export';
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
      description:
        'JSON by default; with format=csv a CSV file (header row first), with format=xlsx a spreadsheet. ' +
        'Files are in the machine form (field names, fen) unless lang=zh-CN|en asks for the form for people (raw=1 forces the machine form).',
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
    // The machine form (JSON field names, fen) unless the caller asks for people's with `lang` (and not raw=1).
    const human = query.lang && query.raw !== '1' ? await this.reports.exportContext(user, query, query.lang) : null;
    if (query.format === 'csv') {
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${file}.csv"`);
      return human ? toHumanCsv(report, human) : toCsv(report);
    }
    if (query.format === 'xlsx') {
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${file}.xlsx"`);
      return human ? toHumanXlsx(report, human) : toXlsx(report);
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
