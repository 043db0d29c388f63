export * from './engine.ts';
export * from './records.ts';
export * from './roster.ts';
export * from './record-list.ts';
export * from './completeness.ts';
