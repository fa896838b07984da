import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dataSourceOptions } from '@farmlink/database';
import { AuditModule } from '@farmlink/audit';
import { IdentityModule } from '@farmlink/identity';
import { NotificationsModule } from '@farmlink/notifications';
import { RegionsModule } from '@farmlink/regions';
import { CooperativesModule } from '@farmlink/cooperatives';
import { CatalogModule } from '@farmlink/catalog';
import { OrdersModule } from '@farmlink/orders';
import { PaymentsModule } from '@farmlink/payments';
import { ReportsModule } from '@farmlink/reports';
import { validateEnv } from './config/env.validation';
import { DemoSeedService } from './demo/demo-seed.service';
import { PeriodicJobs } from './jobs/periodic-jobs';
import { HealthController } from './health/health.controller';

/**
 * The composition root: every lib is wired here. It is built by `forRoot()`
 * (not at import time) because main.ts may first start the embedded database
 * and set DATABASE_URL, which the configuration check needs.
 */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: validateEnv }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          // Fastify assigns the request id (configure-app.ts: the caller's X-Request-Id or a UUID).
          genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]', '*.password', '*.passwordHash'],
            censor: '[redacted]',
          },
          base: { pid: process.pid, hostname: hostname(), service: 'farmlink-api' },
          // A request's log line names it without its headers. pino-http makes a child logger of every
          // request, logged or not, and pino serialises (and redacts) a child's bindings when it is made:
          // with the headers that was ~3 % of the API's CPU under checkout load, for lines rarely written.
          serializers: {
            req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              remoteAddress: req.remoteAddress,
            }),
          },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...dataSourceOptions({
          url: config.getOrThrow('DATABASE_URL'),
          poolSize: config.get('DB_POOL_SIZE'),
          acquireTimeoutMs: config.get('DB_ACQUIRE_TIMEOUT_MS'),
          logging: config.get('DB_LOG_QUERIES'),
          replicaUrls: String(config.get('DATABASE_REPLICA_URLS') ?? '')
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean),
        }),
        // Migrations run before the app is built (main.ts, `npm run migrate`), under a cluster-wide lock.
        migrationsRun: false,
      }),
    }),
    TerminusModule,
    ScheduleModule.forRoot(),
    AuditModule,
    NotificationsModule,
    RegionsModule,
    IdentityModule,
    CooperativesModule,
    CatalogModule,
    PaymentsModule,
    OrdersModule,
    ReportsModule,
      ],
      controllers: [HealthController],
      providers: [DemoSeedService, PeriodicJobs],
    };
  }
}
