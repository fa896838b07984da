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
exports.RegionsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("../../shared/src");
const region_repository_1 = require("./region.repository");
const regions_errors_1 = require("./regions.errors");
let RegionsService = class RegionsService {
    regions;
    constructor(regions) {
        this.regions = regions;
    }
    list(filter) {
        return this.regions.find(filter);
    }
    async get(code) {
        const all = await this.regions.all();
        const region = all.get(code);
        if (!region)
            throw new regions_errors_1.RegionNotFoundError(code);
        const parents = [];
        for (let p = region.parentCode; p; p = all.get(p)?.parentCode ?? null) {
            const parent = all.get(p);
            if (!parent)
                break;
            parents.unshift(parent);
        }
        return { ...region, parents };
    }
    async find(code) {
        return (await this.regions.all()).get(code);
    }
    async isCounty(code) {
        return (await this.find(code))?.level === 'county';
    }
    /** True when `code` is `ancestor` itself or lies inside it. */
    async isWithin(code, ancestor) {
        const all = await this.regions.all();
        for (let c = code; c; c = all.get(c)?.parentCode ?? null) {
            if (c === ancestor)
                return true;
        }
        return false;
    }
    /** Every county code inside a region (the region itself when it is a county). */
    async countiesWithin(code) {
        const all = await this.regions.all();
        const out = [];
        for (const r of all.values()) {
            if (r.level === 'county' && (await this.isWithin(r.code, code)))
                out.push(r.code);
        }
        return out;
    }
    createProgramme(input) {
        return this.regions.insertProgramme({ name: input.name, startDate: input.startDate, endDate: input.endDate ?? null });
    }
    listProgrammes() {
        return this.regions.listProgrammes();
    }
    async getProgramme(id) {
        const programme = await this.regions.findProgramme(id);
        if (!programme)
            throw new regions_errors_1.ProgrammeNotFoundError(id);
        return { ...programme, countyCodes: await this.regions.programmeCountyCodes(id) };
    }
    /**
     * Sets the programme's enrolled counties to exactly `codes`. Any code that is
     * not a known county rejects the whole request (400 listing them), and
     * nothing changes.
     */
    async enrolCounties(id, codes, enrolledOn) {
        const programme = await this.regions.findProgramme(id);
        if (!programme)
            throw new regions_errors_1.ProgrammeNotFoundError(id);
        const all = await this.regions.all();
        const unique = [...new Set(codes.map((c) => c.trim()))];
        const unknown = unique.filter((c) => !shared_1.REGION_CODE_PATTERN.test(c) || all.get(c)?.level !== 'county');
        if (unknown.length > 0)
            throw new regions_errors_1.UnknownCountyCodesError(unknown);
        const enrolled = await this.regions.replaceProgrammeCounties(id, unique, enrolledOn ?? programme.startDate);
        return { enrolled, countyCodes: unique.sort() };
    }
};
exports.RegionsService = RegionsService;
exports.RegionsService = RegionsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [region_repository_1.RegionRepository])
], RegionsService);
//# sourceMappingURL=regions.service.js.map