import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@farmlink/database';
import { DEFAULT_PAGE_SIZE, pageOf, type Page } from '@farmlink/shared';
import { RegionNotInMarketError, RegionsService } from '@farmlink/regions';
import { type AuthUser } from '@farmlink/common';
import { UnknownCountyError } from '@farmlink/identity';
import type { MemberRole } from '@farmlink/shared';
import { mayOnMembers, type MemberAction } from './cooperative.access';
import { CooperativeRepository } from './cooperative.repository';
import type { CandidateDto, CooperativeDto, CooperativeQueryDto, CreateCooperativeDto, MemberDto } from './dto/cooperative.dto';
import {
  AlreadyMemberError,
  CooperativeNotFoundError,
  ManagerCannotLeaveError,
  MemberNotFoundError,
  NotAFarmerError,
  NotCooperativeManagerError,
  RegistrationNoTakenError,
} from './cooperatives.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CooperativesService {
  constructor(
    private readonly cooperatives: CooperativeRepository,
    private readonly regions: RegionsService,
  ) {}

  /** The calling farmer creates a cooperative and becomes its manager and first member. */
  async create(caller: AuthUser, dto: CreateCooperativeDto): Promise<CooperativeDto> {
    if (!(await this.regions.isCounty(dto.countyCode))) throw new UnknownCountyError('countyCode', dto.countyCode);
    let id: string | null;
    try {
      id = await this.cooperatives.insertWithManager({
        name: dto.name,
        countyCode: dto.countyCode,
        registrationNo: dto.registrationNo ?? null,
        managerId: caller.id,
      });
    } catch (err) {
      if (isUniqueViolation(err, 'cooperatives_registration_uq')) throw new RegistrationNoTakenError(dto.registrationNo!);
      throw err;
    }
    if (id === null) throw new RegionNotInMarketError('countyCode', dto.countyCode, "the manager's");
    return this.get(id);
  }

  async list(query: CooperativeQueryDto): Promise<Page<CooperativeDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.cooperatives.list({
      countyCode: query.countyCode,
      q: query.q || undefined,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return pageOf(items, total, page, pageSize);
  }

  /** The caller's cooperatives (those they manage and those they are a member of). */
  mine(caller: AuthUser): Promise<CooperativeDto[]> {
    return this.cooperatives.ofMember(caller.id);
  }

  /** One cooperative by id, or by its slug (current or old: a rename keeps old links working). */
  async get(idOrSlug: string): Promise<CooperativeDto> {
    const id = UUID.test(idOrSlug)
      ? idOrSlug
      : idOrSlug.length > 0 && idOrSlug.length <= 100 && !idOrSlug.includes('\u0000')
        ? await this.cooperatives.idOfSlug(idOrSlug)
        : null;
    const cooperative = id ? await this.cooperatives.findById(id) : null;
    if (!cooperative) throw new CooperativeNotFoundError(idOrSlug);
    return cooperative;
  }

  async addMember(caller: AuthUser, cooperativeId: string, farmerId: string): Promise<MemberDto> {
    await this.assertMay(caller, cooperativeId, 'manage');
    if ((await this.cooperatives.userRole(farmerId)) !== 'farmer') throw new NotAFarmerError(farmerId);
    const member = await this.cooperatives.insertMember(cooperativeId, farmerId);
    if (!member) throw new AlreadyMemberError(farmerId);
    return member;
  }

  /** The manager's search for farmers to add: farmers of the cooperative's county, by name or phone, phones masked. */
  async candidates(caller: AuthUser, cooperativeId: string, q: string): Promise<CandidateDto[]> {
    await this.assertMay(caller, cooperativeId, 'manage');
    const rows = await this.cooperatives.candidates(cooperativeId, q.trim(), 20);
    return rows.map((r) => ({ id: r.id, displayName: r.displayName, phoneMasked: maskPhone(r.phone), village: r.village }));
  }

  /** The manager removes a member; that member's listings through the cooperative are paused. */
  async removeMember(caller: AuthUser, cooperativeId: string, farmerId: string): Promise<void> {
    const managerId = await this.assertMay(caller, cooperativeId, 'manage');
    if (farmerId === managerId) throw new ManagerCannotLeaveError();
    if (!(await this.cooperatives.deleteMember(cooperativeId, farmerId))) throw new MemberNotFoundError(farmerId);
  }

  /** The member list: for the manager, officers and admins (cooperative.access.ts). */
  async listMembers(caller: AuthUser, cooperativeId: string): Promise<MemberDto[]> {
    await this.assertMay(caller, cooperativeId, 'read');
    return this.cooperatives.listMembers(cooperativeId);
  }

  /** The farmer's role in the cooperative (null when not a member): used by the catalog. */
  memberRole(cooperativeId: string, farmerId: string): Promise<MemberRole | null> {
    return this.cooperatives.memberRole(cooperativeId, farmerId);
  }

  /** The cooperative's manager id, or null when there is no such cooperative. */
  managerOf(cooperativeId: string): Promise<string | null> {
    return this.cooperatives.managerOf(cooperativeId);
  }

  /** 404 for an unknown cooperative, 403 when cooperative.access.ts says no; answers the manager's id. */
  private async assertMay(caller: AuthUser, cooperativeId: string, action: MemberAction): Promise<string> {
    const facts = await this.cooperatives.accessFacts(cooperativeId, caller.id);
    if (!facts) throw new CooperativeNotFoundError(cooperativeId);
    const may = mayOnMembers(caller, facts, action);
    if (may === 'hidden') throw new CooperativeNotFoundError(cooperativeId);
    if (may === 'forbidden') throw new NotCooperativeManagerError();
    return facts.managerId;
  }
}

/** "13812345678" → "138****5678"; short numbers keep only their last 2 digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const p = phone.replace(/\s+/g, '');
  if (p.length >= 8) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
  return `${'*'.repeat(Math.max(p.length - 2, 0))}${p.slice(-2)}`;
}
