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
exports.EnrolResultDto = exports.ProgrammeDetailDto = exports.ProgrammeDto = exports.EnrolCountiesDto = exports.CreateProgrammeDto = exports.RegionWithParentsDto = exports.RegionDto = exports.RegionQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("../../../shared/src");
class RegionQueryDto {
    level;
    parentCode;
    q;
}
exports.RegionQueryDto = RegionQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: shared_1.REGION_LEVELS }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(shared_1.REGION_LEVELS, { message: `level must be one of: ${shared_1.REGION_LEVELS.join(', ')}` }),
    __metadata("design:type", String)
], RegionQueryDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '520300' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'parentCode must be a six-digit GB/T 2260 code' }),
    __metadata("design:type", String)
], RegionQueryDto.prototype, "parentCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Part of a name, or the start of a code', example: '桐梓' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(50),
    __metadata("design:type", String)
], RegionQueryDto.prototype, "q", void 0);
class RegionDto {
    code;
    name;
    level;
    parentCode;
}
exports.RegionDto = RegionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '520322' }),
    __metadata("design:type", String)
], RegionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '桐梓县' }),
    __metadata("design:type", String)
], RegionDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.REGION_LEVELS }),
    __metadata("design:type", String)
], RegionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ nullable: true, type: String, example: '520300' }),
    __metadata("design:type", Object)
], RegionDto.prototype, "parentCode", void 0);
class RegionWithParentsDto extends RegionDto {
    parents;
}
exports.RegionWithParentsDto = RegionWithParentsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RegionDto], description: 'From the province down to the direct parent' }),
    __metadata("design:type", Array)
], RegionWithParentsDto.prototype, "parents", void 0);
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
class CreateProgrammeDto {
    name;
    startDate;
    endDate;
}
exports.CreateProgrammeDto = CreateProgrammeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '电子商务进农村综合示范 2026' }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 200),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-01' }),
    (0, class_validator_1.IsDateString)({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' }),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date YYYY-MM-DD' }),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "startDate", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-12-31' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' }),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'endDate must be a date YYYY-MM-DD' }),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "endDate", void 0);
class EnrolCountiesDto {
    countyCodes;
    enrolledOn;
}
exports.EnrolCountiesDto = EnrolCountiesDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['520322', '522729'] }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(5000),
    (0, class_validator_1.IsString)({ each: true }),
    __metadata("design:type", Array)
], EnrolCountiesDto.prototype, "countyCodes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-01-01' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)({ strict: true }, { message: 'enrolledOn must be a date YYYY-MM-DD' }),
    (0, class_validator_1.Matches)(/^\d{4}-\d{2}-\d{2}$/, { message: 'enrolledOn must be a date YYYY-MM-DD' }),
    __metadata("design:type", String)
], EnrolCountiesDto.prototype, "enrolledOn", void 0);
class ProgrammeDto {
    id;
    name;
    startDate;
    endDate;
    createdAt;
    countyCount;
}
exports.ProgrammeDto = ProgrammeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-01' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "startDate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ProgrammeDto.prototype, "endDate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Date)
], ProgrammeDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ProgrammeDto.prototype, "countyCount", void 0);
class ProgrammeDetailDto extends ProgrammeDto {
    countyCodes;
}
exports.ProgrammeDetailDto = ProgrammeDetailDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], ProgrammeDetailDto.prototype, "countyCodes", void 0);
class EnrolResultDto {
    enrolled;
    countyCodes;
}
exports.EnrolResultDto = EnrolResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'How many counties are enrolled now' }),
    __metadata("design:type", Number)
], EnrolResultDto.prototype, "enrolled", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], EnrolResultDto.prototype, "countyCodes", void 0);
//# sourceMappingURL=region.dto.js.map