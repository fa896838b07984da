import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClusterChannel } from '@farmlink/database';

/** The PostgreSQL channel on which catalog changes are announced. */
export const CATALOG_CHANNEL = 'farmlink_catalog';

/**
 * Tells every API process that the catalog changed, so each clears its search
 * caches within milliseconds (PostgreSQL LISTEN/NOTIFY, see ClusterChannel),
 * not after their time to live. A process that lost its listening connection
 * clears its caches when it is back (it may have missed a message).
 */
@Injectable()
export class CatalogEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CatalogEvents.name);
  private readonly listeners: (() => void)[] = [];
  private channel?: ClusterChannel;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService,
  ) {}

  /** `clear` runs on every change announced by any process (this one included). */
  onChange(clear: () => void): void {
    this.listeners.push(clear);
  }

  /** Announces a change; a failure to announce is logged (other processes' caches expire within their TTL). */
  announce(): void {
    ClusterChannel.publish(this.db, CATALOG_CHANNEL, 'changed').catch((err: Error) => this.logger.warn(`catalog change not announced: ${err.message}`));
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.get<string>('DATABASE_URL');
    if (!url) return;
    const clearAll = () => this.listeners.forEach((clear) => clear());
    this.channel = new ClusterChannel(url, CATALOG_CHANNEL, { onMessage: clearAll, onReconnect: clearAll }, this.logger);
    await this.channel.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.stop();
  }
}
