import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { CooperativesService } from './cooperatives.service';
import {
  AddMemberDto,
  CandidateDto,
  CandidateQueryDto,
  CooperativeDto,
  CooperativePageDto,
  CooperativeQueryDto,
  CreateCooperativeDto,
  MemberDto,
} from './dto/cooperative.dto';

@ApiTags('cooperatives')
@Controller('cooperatives')
export class CooperativesController {
  constructor(private readonly cooperatives: CooperativesService) {}

  @Post()
  @Endpoint({
    summary: 'Create a cooperative; the calling farmer becomes its manager and first member',
    access: ['farmer'],
    created: { type: CooperativeDto },
    errors: { 400: 'Invalid fields or an unknown county', 409: 'Registration number already used' },
  })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateCooperativeDto): Promise<CooperativeDto> {
    return this.cooperatives.create(caller, body);
  }

  @Get()
  @Endpoint({ summary: 'Cooperatives, by county and part of the name', access: 'public', ok: { type: CooperativePageDto } })
  list(@Query() query: CooperativeQueryDto): Promise<CooperativePageDto> {
    return this.cooperatives.list(query);
  }

  @Get('mine')
  @Endpoint({
    summary: "The signed-in farmer's cooperatives (managed or member of): the ones they may list produce through",
    access: ['farmer'],
    ok: { type: [CooperativeDto] },
  })
  mine(@CurrentUser() caller: AuthUser): Promise<CooperativeDto[]> {
    return this.cooperatives.mine(caller);
  }

  @Get(':idOrSlug')
  @Endpoint({
    summary: 'One cooperative with its member count, by id or by its slug (percent-encoded UTF-8; old slugs too)',
    access: 'public',
    ok: { type: CooperativeDto },
    errors: { 404: '' },
  })
  get(@Param('idOrSlug') idOrSlug: string): Promise<CooperativeDto> {
    return this.cooperatives.get(idOrSlug);
  }

  @Get(':id/candidates')
  @Endpoint({
    summary: "The manager's search for farmers to add: farmers of the cooperative's county (not members yet) by name or phone",
    description: 'At most 20, by name. Phones are masked (138****5678); a phone matches when q is the whole number or its last 4+ digits.',
    access: ['farmer'],
    ok: { type: [CandidateDto] },
    errors: { 403: 'Not the manager', 404: 'Unknown cooperative' },
  })
  candidates(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: CandidateQueryDto,
  ): Promise<CandidateDto[]> {
    return this.cooperatives.candidates(caller, id, query.q);
  }

  @Post(':id/members')
  @Endpoint({
    summary: 'The manager adds a farmer as a member',
    access: ['farmer'],
    created: { type: MemberDto },
    errors: { 403: 'Not the manager', 409: 'Already a member', 422: 'The user is not a farmer' },
  })
  addMember(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return this.cooperatives.addMember(caller, id, body.farmerId);
  }

  @Delete(':id/members/:farmerId')
  @Endpoint({
    summary: 'The manager removes a member (their listings through the cooperative are paused)',
    access: ['farmer'],
    noContent: true,
    errors: { 403: 'Not the manager', 404: 'Unknown cooperative or not a member', 422: 'The manager cannot remove themselves' },
  })
  async removeMember(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('farmerId', new ParseUUIDPipe()) farmerId: string,
  ): Promise<void> {
    await this.cooperatives.removeMember(caller, id, farmerId);
  }

  @Get(':id/members')
  @Endpoint({
    summary: 'The members: for the manager, officers and admins',
    access: ['farmer', 'officer', 'admin'],
    ok: { type: [MemberDto] },
    errors: { 403: 'Not the manager' },
  })
  listMembers(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<MemberDto[]> {
    return this.cooperatives.listMembers(caller, id);
  }
}
