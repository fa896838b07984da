export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
export * from './sms';
