export * from './period.ts';
export * from './compute.ts';
export * from './sentences.ts';
