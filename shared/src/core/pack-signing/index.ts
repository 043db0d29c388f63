/** Signed packs: key format, canonical JSON and the signed envelope (README.md beside this file). */
// Named apart from the audit chain's canonicalJson: this one is RFC 8785 exactly, and the
// signature format depends on it never changing.
export { canonicalJson as canonicalPackJson, CanonicalJsonError } from './canonical-json.ts';
export * from './keys.ts';
export * from './envelope.ts';
export { toBase64Url, fromBase64Url } from './bytes.ts';
