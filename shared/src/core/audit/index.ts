export * from './chain.ts';
export * from './record.ts';
export * from './head-signature.ts';
export * from './store.ts';
