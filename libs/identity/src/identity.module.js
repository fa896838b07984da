"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const core_1 = require("@nestjs/core");
const jwt_1 = require("@nestjs/jwt");
const throttler_1 = require("@nestjs/throttler");
const typeorm_1 = require("@nestjs/typeorm");
const regions_1 = require("../../regions/src");
const auth_guard_1 = require("./auth.guard");
const identity_controller_1 = require("./identity.controller");
const identity_service_1 = require("./identity.service");
const password_hasher_1 = require("./password-hasher");
const user_entity_1 = require("./user.entity");
const user_repository_1 = require("./user.repository");
let IdentityModule = class IdentityModule {
};
exports.IdentityModule = IdentityModule;
exports.IdentityModule = IdentityModule = __decorate([
    (0, common_1.Module)({
        imports: [
            typeorm_1.TypeOrmModule.forFeature([user_entity_1.User]),
            regions_1.RegionsModule,
            jwt_1.JwtModule.registerAsync({
                inject: [config_1.ConfigService],
                useFactory: (config) => {
                    const expires = String(config.get('JWT_EXPIRES_IN') ?? '1d');
                    return {
                        secret: config.getOrThrow('JWT_SECRET'),
                        signOptions: { algorithm: 'HS256', expiresIn: (/^\d+$/.test(expires) ? Number(expires) : expires) },
                    };
                },
            }),
            throttler_1.ThrottlerModule.forRootAsync({
                inject: [config_1.ConfigService],
                useFactory: (config) => [
                    {
                        name: 'auth',
                        limit: Number(config.get('AUTH_THROTTLE_LIMIT') ?? 10),
                        ttl: Number(config.get('AUTH_THROTTLE_TTL_SECONDS') ?? 60) * 1000,
                    },
                ],
            }),
        ],
        controllers: [identity_controller_1.AuthController, identity_controller_1.MeController],
        providers: [user_repository_1.UserRepository, password_hasher_1.PasswordHasher, identity_service_1.IdentityService, { provide: core_1.APP_GUARD, useClass: auth_guard_1.AuthGuard }],
        exports: [identity_service_1.IdentityService, password_hasher_1.PasswordHasher],
    })
], IdentityModule);
//# sourceMappingURL=identity.module.js.map