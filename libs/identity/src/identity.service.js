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
var IdentityService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityService = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const jwt_1 = require("@nestjs/jwt");
const database_1 = require("../../database/src");
const shared_1 = require("../../shared/src");
const regions_1 = require("../../regions/src");
const user_dto_1 = require("./dto/user.dto");
const identity_errors_1 = require("./identity.errors");
const password_hasher_1 = require("./password-hasher");
const user_repository_1 = require("./user.repository");
let IdentityService = IdentityService_1 = class IdentityService {
    users;
    hasher;
    jwt;
    regions;
    config;
    logger = new common_1.Logger(IdentityService_1.name);
    constructor(users, hasher, jwt, regions, config) {
        this.users = users;
        this.hasher = hasher;
        this.jwt = jwt;
        this.regions = regions;
        this.config = config;
    }
    /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when that account does not exist yet. */
    async onApplicationBootstrap() {
        const email = this.config.get('ADMIN_EMAIL');
        const password = this.config.get('ADMIN_PASSWORD');
        if (!email || !password)
            return;
        if (await this.users.emailExists(email))
            return;
        try {
            await this.users.insert({ email, passwordHash: await this.hasher.hash(password), displayName: 'Administrator', role: 'admin' });
            this.logger.log(`created the first admin account ${email}`);
        }
        catch (err) {
            if (!(0, database_1.isUniqueViolation)(err))
                throw err; // another instance created it first
        }
    }
    async register(dto) {
        if (dto.countyCode !== undefined && !(await this.regions.isCounty(dto.countyCode))) {
            throw new identity_errors_1.UnknownCountyError('countyCode', dto.countyCode);
        }
        const isFarmer = dto.role === 'farmer';
        const user = await this.create({
            email: dto.email,
            passwordHash: await this.hasher.hash(dto.password),
            displayName: dto.displayName,
            role: dto.role,
            phone: dto.phone ?? null,
            countyCode: dto.countyCode ?? null,
            village: isFarmer ? (dto.village ?? null) : null,
            povertyRegistered: isFarmer ? (dto.povertyRegistered ?? false) : false,
        });
        return this.authResult(user);
    }
    async login(dto) {
        const user = await this.users.findByEmailWithHash(dto.email);
        if (!(await this.hasher.verify(user?.passwordHash, dto.password)) || !user)
            throw new identity_errors_1.InvalidCredentialsError();
        return this.authResult(user);
    }
    async me(id) {
        const user = await this.users.findById(id);
        if (!user)
            throw new shared_1.NotFoundError('User', id);
        return user_dto_1.UserDto.from(user);
    }
    /** Finds a user (for other libs, e.g. to snapshot a farmer's county on an order line). */
    findUser(id) {
        return this.users.findById(id);
    }
    async createStaff(dto) {
        if (dto.jurisdictionCode !== undefined && !(await this.regions.find(dto.jurisdictionCode))) {
            throw new identity_errors_1.UnknownRegionError('jurisdictionCode', dto.jurisdictionCode);
        }
        const user = await this.create({
            email: dto.email,
            passwordHash: await this.hasher.hash(dto.password),
            displayName: dto.displayName,
            role: dto.role,
            jurisdictionCode: dto.role === 'officer' ? (dto.jurisdictionCode ?? null) : null,
        });
        return user_dto_1.UserDto.from(user);
    }
    async create(user) {
        try {
            return await this.users.insert(user);
        }
        catch (err) {
            if ((0, database_1.isUniqueViolation)(err, 'users_email_lower_uq'))
                throw new identity_errors_1.EmailTakenError();
            throw err;
        }
    }
    authResult(user) {
        const claims = { sub: user.id, role: user.role };
        return { user: user_dto_1.UserDto.from(user), accessToken: this.jwt.sign(claims) };
    }
};
exports.IdentityService = IdentityService;
exports.IdentityService = IdentityService = IdentityService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [user_repository_1.UserRepository,
        password_hasher_1.PasswordHasher,
        jwt_1.JwtService,
        regions_1.RegionsService,
        config_1.ConfigService])
], IdentityService);
//# sourceMappingURL=identity.service.js.map