import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import type { Role } from '@farmlink/shared';
import { Public, Roles } from './auth.decorators';

/** What one route is, for the guard and for the OpenAPI document — written once above the route. */
export interface EndpointOptions {
  summary: string;
  description?: string;
  /** `'public'` (no token needed), the roles that may call it, or omitted: any signed-in user. */
  access?: 'public' | readonly Role[];
  /** The 200 answer (`{ type: X }`, `{ type: [X] }`, or content types for files). */
  ok?: ApiResponseOptions;
  /** The 201 answer. */
  created?: ApiResponseOptions;
  /** Answers 204 with no body. */
  noContent?: true;
  /** The refusals worth documenting, by status: `{ 404: 'Unknown listing', 409: '' }`. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503, string>>;
}

/**
 * One decorator per route instead of a stack of eight: access (@Public or
 * @Roles, with the bearer scheme when a token is needed), the summary, the
 * success answer and the documented refusals.
 */
export function Endpoint(o: EndpointOptions): MethodDecorator {
  const decorators: (MethodDecorator | ClassDecorator | PropertyDecorator)[] = [];
  if (o.access === 'public') decorators.push(Public());
  else {
    if (o.access) decorators.push(Roles(...o.access));
    decorators.push(ApiBearerAuth());
  }
  decorators.push(ApiOperation({ summary: o.summary, ...(o.description ? { description: o.description } : {}) }));
  if (o.ok) decorators.push(ApiResponse({ status: 200, ...o.ok } as ApiResponseOptions));
  if (o.created) decorators.push(ApiResponse({ status: 201, ...o.created } as ApiResponseOptions));
  if (o.noContent) decorators.push(HttpCode(204), ApiNoContentResponse());
  for (const [status, description] of Object.entries(o.errors ?? {})) {
    decorators.push(ApiResponse({ status: Number(status), description: description ?? '' }));
  }
  return applyDecorators(...decorators);
}
