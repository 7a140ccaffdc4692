export * from './roles';
export * from './permissions';
export * from './api-operations';
export * from './webhook-events';
