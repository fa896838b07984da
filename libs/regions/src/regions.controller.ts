import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadRequestError, type RegionLevel } from '@farmlink/shared';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import {
  CreateProgrammeDto,
  EnrolCountiesDto,
  EnrolResultDto,
  ProgrammeDetailDto,
  ProgrammeDto,
  RegionDto,
  RegionQueryDto,
  RegionWithParentsDto,
  UpdateProgrammeDto,
} from './dto/region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Endpoint({
    summary: "A market's regions (default cn: GB/T 2260), filtered by level, parent or name",
    description: "`market` (GET /api/markets) chooses the market; another market's codes are its own, e.g. ISO 3166-2 `KE-30`. 400 for a market not served here.",
    access: 'public',
    ok: { type: [RegionDto] },
  })
  @Header('Cache-Control', 'public, max-age=3600')
  async list(@Query() query: RegionQueryDto): Promise<RegionDto[]> {
    return (await this.regions.list(query)).map(publicRegion);
  }

  @Get(':code')
  @Endpoint({ summary: 'One region with its parents (province first)', access: 'public', ok: { type: RegionWithParentsDto } })
  @Header('Cache-Control', 'public, max-age=3600')
  async get(@Param('code') code: string): Promise<RegionWithParentsDto> {
    const r = await this.regions.get(code);
    return { ...publicRegion(r), parents: r.parents.map(publicRegion) };
  }
}

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly regions: RegionsService) {}

  @Post()
  @Endpoint({ summary: 'Create a programme (e.g. a national rural e-commerce pilot)', access: ['admin'], created: { type: ProgrammeDto } })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateProgrammeDto): Promise<ProgrammeDto> {
    if (body.endDate && body.endDate < body.startDate) throw new BadRequestError('endDate must not be before startDate');
    return this.regions.createProgramme(caller, body);
  }

  @Get()
  @Endpoint({ summary: 'Every programme, with how many counties it enrols', access: ['officer', 'admin'], ok: { type: [ProgrammeDto] } })
  list(): Promise<ProgrammeDto[]> {
    return this.regions.listProgrammes();
  }

  @Get(':id')
  @Endpoint({
    summary: 'One programme with its enrolled counties (codes, and names with parents and enrolment dates)',
    access: ['officer', 'admin'],
    ok: { type: ProgrammeDetailDto },
    errors: { 404: 'Unknown programme' },
  })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProgrammeDetailDto> {
    return this.regions.getProgrammeDetail(id);
  }

  @Patch(':id')
  @Endpoint({
    summary: "Rename a programme or change its dates (endDate null: ongoing). Audited as programme.update",
    description: 'Not in contract v1.1; an addition for the admin area. Its counties change through PUT /api/programmes/:id/counties.',
    access: ['admin'],
    ok: { type: ProgrammeDto },
    errors: { 400: 'Bad field, or the end before the start', 404: 'Unknown programme' },
  })
  update(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProgrammeDto): Promise<ProgrammeDto> {
    return this.regions.updateProgramme(caller, id, body);
  }

  @Delete(':id')
  @Endpoint({
    summary: 'Delete a programme created by mistake. Audited as programme.delete',
    description:
      'Not in contract v1.1; an addition for the admin area. Refused with 409 (`code: PROGRAMME_HAS_HISTORY`) when any of its enrolled ' +
      'counties has sales: its reports read its counties, so they would vanish with it. End it (PATCH endDate) instead.',
    access: ['admin'],
    noContent: true,
    errors: { 404: 'Unknown programme', 409: 'Its enrolled counties have sales' },
  })
  async remove(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.regions.deleteProgramme(caller, id);
  }

  @Put(':id/counties')
  @Endpoint({
    summary: 'Set the enrolled counties',
    description:
      'JSON `{ countyCodes, enrolledOn? }`, or a CSV / plain-text body of county codes (one per line or comma-separated; a header row is skipped). ' +
      'Any unknown code rejects the request with 400 and `unknownCodes`; nothing changes.',
    access: ['admin'],
    ok: { type: EnrolResultDto },
  })
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv', 'text/plain')
  @ApiBody({ type: EnrolCountiesDto })
  async enrol(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Req() req: { query?: Record<string, unknown> },
  ): Promise<EnrolResultDto> {
    if (typeof body === 'string') {
      const enrolledOn = typeof req.query?.enrolledOn === 'string' ? req.query.enrolledOn : undefined;
      return this.regions.enrolCounties(caller, id, parseCountyCsv(body), enrolledOn);
    }
    const dto = plainToInstance(EnrolCountiesDto, body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new BadRequestError(
        'Invalid body',
        { message: errors.flatMap((e) => Object.values(e.constraints ?? {})) },
      );
    }
    return this.regions.enrolCounties(caller, id, dto.countyCodes, dto.enrolledOn);
  }
}

/** A region as the API shows it (its market is the one asked for). */
function publicRegion<R extends { code: string; name: string; level: RegionLevel; parentCode: string | null }>(r: R): RegionDto {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode };
}

/** County codes from CSV or plain text: every cell of every row; a non-numeric first row is a header. */
export function parseCountyCsv(text: string): string[] {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (rows.length > 0 && !/\d/.test(rows[0])) rows.shift();
  // The first cell of each row is the code; other columns (e.g. a name) are ignored.
  return rows.flatMap((row) => {
    const cells = row.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    return cells.length > 1 && !/^\d{6}$/.test(cells[1]) ? [cells[0]] : cells.filter(Boolean);
  });
}
