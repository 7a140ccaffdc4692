export * from './case-enums';
export * from './case-rules';
export * from './case-context';
export * from './case-guards';
export * from './case-transitions';
export * from './case-machine';
export * from './case-events';
