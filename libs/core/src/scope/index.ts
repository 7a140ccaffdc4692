export * from './actor';
export * from './org-scope';
