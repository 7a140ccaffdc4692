export * from './evidence-storage';
export * from './local-disk.storage';
