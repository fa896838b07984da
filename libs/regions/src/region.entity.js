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
exports.Region = void 0;
const typeorm_1 = require("typeorm");
/** A GB/T 2260 administrative division: province, prefecture or county. */
let Region = class Region {
    code;
    name;
    level;
    parentCode;
};
exports.Region = Region;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 6 }),
    __metadata("design:type", String)
], Region.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], Region.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], Region.prototype, "level", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 6, name: 'parent_code', nullable: true }),
    __metadata("design:type", Object)
], Region.prototype, "parentCode", void 0);
exports.Region = Region = __decorate([
    (0, typeorm_1.Entity)({ name: 'regions' })
], Region);
//# sourceMappingURL=region.entity.js.map