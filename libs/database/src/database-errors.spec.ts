import { isDatabaseUnavailable, isRetryableTransactionError, isUniqueViolation } from './database-errors';

describe('database errors', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });

  it('treats a lost connection as unavailable (503), never as a bug (500)', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // Regressions found by the fault test: TypeORM releases the query runner of a dead connection.
    expect(isDatabaseUnavailable(named('QueryRunnerAlreadyReleasedError'))).toBe(true);
    expect(isDatabaseUnavailable(named('QueryRunnerProviderAlreadyReleasedError'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ENOENT /tmp/x/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('no such file'), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
  });

  it('recognises retryable and unique-violation errors', () => {
    expect(isRetryableTransactionError({ code: '40P01' })).toBe(true);
    expect(isRetryableTransactionError({ driverError: { code: '40001' } })).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
    expect(isUniqueViolation({ code: '23505', constraint: 'a' }, 'a')).toBe(true);
    expect(isUniqueViolation({ code: '23505', constraint: 'b' }, 'a')).toBe(false);
  });
});
