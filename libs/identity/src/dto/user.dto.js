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
exports.AuthResultDto = exports.UserDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("../../../shared/src");
/** A user as the API shows it: never the password hash. */
class UserDto {
    id;
    email;
    displayName;
    role;
    phone;
    countyCode;
    village;
    povertyRegistered;
    jurisdictionCode;
    createdAt;
    static from(u) {
        return {
            id: u.id,
            email: u.email,
            displayName: u.displayName,
            role: u.role,
            phone: u.phone,
            countyCode: u.countyCode,
            village: u.village,
            povertyRegistered: u.povertyRegistered,
            jurisdictionCode: u.jurisdictionCode,
            createdAt: u.createdAt,
        };
    }
}
exports.UserDto = UserDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], UserDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "displayName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: shared_1.ROLES }),
    __metadata("design:type", String)
], UserDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], UserDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], UserDto.prototype, "countyCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], UserDto.prototype, "village", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], UserDto.prototype, "povertyRegistered", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], UserDto.prototype, "jurisdictionCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Date)
], UserDto.prototype, "createdAt", void 0);
class AuthResultDto {
    user;
    accessToken;
}
exports.AuthResultDto = AuthResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: UserDto }),
    __metadata("design:type", UserDto)
], AuthResultDto.prototype, "user", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'JWT; send as "Authorization: Bearer <accessToken>"' }),
    __metadata("design:type", String)
], AuthResultDto.prototype, "accessToken", void 0);
//# sourceMappingURL=user.dto.js.map