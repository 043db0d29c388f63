/** Autofill, the pure part: dictionary matching, value conversion and fill plans (no DOM). */
export * from './types.ts';
export * from './context.ts';
export * from './convert.ts';
export * from './plan.ts';
export * from './derive.ts';
export * from './options-match.ts';
export * from './words.ts';
export * from './names.ts';
export * from './region.ts';
export * from './repeat.ts';
