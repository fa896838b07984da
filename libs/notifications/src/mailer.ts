import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * Sends mail through SMTP_URL (nodemailer), from MAIL_FROM. Without SMTP_URL
 * (development) every mail is printed to the log instead.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(config: ConfigService) {
    const url = config.get<string>('SMTP_URL');
    this.from = config.get<string>('MAIL_FROM') ?? 'FarmLink <no-reply@farmlink.local>';
    this.transport = url ? createTransport(url) : null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) {
      this.logger.log(`mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return;
    }
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
