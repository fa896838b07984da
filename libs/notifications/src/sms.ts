import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** Sends one text message. A farmer's phone is often their only address. */
export interface SmsProvider {
  send(to: string, text: string): Promise<void>;
}

/**
 * The SMS provider FarmLink uses: with SMS_HTTP_URL, an HTTP gateway that takes
 * `POST { to, text }` as JSON (with `Authorization: Bearer SMS_HTTP_TOKEN` when
 * set) and answers 2xx when it accepted the message; without it, messages are
 * printed to the log (development).
 */
@Injectable()
export class Sms implements SmsProvider {
  private readonly logger = new Logger('Sms');
  private readonly url: string | undefined;
  private readonly token: string | undefined;

  constructor(config: ConfigService) {
    this.url = config.get<string>('SMS_HTTP_URL');
    this.token = config.get<string>('SMS_HTTP_TOKEN');
  }

  /** Whether a real gateway is configured (without one, SMS are only logged and none are enqueued). */
  get enabled(): boolean {
    return Boolean(this.url);
  }

  async send(to: string, text: string): Promise<void> {
    if (!this.url) {
      this.logger.log(`sms to ${to}: ${text}`);
      return;
    }
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
