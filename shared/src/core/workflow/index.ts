export * from './due.ts';
export * from './engine.ts';
export * from './record.ts';
export * from './overview.ts';
