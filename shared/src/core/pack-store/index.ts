/** The extension's installed-packs store: pure logic, storage behind an interface. */
export * from './types.ts';
export * from './store.ts';
export * from './remote.ts';
export * from './refresh.ts';
export * from './edit.ts';
export * from './keys.ts';
export * from './persisted.ts';
export * from './load.ts';
