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
exports.RegisterDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("../../../shared/src");
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
class RegisterDto {
    email;
    password;
    displayName;
    role;
    phone;
    countyCode;
    village;
    povertyRegistered;
}
exports.RegisterDto = RegisterDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'li.wei@example.cn' }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsEmail)({}, { message: 'email must be a valid email address' }),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], RegisterDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 8, example: 'correct horse battery' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(8, { message: 'password must be at least 8 characters' }),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RegisterDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '李伟' }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100, { message: 'displayName must be 1 to 100 characters' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.SELF_SERVICE_ROLES }),
    (0, class_validator_1.IsIn)(shared_1.SELF_SERVICE_ROLES, { message: `role must be one of: ${shared_1.SELF_SERVICE_ROLES.join(', ')}` }),
    __metadata("design:type", Object)
], RegisterDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '+86 138 0000 0000' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.Matches)(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'GB/T 2260 county code; required for farmers', example: '520322' }),
    (0, class_validator_1.ValidateIf)((o) => o.role === 'farmer' || o.countyCode !== undefined),
    (0, class_validator_1.Matches)(/^\d{6}$/, { message: 'countyCode must be a six-digit GB/T 2260 county code' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "countyCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '花秋镇石坎村' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], RegisterDto.prototype, "village", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Farmer: a registered poor household (建档立卡贫困户)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], RegisterDto.prototype, "povertyRegistered", void 0);
//# sourceMappingURL=register.dto.js.map