export * from './due.ts';
export * from './engine.ts';
export * from './record.ts';
