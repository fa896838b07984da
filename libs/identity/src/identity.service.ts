import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '@farmlink/audit';
import type { AuthUser } from '@farmlink/common';
import { inTransaction, isUniqueViolation } from '@farmlink/database';
import { DEFAULT_MARKET, DEFAULT_PAGE_SIZE, NotFoundError, pageOf, type Page } from '@farmlink/shared';
import { MarketsService, RegionsService } from '@farmlink/regions';
import { AccountMails } from './account-mails';
import { AuthStateCache } from './auth-state.cache';
import type { AdminUserDto, AdminUserQueryDto } from './dto/admin-user.dto';
import type { AccessTokenClaims } from './auth-user';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthResultDto, UserDto } from './dto/user.dto';
import {
  AccountSuspendedError,
  AlreadySuspendedError,
  CannotSuspendSelfError,
  EmailTakenError,
  InvalidCredentialsError,
  NotSuspendedError,
  UnknownCountyError,
  UnknownRegionError,
  UserNotFoundError,
} from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { PovertyService } from './poverty.service';
import { AdminUserRow, NewUser, UserRepository, type User } from './user.repository';

@Injectable()
export class IdentityService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly regions: RegionsService,
    private readonly markets: MarketsService,
    private readonly config: ConfigService,
    private readonly poverty: PovertyService,
    private readonly audit: AuditService,
    private readonly authStates: AuthStateCache,
    private readonly mails: AccountMails,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when that account does not exist yet.
   * Its address counts as verified: the operator wrote it into the deployment's settings, and no
   * mail is sent to it (an admin made before this rule is marked verified here too).
   */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get<string>('ADMIN_EMAIL');
    const password = this.config.get<string>('ADMIN_PASSWORD');
    if (!email || !password) return;
    if (await this.users.emailExists(email)) {
      await this.users.markAdminEmailVerified(email);
      return;
    }
    try {
      const admin = await this.users.insert(this.db.manager, { email, passwordHash: await this.hasher.hash(password), displayName: 'Administrator', role: 'admin' });
      await this.users.markEmailVerified(this.db.manager, admin.id);
      this.logger.log(`created the first admin account ${email}`);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another instance created it first
    }
  }

  async register(dto: RegisterDto): Promise<AuthResultDto> {
    // Registering without a market means the default one (cn); a county must be one of the market's.
    const marketCode = (await this.markets.get(dto.marketCode ?? DEFAULT_MARKET)).code;
    if (dto.countyCode !== undefined && !(await this.regions.isCounty(dto.countyCode))) {
      throw new UnknownCountyError('countyCode', dto.countyCode);
    }
    if (dto.countyCode !== undefined) await this.regions.assertCountyInMarket('countyCode', dto.countyCode, marketCode);
    const isFarmer = dto.role === 'farmer';
    const passwordHash = await this.hasher.hash(dto.password);
    // A farmer's povertyRegistered: true is a claim (status `claimed`), filed with the account in one
    // transaction; it counts in reports only once an officer of the farmer's county verifies it.
    const user = await inTransaction(this.db, async (manager) => {
      const created = await this.create(manager, {
        email: dto.email,
        passwordHash,
        displayName: dto.displayName,
        role: dto.role,
        phone: dto.phone ?? null,
        countyCode: dto.countyCode ?? null,
        village: isFarmer ? (dto.village ?? null) : null,
        locale: dto.locale,
        marketCode,
      });
      // The verification link is mailed through the outbox: it exists exactly when the account does.
      await this.mails.emailVerification(manager, created);
      if (!isFarmer || dto.povertyRegistered !== true) return created;
      await this.poverty.fileClaim(manager, created.id, dto.povertyRegistrationNo ?? null);
      return (await this.users.findByIdIn(manager, created.id))!;
    });
    return this.authResult(user, 0);
  }

  async login(dto: LoginDto): Promise<AuthResultDto> {
    const user = await this.users.findByEmailWithHash(dto.email);
    if (!(await this.hasher.verify(user?.passwordHash, dto.password)) || !user) throw new InvalidCredentialsError();
    const state = await this.users.authState(user.id);
    if (!state) throw new InvalidCredentialsError();
    if (state.suspended) throw new AccountSuspendedError();
    return this.authResult(user, state.tokenVersion);
  }

  async me(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return UserDto.from(user);
  }

  /** Finds a user (for other libs, e.g. to snapshot a farmer's county on an order line). */
  findUser(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** An admin creates an officer or admin account; the audit entry commits with it. */
  async createStaff(caller: AuthUser | null, dto: CreateStaffUserDto): Promise<UserDto> {
    if (dto.jurisdictionCode !== undefined && !(await this.regions.find(dto.jurisdictionCode))) {
      throw new UnknownRegionError('jurisdictionCode', dto.jurisdictionCode);
    }
    // An officer serves one market: the given one (default cn), which holds their jurisdiction.
    const marketCode = (await this.markets.get(dto.marketCode ?? (dto.jurisdictionCode && (await this.regions.marketOf(dto.jurisdictionCode))) ?? DEFAULT_MARKET)).code;
    if (dto.jurisdictionCode !== undefined && dto.role === 'officer') await this.regions.assertCountyInMarket('jurisdictionCode', dto.jurisdictionCode, marketCode);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await inTransaction(this.db, async (m) => {
      const created = await this.create(m, {
        email: dto.email,
        passwordHash,
        displayName: dto.displayName,
        role: dto.role,
        jurisdictionCode: dto.role === 'officer' ? (dto.jurisdictionCode ?? null) : null,
        marketCode,
      });
      await this.audit.record(m, {
        ...actorOf(caller),
        action: 'user.create',
        targetType: 'user',
        targetId: created.id,
        details: { email: created.email, role: created.role, jurisdictionCode: created.jurisdictionCode },
      });
      return created;
    });
    return UserDto.from(user);
  }

  // ---- moderation (the admin's user list; suspension is driven by catalog's ModerationService) ----

  async listForAdmin(q: AdminUserQueryDto): Promise<Page<AdminUserDto>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.users.listForAdmin({ q: q.q || undefined, role: q.role, offset: (page - 1) * pageSize, limit: pageSize });
    return pageOf(items, total, page, pageSize);
  }

  /**
   * Suspends a user inside the caller's transaction: they can no longer sign
   * in and every token they hold answers 401 (the token version is bumped).
   * Call `forgetAuthState` after the commit.
   */
  async suspend(m: EntityManager, caller: AuthUser, id: string, reason: string): Promise<AdminUserRow> {
    if (id === caller.id) throw new CannotSuspendSelfError();
    const user = await this.users.lockForModeration(m, id);
    if (!user) throw new UserNotFoundError(id);
    if (user.suspendedAt) throw new AlreadySuspendedError();
    return (await this.users.suspend(m, id, reason))!;
  }

  /** Lifts a suspension inside the caller's transaction (old tokens stay invalid). */
  async reinstate(m: EntityManager, id: string): Promise<AdminUserRow> {
    const user = await this.users.lockForModeration(m, id);
    if (!user) throw new UserNotFoundError(id);
    if (!user.suspendedAt) throw new NotSuspendedError();
    return (await this.users.reinstate(m, id))!;
  }

  /** Ends every token the user holds, in the caller's transaction (password or role change). Call `forgetAuthState` after the commit. */
  endTokens(m: EntityManager, id: string): Promise<void> {
    return this.users.bumpTokenVersion(m, id);
  }

  /** Makes this process's auth guard look the user up again on their next request. */
  forgetAuthState(id: string): void {
    this.authStates.forget(id);
  }

  private async create(manager: EntityManager, user: NewUser): Promise<User> {
    try {
      return await this.users.insert(manager, user);
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_lower_uq')) throw new EmailTakenError();
      throw err;
    }
  }

  /** A session (user and access token) at the given token version, e.g. right after a password change. */
  sessionFor(user: User, tokenVersion: number): AuthResultDto {
    return this.authResult(user, tokenVersion);
  }

  private authResult(user: User, tokenVersion: number): AuthResultDto {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: tokenVersion };
    return { user: UserDto.from(user), accessToken: this.jwt.sign(claims) };
  }
}
