"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The TypeORM DataSource for the CLI (`npm run migration:*`). It needs
 * DATABASE_URL; the app builds its own from the same options.
 */
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const data_source_options_1 = require("./data-source-options");
if (!process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL must be set to use the TypeORM CLI (e.g. postgres://postgres@127.0.0.1:5432/farmlink)');
}
exports.default = new typeorm_1.DataSource((0, data_source_options_1.dataSourceOptions)({ url: process.env.DATABASE_URL }));
//# sourceMappingURL=data-source.js.map