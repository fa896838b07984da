import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server), keeping every mail it
 * receives parsed (mailparser). It can be stopped and started again on the same
 * port, to show that mail sent while it was down arrives once it is back.
 */
export class TestSmtp {
  readonly mails: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  private port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** SMTP_URL for the app under test. */
  url(): string {
    if (!this.port) throw new Error('start the test SMTP server first');
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails sent to `address`. */
  to(address: string): ParsedMail[] {
    return this.mails.filter((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase())));
  }

  /** Waits (up to `timeoutMs`) until `address` has received `count` mails; answers the latest. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.to(address);
      if (got.length >= count) return got[got.length - 1];
      if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms (got ${got.length})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The token of the first FarmLink link (…?token=…) in a mail's text. */
export function tokenFrom(mail: ParsedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link with a token in: ${mail.text}`);
  return match[1];
}
