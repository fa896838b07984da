/**
 * Base class of every domain error. Libraries throw subclasses; the API's one
 * exception filter maps `kind` to an HTTP status. No Nest here, so the web app
 * can share the kinds.
 */
export type DomainErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable';

/**
 * `ListingNotFoundError` → `LISTING_NOT_FOUND`: the stable, machine-readable code of an error
 * class, sent as `code` in the error body so clients can show their own message.
 * The web app keeps one message per code in each language (test/error-codes.spec.ts checks).
 */
export function errorCodeOf(className: string): string {
  return className
    .replace(/Error$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

export class DomainError extends Error {
  /** Stable code for clients, e.g. `LISTING_NOT_FOUND` (from the class name unless a subclass sets `static code`). */
  readonly code: string;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Extra fields merged into the error body, e.g. `{ listingIds }`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
    this.code = (new.target as unknown as { code?: string }).code ?? errorCodeOf(new.target.name);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('not_found', id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
  }
}

export class UnprocessableError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('unprocessable', message, details);
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('bad_request', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Invalid or missing credentials') {
    super('unauthorized', message);
  }
}
