"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnauthorizedError = exports.BadRequestError = exports.UnprocessableError = exports.ConflictError = exports.ForbiddenError = exports.NotFoundError = exports.DomainError = void 0;
class DomainError extends Error {
    kind;
    details;
    constructor(kind, message, 
    /** Extra fields merged into the error body, e.g. `{ listingIds }`. */
    details) {
        super(message);
        this.kind = kind;
        this.details = details;
        this.name = new.target.name;
    }
}
exports.DomainError = DomainError;
class NotFoundError extends DomainError {
    constructor(what, id) {
        super('not_found', id ? `${what} ${id} not found` : `${what} not found`);
    }
}
exports.NotFoundError = NotFoundError;
class ForbiddenError extends DomainError {
    constructor(message = 'You are not allowed to do this') {
        super('forbidden', message);
    }
}
exports.ForbiddenError = ForbiddenError;
class ConflictError extends DomainError {
    constructor(message, details) {
        super('conflict', message, details);
    }
}
exports.ConflictError = ConflictError;
class UnprocessableError extends DomainError {
    constructor(message, details) {
        super('unprocessable', message, details);
    }
}
exports.UnprocessableError = UnprocessableError;
class BadRequestError extends DomainError {
    constructor(message, details) {
        super('bad_request', message, details);
    }
}
exports.BadRequestError = BadRequestError;
class UnauthorizedError extends DomainError {
    constructor(message = 'Invalid or missing credentials') {
        super('unauthorized', message);
    }
}
exports.UnauthorizedError = UnauthorizedError;
//# sourceMappingURL=domain-error.js.map