export * from './public-stage';
export * from './public-info';
export * from './typical-case';
export * from './public-kpis';
