export * from './fake-clock';
export * from './test-config';
export * from './graphql-client';
