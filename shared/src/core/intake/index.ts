export * from './text.ts';
export * from './propose.ts';
export * from './form-match.ts';
export * from './defaults.ts';
