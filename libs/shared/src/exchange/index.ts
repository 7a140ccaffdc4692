export * from './work-order-12345';
