/**
 * @lvzhi/shared — the framework-agnostic core: the definition language, validation, records,
 * expressions, dates and identity numbers. No DOM, React, pdf-lib or Node imports here, so a
 * content script or a service worker can take it whole.
 */
export * from './pack-schema.ts';
export * from './record-schema.ts';
export * from './issues.ts';
export * from './expression.ts';
export * from './pattern.ts';
export * from './json-limits.ts';
export * from './dates.ts';
export * from './identity.ts';
export * from './labels.ts';
export * from './validate-pack.ts';
export * from './json-schema.ts';
export * from './validate-record.ts';
export * from './pack-signing/index.ts';
export * from './autofill/index.ts';
export * from './workflow/index.ts';
export * from './form/index.ts';
export * from './store/index.ts';
export * from './pack-store/index.ts';
export * from './audit/index.ts';
export * from './stats/index.ts';
export * from './spreadsheet/index.ts';
export * from './intake/index.ts';
export * from './sync/index.ts';
export * from './record-images.ts';
export * from './backup-crypto.ts';
export * from './backup.ts';
