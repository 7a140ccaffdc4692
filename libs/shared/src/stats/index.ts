export * from './stat-contributions';
export * from './kpi-dictionary';
export * from './stat-filter';
