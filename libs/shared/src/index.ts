// Framework-free code shared by api, worker and web. No Node-only or NestJS imports here.
export * from './auth';
export * from './org';
export * from './calendar';
export * from './case';
export * from './document';
export * from './stats';
export * from './exchange';
export * from './public';
