import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '@farmlink/shared';
import { IntField } from './dto-fields';

/** `?page=&pageSize=` of every list (contract: pageSize ≤ 100). A list's query DTO extends it. */
export class PageQueryDto {
  @IntField(
    { optional: true, query: true, min: 1, max: MAX_PAGE, messages: { int: 'page must be a whole number', min: 'page must be 1 or more', max: `page must not be greater than ${MAX_PAGE}` } },
    { default: 1, minimum: 1, maximum: MAX_PAGE },
  )
  page?: number;

  @IntField(
    {
      optional: true,
      query: true,
      min: 1,
      max: MAX_PAGE_SIZE,
      messages: { int: 'pageSize must be a whole number', min: 'pageSize must be 1 or more', max: `pageSize must not be greater than ${MAX_PAGE_SIZE}` },
    },
    { default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE },
  )
  pageSize?: number;
}

/** The page a list answers: `items` of `item` (with `itemsApi` in the document), `total`, `page`, `pageSize`. A list's page DTO extends it. */
export function PageDto<T>(item: Type<T>, itemsApi: ApiPropertyOptions = {}) {
  class Page {
    @ApiProperty({ type: [item], ...itemsApi }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  return Page;
}
