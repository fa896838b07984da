import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
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
import { PovertyClaimAccess } from './poverty-claim.access';
import { PovertyClaimRepository } from './poverty-claim.repository';
import { PovertyController } from './poverty.controller';
import { PovertyService } from './poverty.service';
import { UserRepository } from './user.repository';

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
      inject: [ConfigService],
      useFactory: (config: ConfigService) => [
        {
          name: 'auth',
          limit: Number(config.get('AUTH_THROTTLE_LIMIT') ?? 10),
          ttl: Number(config.get('AUTH_THROTTLE_TTL_SECONDS') ?? 60) * 1000,
        },
      ],
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
