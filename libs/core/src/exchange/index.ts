export * from './exchange-adapter';
