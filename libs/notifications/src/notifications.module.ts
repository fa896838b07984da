import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationsService } from './notifications.service';
import { OutboxRepository } from './outbox.repository';
import { Sms } from './sms';

/**
 * Mail (and later SMS) through an outbox. Sits just above `audit`, so every
 * feature lib can enqueue a message in its own transaction.
 */
@Module({
  providers: [OutboxRepository, Mailer, Sms, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
