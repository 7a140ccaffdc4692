export * from './supervision.types';
export * from './supervision.exception';
export * from './supervision-access.service';
export * from './supervision-query.service';
export * from './supervision.service';
