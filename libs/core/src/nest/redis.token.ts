/** Injection token of the shared ioredis client (api and worker). */
export const REDIS = Symbol('REDIS');
