import {
  Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError } from '@farmlink/shared';
import { CurrentUser, Endpoint, PageQueryDto, type AuthUser } from '@farmlink/common';
import { CatalogService } from './catalog.service';
import { ImportTooLargeError, PhotoTooLargeError } from './catalog.errors';
import { IMPORT_MAX_BYTES } from './listing-import';
import { CreateListingDto, FarmDto, ImportQueryDto, ImportResultDto, ListingDto, ListingPageDto, ListingQueryDto, PhotoDto, StockHistoryPageDto, UpdateListingDto } from './dto/listing.dto';
import { PHOTO_MAX_BYTES } from './photo-processor';
import { PHOTO_KEY_PATTERN, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoNotFoundError } from './catalog.errors';

@ApiTags('listings')
@Controller('listings')
export class ListingsController {
  constructor(private readonly catalog: CatalogService) {}

  @Post()
  @Endpoint({
    summary: 'List produce; the county is the calling farmer’s, and with cooperativeId the cooperative sells it',
    access: ['farmer'],
    created: { type: ListingDto },
    errors: { 400: 'Invalid fields (negative or fractional numbers, unknown category, title over 200 characters…)', 422: 'Not a member of that cooperative' },
  })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateListingDto): Promise<ListingDto> {
    return this.catalog.create(caller, body);
  }

  @Get()
  @Endpoint({
    summary: 'Search active listings: text (Chinese works), category, county or region, producer, price, stock; sorted and paged',
    access: 'public',
    ok: { type: ListingPageDto },
  })
  @Header('Content-Type', 'application/json; charset=utf-8')
  search(@Query() query: ListingQueryDto): Promise<string> {
    return this.catalog.searchJson(query);
  }

  @Post('import')
  @HttpCode(200)
  @Endpoint({
    summary: 'Bulk import listings from a CSV (UTF-8, BOM or not) or XLSX (multipart field "file"; at most 1 MB and 1,000 rows)',
    description:
      'Columns (header row): title, category, unit, netWeightGrams (or weightKg), price (yuan, two decimals), stock, description, harvestDate. ' +
      'Every row is checked by the rules of POST /api/listings; valid rows are created in one transaction and each bad row is named ' +
      '(row 1 is the header). dryRun=true previews; allOrNothing=true creates nothing when a row is bad.',
    access: ['farmer'],
    ok: { type: ImportResultDto },
    errors: { 400: 'Not multipart, or no field "file"', 413: 'Over 1 MB or over 1,000 rows', 422: 'Not a readable CSV or XLSX, or no header row' },
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async importListings(@CurrentUser() caller: AuthUser, @Query() query: ImportQueryDto, @Req() req: FastifyRequest): Promise<ImportResultDto> {
    if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
      throw new BadRequestError('Send the file as multipart/form-data with a field named "file"');
    }
    const bytes = await readSingleFile(req, IMPORT_MAX_BYTES, () => new ImportTooLargeError(`The file must be at most ${IMPORT_MAX_BYTES / (1024 * 1024)} MB`));
    return this.catalog.importListings(caller, bytes, { dryRun: query.dryRun, allOrNothing: query.allOrNothing });
  }

  @Get('mine')
  @Endpoint({
    summary: "The signed-in farmer's own listings, active and paused (up to 500, newest first)",
    access: ['farmer'],
    ok: { type: [ListingDto] },
  })
  mine(@CurrentUser() caller: AuthUser): Promise<ListingDto[]> {
    return this.catalog.mine(caller);
  }

  @Get(':idOrSlug')
  @Endpoint({
    summary: 'One listing by id or by its slug (percent-encoded UTF-8; an old slug kept after a rename finds it too), with unitPriceCentsPerKg and photos (archived: only its farmer or cooperative manager)',
    access: 'public',
    ok: { type: ListingDto },
    errors: { 404: 'No listing has this id or slug' },
  })
  async get(
    @CurrentUser() caller: AuthUser | undefined,
    @Param('idOrSlug') idOrSlug: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { body, etag, isPublic } = await this.catalog.getJsonByIdOrSlug(caller, idOrSlug);
    // Public listings: a browser or CDN may keep the answer a second, then revalidate with If-None-Match (304).
    reply.header('ETag', etag);
    reply.header('Cache-Control', isPublic ? 'public, max-age=1, must-revalidate' : 'private, no-cache');
    if (!isPublic) reply.header('Vary', 'Authorization');
    if (etagMatches(req.headers['if-none-match'], etag)) {
      reply.code(304).send();
      return;
    }
    reply.header('Content-Type', 'application/json; charset=utf-8').send(body);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change a listing (its farmer or the cooperative’s manager); status active or paused',
    access: ['farmer', 'admin'],
    ok: { type: ListingDto },
    errors: { 403: 'Not the farmer or the cooperative’s manager', 404: '', 422: 'Archived, or not a member of the new cooperative' },
  })
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateListingDto,
  ): Promise<ListingDto> {
    return this.catalog.update(caller, id, body);
  }

  @Get(':id/stock-history')
  @Endpoint({
    summary: "A listing's stock history: every change (checkout, cancellation, payment timeout, edit, import) with who, when, why and the level after; newest first, paged",
    access: ['farmer', 'admin'],
    ok: { type: StockHistoryPageDto },
    errors: { 403: 'Not the farmer or the cooperative’s manager', 404: '' },
  })
  stockHistory(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<StockHistoryPageDto> {
    return this.catalog.stockHistory(caller, id, query);
  }

  @Delete(':id')
  @Endpoint({
    summary: 'Archive a listing (its farmer): it leaves the shop, the row stays for order history',
    access: ['farmer', 'admin'],
    noContent: true,
    errors: { 403: 'Not the farmer', 404: '' },
  })
  async archive(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.catalog.archive(caller, id);
  }

  @Post(':id/photos')
  @Endpoint({
    summary: 'Add a photo (multipart field "file"; JPEG, PNG or WebP by content, at most 5 MB; up to 8 per listing)',
    description: 'Stored as WebP at 320, 640 and 1280 pixels wide; the answer carries every size’s URL.',
    access: ['farmer', 'admin'],
    created: { type: PhotoDto },
    errors: { 413: 'Over 5 MB', 415: 'Not a JPEG, PNG or WebP image', 422: 'Already 8 photos, or an unreadable image' },
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async addPhoto(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<PhotoDto> {
    if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
      throw new BadRequestError('Send the photo as multipart/form-data with a field named "file"');
    }
    await this.catalog.assertCanAddPhoto(caller, id);
    const bytes = await readSingleFile(req, PHOTO_MAX_BYTES, () => new PhotoTooLargeError(PHOTO_MAX_BYTES));
    return this.catalog.addPhoto(caller, id, bytes);
  }

  @Delete(':id/photos/:photoId')
  @Endpoint({ summary: 'Remove a photo (its farmer or the cooperative’s manager)', access: ['farmer', 'admin'], noContent: true })
  async deletePhoto(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('photoId', new ParseUUIDPipe()) photoId: string,
  ): Promise<void> {
    await this.catalog.deletePhoto(caller, id, photoId);
  }
}

/** Reads the one file part named "file" (at most maxBytes, else tooLarge()), refusing anything else with a 4xx. */
async function readSingleFile(req: FastifyRequest, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 } });
  } catch (err) {
    throw asClientError(err, tooLarge);
  }
  if (!part) throw new BadRequestError('The multipart body has no file: send it in a field named "file"');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new BadRequestError(`The file must be in a field named "file", not "${part.fieldname}"`);
  }
  try {
    return await part.toBuffer();
  } catch (err) {
    throw asClientError(err, tooLarge);
  }
}

function asClientError(err: unknown, tooLarge: () => Error): unknown {
  const code = (err as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  const status = (err as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return err;
  // busboy errors on a malformed body ("Unexpected end of form", bad boundary…) are the client's.
  return new BadRequestError(`Malformed multipart body: ${(err as Error)?.message ?? 'unreadable'}`);
}

/** Farms: a farmer's public shop page (their listings: GET /api/listings?farmerId=). */
@ApiTags('listings')
@Controller('farms')
export class FarmsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get(':idOrSlug')
  @Endpoint({
    summary: "A farm (a farmer's shop) by the farmer's id or the farm's slug (percent-encoded UTF-8; old slugs too): name, county, readable link",
    access: 'public',
    ok: { type: FarmDto },
    errors: { 404: 'No farmer has this id or slug (or the farmer is suspended)' },
  })
  get(@Param('idOrSlug') idOrSlug: string): Promise<FarmDto> {
    return this.catalog.getFarm(idOrSlug);
  }
}

/** Serves stored photos. Every file name is unique (a new photo gets a new id), so they are cached for a year. */
@ApiTags('listings')
@Controller('photos')
export class PhotosController {
  constructor(
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly catalog: CatalogService,
  ) {}

  @Get(':listingId/:file')
  @Endpoint({
    summary: 'A listing photo (WebP), as linked from a listing’s photos; `<photoId>-640.jpg` is its link-preview JPEG (cardUrl)',
    access: 'public',
    ok: {
      description: 'The image',
      content: { 'image/webp': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
    },
    errors: { 404: '' },
  })
  async get(@Param('listingId') listingId: string, @Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const key = `listings/${listingId}/${file}`;
    const jpeg = file.endsWith('.jpg');
    const data = !PHOTO_KEY_PATTERN.test(key) ? null : jpeg ? await this.catalog.cardJpeg(listingId, file) : await this.storage.get(key);
    if (!data) throw new PhotoNotFoundError(file);
    await reply
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('Content-Type', jpeg ? 'image/jpeg' : 'image/webp')
      .header('X-Content-Type-Options', 'nosniff')
      .send(data);
  }
}

/** Whether an If-None-Match header names this ETag (a list, weak validators, or *). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim().replace(/^W\//, ''));
  return values.includes('*') || values.includes(etag);
}
