export * from './stat-case-reader';
export * from './stat-maintainer.service';
export * from './stat-query';
