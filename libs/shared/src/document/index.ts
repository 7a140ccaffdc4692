export * from './document-enums';
