export * from './calendar.service';
