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
exports.RegionRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const REGION_COLUMNS = `code, name, level, parent_code AS "parentCode"`;
const PROGRAMME_COLUMNS = `p.id, p.name, to_char(p.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM programme_counties pc WHERE pc.programme_id = p.id) AS "countyCount"`;
/** All SQL about regions and programmes. Regions never change at run time, so they are cached in memory. */
let RegionRepository = class RegionRepository {
    db;
    byCode;
    constructor(db) {
        this.db = db;
    }
    /** Every region, keyed by code (loaded once; about 3,350 rows). */
    all() {
        this.byCode ??= this.db
            .query(`SELECT ${REGION_COLUMNS} FROM regions ORDER BY code`)
            .then((rows) => new Map(rows.map((r) => [r.code, r])))
            .catch((err) => {
            this.byCode = undefined;
            throw err;
        });
        return this.byCode;
    }
    async find(filter) {
        const map = await this.all();
        const q = filter.q?.trim().toLowerCase();
        const out = [];
        for (const r of map.values()) {
            if (filter.level && r.level !== filter.level)
                continue;
            if (filter.parentCode && r.parentCode !== filter.parentCode)
                continue;
            if (q && !r.name.toLowerCase().includes(q) && !r.code.startsWith(q))
                continue;
            out.push(r);
        }
        return out;
    }
    async insertProgramme(p) {
        const [row] = await this.db.query(`INSERT INTO programmes (name, start_date, end_date) VALUES ($1, $2, $3) RETURNING id`, [p.name, p.startDate, p.endDate]);
        return (await this.findProgramme(row.id));
    }
    async findProgramme(id) {
        const rows = await this.db.query(`SELECT ${PROGRAMME_COLUMNS} FROM programmes p WHERE p.id = $1`, [id]);
        return rows[0] ?? null;
    }
    listProgrammes() {
        return this.db.query(`SELECT ${PROGRAMME_COLUMNS} FROM programmes p ORDER BY p.start_date DESC, p.name, p.id`);
    }
    async programmeCountyCodes(id) {
        const rows = await this.db.query(`SELECT county_code AS code FROM programme_counties WHERE programme_id = $1 ORDER BY county_code`, [id]);
        return rows.map((r) => r.code);
    }
    /** Replaces the programme's counties in one transaction (the programme row is locked). */
    async replaceProgrammeCounties(id, countyCodes, enrolledOn) {
        return this.db.transaction(async (m) => {
            await m.query(`SELECT 1 FROM programmes WHERE id = $1 FOR UPDATE`, [id]);
            await m.query(`DELETE FROM programme_counties WHERE programme_id = $1 AND NOT (county_code = ANY($2::char(6)[]))`, [
                id,
                countyCodes,
            ]);
            await m.query(`INSERT INTO programme_counties (programme_id, county_code, enrolled_on)
         SELECT $1, c, $3::date FROM unnest($2::char(6)[]) AS c
         ON CONFLICT (programme_id, county_code) DO NOTHING`, [id, countyCodes, enrolledOn]);
            const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM programme_counties WHERE programme_id = $1`, [id]);
            return n;
        });
    }
};
exports.RegionRepository = RegionRepository;
exports.RegionRepository = RegionRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], RegionRepository);
//# sourceMappingURL=region.repository.js.map