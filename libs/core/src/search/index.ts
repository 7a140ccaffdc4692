export * from './case-codes';
export * from './case-keyword';
export * from './case-search.sql';
export * from './case-search-indexer.service';
