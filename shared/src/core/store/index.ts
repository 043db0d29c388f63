export * from './store.ts';
export * from './drafts.ts';
