"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnknownCountyCodesError = exports.ProgrammeNotFoundError = exports.RegionNotFoundError = void 0;
const shared_1 = require("../../shared/src");
class RegionNotFoundError extends shared_1.NotFoundError {
    constructor(code) {
        super('Region', code);
    }
}
exports.RegionNotFoundError = RegionNotFoundError;
class ProgrammeNotFoundError extends shared_1.NotFoundError {
    constructor(id) {
        super('Programme', id);
    }
}
exports.ProgrammeNotFoundError = ProgrammeNotFoundError;
class UnknownCountyCodesError extends shared_1.BadRequestError {
    constructor(codes) {
        super(`Unknown county codes: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ', …' : ''}`, { unknownCodes: codes });
    }
}
exports.UnknownCountyCodesError = UnknownCountyCodesError;
//# sourceMappingURL=regions.errors.js.map