import multipart from '@fastify/multipart';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import * as path from 'node:path';
import { AuditModule } from '@farmlink/audit';
import { CooperativesModule } from '@farmlink/cooperatives';
import { IdentityModule } from '@farmlink/identity';
import { RegionsModule } from '@farmlink/regions';
import { CatalogService } from './catalog.service';
import { CatalogEvents } from './catalog-events';
import { FarmsController, ListingsController, PhotosController } from './catalog.controller';
import { ListingRepository } from './listing.repository';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { ListingStockRepository } from './listing-stock.repository';
import { ListingCache } from './listing-cache';
import { PHOTO_MAX_BYTES } from './photo-processor';
import { LocalPhotoStorage, PHOTO_STORAGE } from './photo-storage';
import { S3PhotoStorage } from './s3-photo-storage';

@Module({
  imports: [CooperativesModule, RegionsModule, IdentityModule, AuditModule],
  controllers: [ListingsController, FarmsController, PhotosController, ModerationController],
  providers: [
    ListingRepository,
    ListingStockRepository,
    ListingCache,
    CatalogService,
    CatalogEvents,
    ModerationService,
    {
      provide: PHOTO_STORAGE,
      inject: [ConfigService],
      // The local folder by default; PHOTO_STORAGE=s3 puts photos in an S3-compatible store shared by every host.
      useFactory: (config: ConfigService) =>
        config.get<string>('PHOTO_STORAGE') === 's3'
          ? new S3PhotoStorage({
              bucket: config.getOrThrow<string>('S3_BUCKET'),
              region: config.get<string>('S3_REGION') || 'us-east-1',
              endpoint: config.get<string>('S3_ENDPOINT') || undefined,
              accessKeyId: config.get<string>('S3_ACCESS_KEY_ID') || undefined,
              secretAccessKey: config.get<string>('S3_SECRET_ACCESS_KEY') || undefined,
              forcePathStyle: String(config.get('S3_FORCE_PATH_STYLE') ?? 'false') === 'true',
              publicUrl: config.get<string>('S3_PUBLIC_URL') || undefined,
            })
          : new LocalPhotoStorage(path.resolve(config.get<string>('UPLOAD_DIR') || '.data/uploads')),
    },
  ],
  exports: [ListingStockRepository, CatalogService],
})
export class CatalogModule implements OnModuleInit {
  private readonly logger = new Logger(CatalogModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Photo uploads need Fastify's multipart parser. It is registered here, by
   * the lib that uses it, before the server starts listening.
   */
  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.();
    if (!fastify || typeof fastify.register !== 'function') return;
    if (fastify.hasContentTypeParser?.('multipart/form-data')) return;
    await fastify.register(multipart, {
      limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 10, parts: 20, headerPairs: 200 },
    });
    this.logger.debug('multipart/form-data parser registered for photo uploads');
  }
}
