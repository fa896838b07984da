import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { isDatabaseUnavailable } from '@farmlink/database';
import { DomainError, type DomainErrorKind } from '@farmlink/shared';

const KIND_STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unavailable: 503,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** 'Bad Request' → 'BAD_REQUEST': the code of an error that has no domain class (a guard's 401, a route's 404…). */
function statusCode(status: number): string {
  return (STATUS_TEXT[status] ?? 'Error').toUpperCase().replace(/ /g, '_');
}

/**
 * PostgreSQL's class 22 "data exception" (a bad uuid 22P02, a number out of
 * range 22003, a NUL in jsonb 22P05, a bad date 22007/22008, …): a value the
 * database refuses, so 400 with a generic message, never the SQL or the value.
 */
export function isDataException(code: unknown): boolean {
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
}

/**
 * The one place where errors become HTTP answers, in the contract's shape
 * `{ statusCode, error, message }`, plus a stable `code` (e.g. `LISTING_NOT_FOUND`,
 * `VALIDATION_FAILED`) that clients translate; `message` stays English for developers. Domain errors map by kind; a database
 * outage is 503; anything unexpected is logged and answered 500 without
 * details (a 5xx is always a bug to fix).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500 && status !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    }
    if (status === 503) reply.header('Retry-After', '5');
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const status = KIND_STATUS[exception.kind];
      return { status, body: { statusCode: status, error: STATUS_TEXT[status], message: exception.message, code: exception.code, ...exception.details } };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, body: { statusCode: 429, error: STATUS_TEXT[429], message: 'Too many requests; try again later', code: 'TOO_MANY_REQUESTS' } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : ((res as { message?: unknown }).message ?? exception.message);
      const extra = typeof res === 'object' && res ? { ...(res as object) } : {};
      delete (extra as Record<string, unknown>).statusCode;
      delete (extra as Record<string, unknown>).error;
      delete (extra as Record<string, unknown>).message;
      // ValidationPipe answers 400 with a list of field messages.
      const code = status === 400 && Array.isArray(message) ? 'VALIDATION_FAILED' : statusCode(status);
      return { status, body: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, code, ...extra } };
    }
    // Errors raised by Fastify itself (body too large, bad content type, malformed JSON…).
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        body: { statusCode: fastifyStatus, error: STATUS_TEXT[fastifyStatus] ?? 'Error', message: (exception as Error).message, code: statusCode(fastifyStatus) },
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return { status: 503, body: { statusCode: 503, error: STATUS_TEXT[503], message: 'The database is unavailable; try again shortly', code: 'DATABASE_UNAVAILABLE' } };
    }
    if (isRedisUnavailable(exception)) {
      // REDIS_URL is set (the rate limit is counted there) and Redis does not answer: refuse for now
      // rather than let logins through uncounted.
      return { status: 503, body: { statusCode: 503, error: STATUS_TEXT[503], message: 'A service the API needs is unavailable; try again shortly', code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = (exception as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (exception as { code?: string })?.code;
    if (isDataException(code)) {
      return { status: 400, body: { statusCode: 400, error: STATUS_TEXT[400], message: 'A value in the request is not valid', code: 'INVALID_VALUE' } };
    }
    return { status: 500, body: { statusCode: 500, error: STATUS_TEXT[500], message: 'Internal server error', code: 'INTERNAL_ERROR' } };
  }
}

/** ioredis gave up on a command: the server is down or unreachable (its errors name no HTTP status). */
function isRedisUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  return exception.name === 'MaxRetriesPerRequestError' || (exception.message === 'Connection is closed.' && /ioredis/.test(exception.stack ?? ''));
}
