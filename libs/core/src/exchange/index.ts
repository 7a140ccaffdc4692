export * from './exchange-adapter';
export * from './exchange-transport';
