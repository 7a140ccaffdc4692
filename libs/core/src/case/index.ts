export * from './case-access.service';
export * from './case-event.writer';
