import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '@farmlink/common';
import { CooperativesService } from './cooperatives.service';
import {
  AddMemberDto,
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
  @Roles('farmer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a cooperative; the calling farmer becomes its manager and first member' })
  @ApiCreatedResponse({ type: CooperativeDto })
  @ApiBadRequestResponse({ description: 'Invalid fields or an unknown county' })
  @ApiConflictResponse({ description: 'Registration number already used' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateCooperativeDto): Promise<CooperativeDto> {
    return this.cooperatives.create(caller, body);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Cooperatives, by county and part of the name' })
  @ApiOkResponse({ type: CooperativePageDto })
  list(@Query() query: CooperativeQueryDto): Promise<CooperativePageDto> {
    return this.cooperatives.list(query);
  }

  @Get('mine')
  @Roles('farmer')
  @ApiOperation({ summary: "The signed-in farmer's cooperatives (managed or member of): the ones they may list produce through" })
  @ApiOkResponse({ type: [CooperativeDto] })
  mine(@CurrentUser() caller: AuthUser): Promise<CooperativeDto[]> {
    return this.cooperatives.mine(caller);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One cooperative with its member count' })
  @ApiOkResponse({ type: CooperativeDto })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CooperativeDto> {
    return this.cooperatives.get(id);
  }

  @Post(':id/members')
  @Roles('farmer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The manager adds a farmer as a member' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiForbiddenResponse({ description: 'Not the manager' })
  @ApiConflictResponse({ description: 'Already a member' })
  @ApiUnprocessableEntityResponse({ description: 'The user is not a farmer' })
  addMember(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return this.cooperatives.addMember(caller, id, body.farmerId);
  }

  @Delete(':id/members/:farmerId')
  @Roles('farmer')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The manager removes a member (their listings through the cooperative are paused)' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not the manager' })
  @ApiNotFoundResponse({ description: 'Unknown cooperative or not a member' })
  @ApiUnprocessableEntityResponse({ description: 'The manager cannot remove themselves' })
  async removeMember(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('farmerId', new ParseUUIDPipe()) farmerId: string,
  ): Promise<void> {
    await this.cooperatives.removeMember(caller, id, farmerId);
  }

  @Get(':id/members')
  @Roles('farmer', 'officer', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The members: for the manager, officers and admins' })
  @ApiOkResponse({ type: [MemberDto] })
  @ApiForbiddenResponse({ description: 'Not the manager' })
  listMembers(@CurrentUser() caller: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<MemberDto[]> {
    return this.cooperatives.listMembers(caller, id);
  }
}
