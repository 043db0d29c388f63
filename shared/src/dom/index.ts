export {};
export * from './store-indexeddb.ts';
export * from './autofill/index.ts';
export * from './draft-journal.ts';
export * from './audit-indexeddb.ts';
