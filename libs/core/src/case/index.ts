export * from './case-access.service';
export * from './case-event.writer';
export * from './case-lifecycle.service';
export * from './case-number.service';
export * from './case-counts';
export * from './case-defaults';
export * from './steps/correct-case.step';
