/** Signed packs: key format, canonical JSON and the signed envelope (README.md beside this file). */
export * from './canonical-json.ts';
export * from './keys.ts';
export * from './envelope.ts';
export { toBase64Url, fromBase64Url } from './bytes.ts';
