export * from './public-stage';
export * from './public-info';
