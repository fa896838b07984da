import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { DataSource } from 'typeorm';
import { AuditModule } from '@farmlink/audit';
import { NotificationsModule } from '@farmlink/notifications';
import { RegionsModule } from '@farmlink/regions';
import { AccountMails } from './account-mails';
import { AccountController, AccountRecoveryController } from './account.controller';
import { AccountService } from './account.service';
import { AddressBookService } from './address-book.service';
import { AddressRepository } from './address.repository';
import { UserTokenRepository } from './user-token.repository';
import { AuthStateCache } from './auth-state.cache';
import { AuthGuard } from './auth.guard';
import { AuthController, MeController } from './identity.controller';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { PostgresThrottlerStorage } from './rate-limit.storage';
import { PovertyClaimAccess } from './poverty-claim.access';
import { PovertyClaimRepository } from './poverty-claim.repository';
import { PovertyController } from './poverty.controller';
import { PovertyService } from './poverty.service';
import { UserRepository } from './user.repository';

/**
 * The Redis storage of @nest-lab/throttler-storage-redis, given the URL so that it owns the
 * connection and closes it when the app closes (its onModuleDestroy).
 */
function redisThrottlerStorage(url: string, keyPrefix: string): ThrottlerStorageRedisService {
  return new ThrottlerStorageRedisService(url, { keyPrefix, maxRetriesPerRequest: 2 });
}

@Module({
  imports: [
    RegionsModule,
    AuditModule,
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const expires = String(config.get('JWT_EXPIRES_IN') ?? '1d');
        return {
          // A KeyObject, not a string: given a string, jsonwebtoken first tries (and fails) to parse it
          // as a public key on every verify — about a tenth of the CPU of a checkout.
          secret: createSecretKey(Buffer.from(config.getOrThrow<string>('JWT_SECRET'))) as unknown as string,
          signOptions: { algorithm: 'HS256', expiresIn: (/^\d+$/.test(expires) ? Number(expires) : expires) as never },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, getDataSourceToken()],
      useFactory: (config: ConfigService, db: DataSource) => ({
        throttlers: [
          {
            name: 'auth',
            limit: Number(config.get('AUTH_THROTTLE_LIMIT') ?? 10),
            ttl: Number(config.get('AUTH_THROTTLE_TTL_SECONDS') ?? 60) * 1000,
          },
        ],
        // Counted across every API process: in Redis when REDIS_URL is set, otherwise in PostgreSQL.
        storage: config.get<string>('REDIS_URL') ? redisThrottlerStorage(config.getOrThrow<string>('REDIS_URL'), config.get<string>('REDIS_KEY_PREFIX') ?? 'farmlink:') : new PostgresThrottlerStorage(db),
      }),
    }),
  ],
  controllers: [AuthController, AccountRecoveryController, MeController, AccountController, PovertyController],
  providers: [
    UserRepository, PasswordHasher, IdentityService, AuthStateCache, PovertyClaimRepository, PovertyClaimAccess, PovertyService,
    UserTokenRepository, AccountMails, AccountService, AddressRepository, AddressBookService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, PasswordHasher, PovertyService],
})
export class IdentityModule {}
