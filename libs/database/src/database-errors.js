"use strict";
/** Recognises PostgreSQL / driver errors by SQLSTATE, so services can map them to domain errors. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUniqueViolation = isUniqueViolation;
exports.isForeignKeyViolation = isForeignKeyViolation;
exports.isCheckViolation = isCheckViolation;
exports.isRetryableTransactionError = isRetryableTransactionError;
exports.isDatabaseUnavailable = isDatabaseUnavailable;
function codeOf(err) {
    if (!err || typeof err !== 'object')
        return undefined;
    const e = err;
    const code = e.driverError?.code ?? e.code;
    return typeof code === 'string' ? code : undefined;
}
function constraintOf(err) {
    const e = err;
    return e?.driverError?.constraint ?? e?.constraint;
}
function isUniqueViolation(err, constraint) {
    return codeOf(err) === '23505' && (!constraint || constraintOf(err) === constraint);
}
function isForeignKeyViolation(err, constraint) {
    return codeOf(err) === '23503' && (!constraint || constraintOf(err) === constraint);
}
function isCheckViolation(err) {
    return codeOf(err) === '23514';
}
/** Serialization failure or deadlock: the transaction may simply be retried. */
function isRetryableTransactionError(err) {
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
function isDatabaseUnavailable(err) {
    const code = codeOf(err);
    if (code && UNAVAILABLE_CODES.has(code))
        return true;
    const message = err instanceof Error ? err.message : '';
    return /timeout exceeded when trying to connect|Connection terminated|connection (is )?closed|Client has encountered a connection error|terminating connection/i.test(message);
}
//# sourceMappingURL=database-errors.js.map