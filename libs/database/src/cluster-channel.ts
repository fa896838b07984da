import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

interface ChannelLogger {
  warn(message: string): void;
}

/** This process's id in channel messages, so a process can tell its own messages from others'. */
export const PROCESS_ID = randomUUID();

/**
 * A message bus between every API process on one database, over PostgreSQL
 * LISTEN/NOTIFY: `publish` sends through the pool, and each process keeps one
 * dedicated connection listening (a pooled connection cannot: LISTEN belongs
 * to a session). The listening connection reconnects by itself (0.1 s doubling
 * to 5 s); since messages sent meanwhile are lost, `onReconnect` lets the
 * owner drop whatever they would have cleared. Delivery takes about a
 * millisecond on one host (NOTIFY is sent at the sender's commit).
 */
export class ClusterChannel {
  private client: Client | undefined;
  private stopped = false;
  private retryMs = 100;
  private retryTimer: NodeJS.Timeout | undefined;
  private connectedOnce = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: { onMessage(payload: string, fromThisProcess: boolean): void; onReconnect?(): void },
    private readonly logger: ChannelLogger,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new RangeError(`not a channel name: ${channel}`);
  }

  /** Connects and listens; resolves once listening (or once the first attempt failed: it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** True while the listening connection is up. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Sends `payload` to every process listening (this one included), through the app's pool. */
  static async publish(db: DataSource, channel: string, payload: string): Promise<void> {
    await db.query(`SELECT pg_notify($1, $2)`, [channel, `${PROCESS_ID}|${payload}`]);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'farmlink-listener', keepAlive: true });
    client.on('notification', (n) => {
      if (n.channel !== this.channel) return;
      const raw = n.payload ?? '';
      const bar = raw.indexOf('|');
      const from = bar >= 0 ? raw.slice(0, bar) : '';
      try {
        this.handlers.onMessage(bar >= 0 ? raw.slice(bar + 1) : raw, from === PROCESS_ID);
      } catch (err) {
        this.logger.warn(`${this.channel}: handler failed: ${(err as Error).message}`);
      }
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`${this.channel}: listening connection lost${err ? ` (${err.message})` : ''}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.connectedOnce = true; // whatever connects later has missed messages
      if (!this.stopped) {
        this.logger.warn(`${this.channel}: cannot listen (${(err as Error).message}); retrying`);
        this.scheduleReconnect();
      }
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = 100;
    if (this.connectedOnce) this.handlers.onReconnect?.();
    this.connectedOnce = true;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, wait);
    this.retryTimer.unref?.();
  }
}
