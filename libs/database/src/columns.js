"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bigintCountTransformer = exports.moneyTransformer = void 0;
exports.MoneyColumn = MoneyColumn;
exports.CreatedAtColumn = CreatedAtColumn;
exports.UpdatedAtColumn = UpdatedAtColumn;
const typeorm_1 = require("typeorm");
const shared_1 = require("../../shared/src");
/**
 * Money is stored as `bigint` minor units. pg returns bigint as a string; this
 * transformer turns it into a number and refuses values that a JavaScript
 * number cannot hold exactly.
 */
exports.moneyTransformer = {
    to: (value) => value,
    from: (value) => (value === null || value === undefined ? value : (0, shared_1.parseMinorUnits)(value)),
};
function MoneyColumn(options = {}) {
    return (0, typeorm_1.Column)({ type: 'bigint', transformer: exports.moneyTransformer, ...options });
}
/** Plain integer counts stored as bigint (e.g. aggregated units). */
exports.bigintCountTransformer = exports.moneyTransformer;
function CreatedAtColumn() {
    return (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz', name: 'created_at' });
}
function UpdatedAtColumn() {
    return (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz', name: 'updated_at' });
}
//# sourceMappingURL=columns.js.map