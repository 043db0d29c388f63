/** Autofill, the DOM part: scanning, widget adapters, applying plans, undo and read-back. */
export * from './util.ts';
export * from './frames.ts';
export * from './adapters/index.ts';
export * from './scan.ts';
export * from './apply.ts';
export * from './standalone-api.ts';
export * from './framework-state.ts';
