"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgrammeCounty = exports.Programme = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../database/src/columns");
/** A public programme, e.g. a national rural e-commerce pilot, with enrolled counties. */
let Programme = class Programme {
    id;
    name;
    startDate;
    endDate;
    createdAt;
};
exports.Programme = Programme;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Programme.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], Programme.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'start_date' }),
    __metadata("design:type", String)
], Programme.prototype, "startDate", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'end_date', nullable: true }),
    __metadata("design:type", Object)
], Programme.prototype, "endDate", void 0);
__decorate([
    (0, columns_1.CreatedAtColumn)(),
    __metadata("design:type", Date)
], Programme.prototype, "createdAt", void 0);
exports.Programme = Programme = __decorate([
    (0, typeorm_1.Entity)({ name: 'programmes' })
], Programme);
let ProgrammeCounty = class ProgrammeCounty {
    programmeId;
    countyCode;
    enrolledOn;
};
exports.ProgrammeCounty = ProgrammeCounty;
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'programme_id', primary: true }),
    __metadata("design:type", String)
], ProgrammeCounty.prototype, "programmeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 6, name: 'county_code', primary: true }),
    __metadata("design:type", String)
], ProgrammeCounty.prototype, "countyCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date', name: 'enrolled_on' }),
    __metadata("design:type", String)
], ProgrammeCounty.prototype, "enrolledOn", void 0);
exports.ProgrammeCounty = ProgrammeCounty = __decorate([
    (0, typeorm_1.Entity)({ name: 'programme_counties' })
], ProgrammeCounty);
//# sourceMappingURL=programme.entity.js.map