export * from './store.ts';
export * from './drafts.ts';
export * from './journal.ts';
