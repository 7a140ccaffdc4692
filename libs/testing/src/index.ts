export * from './fake-clock';
export * from './test-config';
export * from './graphql-client';
export * from './case-factory';
export * from './case-narrative';
export * from './stat-rollup';
export * from './queues';
