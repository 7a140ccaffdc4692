export * from './notification.types';
export * from './quiet-hours';
export * from './notification.service';
export * from './sms-outbox.service';
export * from './sms-sender';
export * from './consumer-sms.hook';
