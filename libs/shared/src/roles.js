"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STAFF_ROLES = exports.SELF_SERVICE_ROLES = exports.ROLES = void 0;
exports.ROLES = ['buyer', 'farmer', 'officer', 'admin'];
/** Roles a person may pick when registering themselves. */
exports.SELF_SERVICE_ROLES = ['buyer', 'farmer'];
/** Roles only an admin may create. */
exports.STAFF_ROLES = ['officer', 'admin'];
//# sourceMappingURL=roles.js.map