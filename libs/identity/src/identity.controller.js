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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MeController = exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const throttler_1 = require("@nestjs/throttler");
const auth_decorators_1 = require("./auth.decorators");
const create_staff_user_dto_1 = require("./dto/create-staff-user.dto");
const login_dto_1 = require("./dto/login.dto");
const register_dto_1 = require("./dto/register.dto");
const user_dto_1 = require("./dto/user.dto");
const identity_service_1 = require("./identity.service");
let AuthController = class AuthController {
    identity;
    constructor(identity) {
        this.identity = identity;
    }
    register(body) {
        return this.identity.register(body);
    }
    login(body) {
        return this.identity.login(body);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, common_1.Post)('register'),
    (0, auth_decorators_1.Public)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create a buyer or farmer account and sign in' }),
    (0, swagger_1.ApiCreatedResponse)({ type: user_dto_1.AuthResultDto }),
    (0, swagger_1.ApiConflictResponse)({ description: 'Email taken' }),
    (0, swagger_1.ApiTooManyRequestsResponse)({ description: 'Too many attempts from this address' }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [register_dto_1.RegisterDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "register", null);
__decorate([
    (0, common_1.Post)('login'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Sign in with email and password' }),
    (0, swagger_1.ApiOkResponse)({ type: user_dto_1.AuthResultDto }),
    (0, swagger_1.ApiUnauthorizedResponse)({ description: 'Wrong email or password' }),
    (0, swagger_1.ApiTooManyRequestsResponse)({ description: 'Too many attempts from this address' }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [login_dto_1.LoginDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('identity'),
    (0, common_1.Controller)('auth'),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    __metadata("design:paramtypes", [identity_service_1.IdentityService])
], AuthController);
let MeController = class MeController {
    identity;
    constructor(identity) {
        this.identity = identity;
    }
    me(user) {
        return this.identity.me(user.id);
    }
    createStaff(body) {
        return this.identity.createStaff(body);
    }
};
exports.MeController = MeController;
__decorate([
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiOperation)({ summary: 'The signed-in user' }),
    (0, swagger_1.ApiOkResponse)({ type: user_dto_1.UserDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], MeController.prototype, "me", null);
__decorate([
    (0, common_1.Post)('admin/users'),
    (0, auth_decorators_1.Roles)('admin'),
    (0, swagger_1.ApiOperation)({ summary: 'Create an officer or admin account' }),
    (0, swagger_1.ApiCreatedResponse)({ type: user_dto_1.UserDto }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [create_staff_user_dto_1.CreateStaffUserDto]),
    __metadata("design:returntype", Promise)
], MeController.prototype, "createStaff", null);
exports.MeController = MeController = __decorate([
    (0, swagger_1.ApiTags)('identity'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [identity_service_1.IdentityService])
], MeController);
//# sourceMappingURL=identity.controller.js.map