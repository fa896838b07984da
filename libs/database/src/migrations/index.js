"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.migrations = void 0;
const _1780000000000_foundation_1 = require("./1780000000000-foundation");
const _1780000000001_seed_regions_1 = require("./1780000000001-seed-regions");
/** Every migration, in order. Production, `npm start` and the tests run exactly these. */
exports.migrations = [_1780000000000_foundation_1.Foundation1780000000000, _1780000000001_seed_regions_1.SeedRegions1780000000001];
//# sourceMappingURL=index.js.map