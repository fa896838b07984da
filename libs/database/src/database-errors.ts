/** Recognises PostgreSQL / driver errors by SQLSTATE, so services can map them to domain errors. */

function codeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}

function constraintOf(err: unknown): string | undefined {
  const e = err as { constraint?: string; driverError?: { constraint?: string } };
  return e?.driverError?.constraint ?? e?.constraint;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  return codeOf(err) === '23505' && (!constraint || constraintOf(err) === constraint);
}

export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  return codeOf(err) === '23503' && (!constraint || constraintOf(err) === constraint);
}

export function isCheckViolation(err: unknown): boolean {
  return codeOf(err) === '23514';
}

/** Serialization failure or deadlock: the transaction may simply be retried. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = codeOf(err);
  return code === '40001' || code === '40P01';
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
  '53300', // too_many_connections
]);

/** The database is down, restarting, or unreachable: answer 503, it is not the caller's fault. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = codeOf(err);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  // The Unix socket file is gone while the server is down.
  if (code === 'ENOENT' && (err as { syscall?: string }).syscall === 'connect') return true;
  // TypeORM releases a query runner whose connection died; the transaction did not commit.
  const name = err instanceof Error ? err.name : '';
  if (/AlreadyReleased|ConnectionIsNotSet|DriverNotConnected|CannotExecuteNotConnected/.test(name)) return true;
  const message = err instanceof Error ? err.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection (is )?closed|Client has encountered a connection error|terminating connection/i.test(
    message,
  );
}
