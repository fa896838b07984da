"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entities = void 0;
/**
 * The explicit list of entities, shared by the app and the TypeORM CLI.
 * Add a new entity here when a lib introduces one.
 */
const region_entity_1 = require("../../regions/src/region.entity");
const programme_entity_1 = require("../../regions/src/programme.entity");
const user_entity_1 = require("../../identity/src/user.entity");
exports.entities = [region_entity_1.Region, programme_entity_1.Programme, programme_entity_1.ProgrammeCounty, user_entity_1.User];
//# sourceMappingURL=entities.js.map