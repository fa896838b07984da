"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGION_CODE_PATTERN = exports.REGION_LEVELS = void 0;
exports.provinceCodeOf = provinceCodeOf;
exports.prefectureCodeOf = prefectureCodeOf;
exports.levelOfCode = levelOfCode;
exports.REGION_LEVELS = ['province', 'prefecture', 'county'];
/** GB/T 2260 codes: six digits; the province is the first two, the prefecture the first four. */
exports.REGION_CODE_PATTERN = /^\d{6}$/;
function provinceCodeOf(code) {
    return `${code.slice(0, 2)}0000`;
}
function prefectureCodeOf(code) {
    return `${code.slice(0, 4)}00`;
}
/** The level implied by a six-digit code's trailing zeros. */
function levelOfCode(code) {
    if (code.endsWith('0000'))
        return 'province';
    if (code.endsWith('00'))
        return 'prefecture';
    return 'county';
}
//# sourceMappingURL=region-level.js.map