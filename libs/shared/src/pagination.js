"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAGE_SIZE = exports.DEFAULT_PAGE_SIZE = void 0;
exports.pageOf = pageOf;
exports.DEFAULT_PAGE_SIZE = 20;
exports.MAX_PAGE_SIZE = 100;
function pageOf(items, total, page, pageSize) {
    return { items, total, page, pageSize };
}
//# sourceMappingURL=pagination.js.map