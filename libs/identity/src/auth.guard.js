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
exports.AuthGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const jwt_1 = require("@nestjs/jwt");
const shared_1 = require("../../shared/src");
const auth_decorators_1 = require("./auth.decorators");
/**
 * Global guard: verifies the bearer token (401 when missing on a protected
 * route, or invalid anywhere), then enforces `@Roles()` (403).
 */
let AuthGuard = class AuthGuard {
    jwt;
    reflector;
    constructor(jwt, reflector) {
        this.jwt = jwt;
        this.reflector = reflector;
    }
    canActivate(context) {
        if (context.getType() !== 'http')
            return true;
        const request = context.switchToHttp().getRequest();
        const targets = [context.getHandler(), context.getClass()];
        const isPublic = this.reflector.getAllAndOverride(auth_decorators_1.IS_PUBLIC, targets) ?? false;
        const header = request.headers.authorization;
        if (header) {
            const match = /^Bearer\s+(\S+)$/i.exec(header);
            if (!match)
                throw new common_1.UnauthorizedException('Authorization header must be "Bearer <accessToken>"');
            request.user = this.verify(match[1]);
        }
        else if (!isPublic) {
            throw new common_1.UnauthorizedException('Sign in first: this needs an access token');
        }
        const roles = this.reflector.getAllAndOverride(auth_decorators_1.ROLES, targets);
        if (roles && roles.length > 0) {
            if (!request.user)
                throw new common_1.UnauthorizedException('Sign in first: this needs an access token');
            if (!roles.includes(request.user.role)) {
                throw new common_1.ForbiddenException(`Only ${roles.join(' or ')} users may do this`);
            }
        }
        return true;
    }
    verify(token) {
        let claims;
        try {
            claims = this.jwt.verify(token, { algorithms: ['HS256'] });
        }
        catch {
            throw new common_1.UnauthorizedException('Access token is invalid or expired');
        }
        if (typeof claims.sub !== 'string' || !shared_1.ROLES.includes(claims.role)) {
            throw new common_1.UnauthorizedException('Access token is invalid or expired');
        }
        return { id: claims.sub, role: claims.role };
    }
};
exports.AuthGuard = AuthGuard;
exports.AuthGuard = AuthGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [jwt_1.JwtService,
        core_1.Reflector])
], AuthGuard);
//# sourceMappingURL=auth.guard.js.map