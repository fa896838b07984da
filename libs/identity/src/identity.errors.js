"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnknownRegionError = exports.UnknownCountyError = exports.InvalidCredentialsError = exports.EmailTakenError = void 0;
const shared_1 = require("../../shared/src");
class EmailTakenError extends shared_1.ConflictError {
    constructor() {
        super('An account with this email already exists');
    }
}
exports.EmailTakenError = EmailTakenError;
class InvalidCredentialsError extends shared_1.UnauthorizedError {
    constructor() {
        super('Wrong email or password');
    }
}
exports.InvalidCredentialsError = InvalidCredentialsError;
class UnknownCountyError extends shared_1.BadRequestError {
    constructor(field, code) {
        super(`${field} ${code} is not a known county`);
    }
}
exports.UnknownCountyError = UnknownCountyError;
class UnknownRegionError extends shared_1.BadRequestError {
    constructor(field, code) {
        super(`${field} ${code} is not a known region`);
    }
}
exports.UnknownRegionError = UnknownRegionError;
//# sourceMappingURL=identity.errors.js.map