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
exports.ProgrammesController = exports.RegionsController = void 0;
exports.parseCountyCsv = parseCountyCsv;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const shared_1 = require("../../shared/src");
const auth_decorators_1 = require("../../identity/src/auth.decorators");
const region_dto_1 = require("./dto/region.dto");
const regions_service_1 = require("./regions.service");
let RegionsController = class RegionsController {
    regions;
    constructor(regions) {
        this.regions = regions;
    }
    list(query) {
        return this.regions.list(query);
    }
    get(code) {
        return this.regions.get(code);
    }
};
exports.RegionsController = RegionsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Header)('Cache-Control', 'public, max-age=3600'),
    (0, swagger_1.ApiOperation)({ summary: 'GB/T 2260 regions, filtered by level, parent or name' }),
    (0, swagger_1.ApiOkResponse)({ type: [region_dto_1.RegionDto] }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [region_dto_1.RegionQueryDto]),
    __metadata("design:returntype", Promise)
], RegionsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':code'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.Header)('Cache-Control', 'public, max-age=3600'),
    (0, swagger_1.ApiOperation)({ summary: 'One region with its parents (province first)' }),
    (0, swagger_1.ApiOkResponse)({ type: region_dto_1.RegionWithParentsDto }),
    __param(0, (0, common_1.Param)('code')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], RegionsController.prototype, "get", null);
exports.RegionsController = RegionsController = __decorate([
    (0, swagger_1.ApiTags)('regions'),
    (0, common_1.Controller)('regions'),
    __metadata("design:paramtypes", [regions_service_1.RegionsService])
], RegionsController);
let ProgrammesController = class ProgrammesController {
    regions;
    constructor(regions) {
        this.regions = regions;
    }
    create(body) {
        if (body.endDate && body.endDate < body.startDate)
            throw new shared_1.BadRequestError('endDate must not be before startDate');
        return this.regions.createProgramme(body);
    }
    list() {
        return this.regions.listProgrammes();
    }
    get(id) {
        return this.regions.getProgramme(id);
    }
    async enrol(id, body, req) {
        if (typeof body === 'string') {
            const enrolledOn = typeof req.query?.enrolledOn === 'string' ? req.query.enrolledOn : undefined;
            return this.regions.enrolCounties(id, parseCountyCsv(body), enrolledOn);
        }
        const dto = (0, class_transformer_1.plainToInstance)(region_dto_1.EnrolCountiesDto, body ?? {});
        const errors = await (0, class_validator_1.validate)(dto, { whitelist: true, forbidNonWhitelisted: true });
        if (errors.length > 0) {
            throw new shared_1.BadRequestError('Invalid body', { message: errors.flatMap((e) => Object.values(e.constraints ?? {})) });
        }
        return this.regions.enrolCounties(id, dto.countyCodes, dto.enrolledOn);
    }
};
exports.ProgrammesController = ProgrammesController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Roles)('admin'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a programme (e.g. a national rural e-commerce pilot)' }),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [region_dto_1.CreateProgrammeDto]),
    __metadata("design:returntype", Promise)
], ProgrammesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Roles)('officer', 'admin'),
    (0, swagger_1.ApiOkResponse)({ type: [region_dto_1.ProgrammeDto] }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], ProgrammesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Roles)('officer', 'admin'),
    (0, swagger_1.ApiOkResponse)({ type: region_dto_1.ProgrammeDetailDto }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], ProgrammesController.prototype, "get", null);
__decorate([
    (0, common_1.Put)(':id/counties'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Roles)('admin'),
    (0, swagger_1.ApiOperation)({
        summary: 'Set the enrolled counties',
        description: 'JSON `{ countyCodes, enrolledOn? }`, or a CSV / plain-text body of county codes (one per line or comma-separated; a header row is skipped). ' +
            'Any unknown code rejects the request with 400 and `unknownCodes`; nothing changes.',
    }),
    (0, swagger_1.ApiConsumes)('application/json', 'text/csv', 'text/plain'),
    (0, swagger_1.ApiBody)({ type: region_dto_1.EnrolCountiesDto }),
    (0, swagger_1.ApiOkResponse)({ type: region_dto_1.EnrolResultDto }),
    __param(0, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesController.prototype, "enrol", null);
exports.ProgrammesController = ProgrammesController = __decorate([
    (0, swagger_1.ApiTags)('programmes'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('programmes'),
    __metadata("design:paramtypes", [regions_service_1.RegionsService])
], ProgrammesController);
/** County codes from CSV or plain text: every cell of every row; a non-numeric first row is a header. */
function parseCountyCsv(text) {
    const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (rows.length > 0 && !/\d/.test(rows[0]))
        rows.shift();
    // The first cell of each row is the code; other columns (e.g. a name) are ignored.
    return rows.flatMap((row) => {
        const cells = row.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
        return cells.length > 1 && !/^\d{6}$/.test(cells[1]) ? [cells[0]] : cells.filter(Boolean);
    });
}
//# sourceMappingURL=regions.controller.js.map