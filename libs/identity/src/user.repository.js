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
exports.UserRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const user_entity_1 = require("./user.entity");
/** All SQL about users. */
let UserRepository = class UserRepository {
    users;
    constructor(users) {
        this.users = users;
    }
    async insert(user, manager) {
        const repo = manager ? manager.getRepository(user_entity_1.User) : this.users;
        const saved = await repo.save(repo.create({ ...user, email: user.email.trim() }));
        return (await repo.findOneByOrFail({ id: saved.id }));
    }
    findById(id) {
        return this.users.findOneBy({ id });
    }
    /** Case-insensitive; includes the password hash. */
    findByEmailWithHash(email) {
        return this.users
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('lower(u.email) = lower(:email)', { email: email.trim() })
            .getOne();
    }
    async emailExists(email) {
        return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getExists();
    }
};
exports.UserRepository = UserRepository;
exports.UserRepository = UserRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(user_entity_1.User)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], UserRepository);
//# sourceMappingURL=user.repository.js.map