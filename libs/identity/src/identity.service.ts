import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@farmlink/database';
import { NotFoundError } from '@farmlink/shared';
import { RegionsService } from '@farmlink/regions';
import type { AccessTokenClaims } from './auth-user';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { AuthResultDto, UserDto } from './dto/user.dto';
import { EmailTakenError, InvalidCredentialsError, UnknownCountyError, UnknownRegionError } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { PovertyService } from './poverty.service';
import { NewUser, UserRepository, type User } from './user.repository';

@Injectable()
export class IdentityService implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly regions: RegionsService,
    private readonly config: ConfigService,
    private readonly poverty: PovertyService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when that account does not exist yet. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get<string>('ADMIN_EMAIL');
    const password = this.config.get<string>('ADMIN_PASSWORD');
    if (!email || !password) return;
    if (await this.users.emailExists(email)) return;
    try {
      await this.users.insert({ email, passwordHash: await this.hasher.hash(password), displayName: 'Administrator', role: 'admin' });
      this.logger.log(`created the first admin account ${email}`);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another instance created it first
    }
  }

  async register(dto: RegisterDto): Promise<AuthResultDto> {
    if (dto.countyCode !== undefined && !(await this.regions.isCounty(dto.countyCode))) {
      throw new UnknownCountyError('countyCode', dto.countyCode);
    }
    const isFarmer = dto.role === 'farmer';
    const passwordHash = await this.hasher.hash(dto.password);
    // A farmer's povertyRegistered: true is a claim (status `claimed`), filed with the account in one
    // transaction; it counts in reports only once an officer of the farmer's county verifies it.
    const user = await inTransaction(this.db, async (manager) => {
      const created = await this.create(
        {
          email: dto.email,
          passwordHash,
          displayName: dto.displayName,
          role: dto.role,
          phone: dto.phone ?? null,
          countyCode: dto.countyCode ?? null,
          village: isFarmer ? (dto.village ?? null) : null,
        },
        manager,
      );
      if (!isFarmer || dto.povertyRegistered !== true) return created;
      await this.poverty.fileClaim(manager, created.id, dto.povertyRegistrationNo ?? null);
      return (await this.users.findById(created.id, manager))!;
    });
    return this.authResult(user);
  }

  async login(dto: LoginDto): Promise<AuthResultDto> {
    const user = await this.users.findByEmailWithHash(dto.email);
    if (!(await this.hasher.verify(user?.passwordHash, dto.password)) || !user) throw new InvalidCredentialsError();
    return this.authResult(user);
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

  async createStaff(dto: CreateStaffUserDto): Promise<UserDto> {
    if (dto.jurisdictionCode !== undefined && !(await this.regions.find(dto.jurisdictionCode))) {
      throw new UnknownRegionError('jurisdictionCode', dto.jurisdictionCode);
    }
    const user = await this.create({
      email: dto.email,
      passwordHash: await this.hasher.hash(dto.password),
      displayName: dto.displayName,
      role: dto.role,
      jurisdictionCode: dto.role === 'officer' ? (dto.jurisdictionCode ?? null) : null,
    });
    return UserDto.from(user);
  }

  private async create(user: NewUser, manager?: EntityManager): Promise<User> {
    try {
      return await this.users.insert(user, manager);
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_lower_uq')) throw new EmailTakenError();
      throw err;
    }
  }

  private authResult(user: User): AuthResultDto {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    return { user: UserDto.from(user), accessToken: this.jwt.sign(claims) };
  }
}
