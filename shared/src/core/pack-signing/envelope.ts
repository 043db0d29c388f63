/**
 * The signed-pack envelope: one JSON file that carries the pack unchanged and a detached
 * ECDSA P-256 / SHA-256 signature over the canonical JSON (RFC 8785) of
 * `{ format, alg, kid, signedAt, pack }`:
 *
 *   {
 *     "format": "lvzhi.signed-pack/1",
 *     "pack": { "id": "lvzhi.meetings", "version": "1.2.0", … },
 *     "signature": { "alg": "ES256", "kid": "<RFC 7638 thumbprint>", "signedAt": "2025-…Z",
 *                    "value": "<base64url of r‖s, 64 bytes>" }
 *   }
 *
 * `format` is inside the signed text, so a signature cannot be replayed as anything else; so
 * are `kid` and `signedAt`. The signature does not depend on whitespace or key order.
 * README.md beside this file explains it for administrators.
 */
import { excessiveNesting, nestingIssue } from '../json-limits.ts';
import { issue, type ValidationIssue } from '../issues.ts';
import { canonicalJson, CanonicalJsonError } from './canonical-json.ts';
import { fromBase64Url, toBase64Url, utf8 } from './bytes.ts';
import { SIGNING_ALGORITHM, type SigningKey, type TrustedKey } from './keys.ts';

export const SIGNED_PACK_FORMAT = 'lvzhi.signed-pack/1';
/**
 * The largest pack file accepted (4 MiB). All six built-in packs together are about 0.4 MB,
 * so this leaves ten times room, while a runaway or hostile file cannot fill the
 * extension's storage or freeze the service worker parsing it.
 */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;

export interface PackSignature {
  alg: typeof SIGNING_ALGORITHM;
  kid: string;
  /** ISO instant the pack was signed. */
  signedAt: string;
  /** base64url of the 64-byte IEEE P1363 signature (r‖s), as WebCrypto makes it. */
  value: string;
}

export interface SignedPackEnvelope {
  format: typeof SIGNED_PACK_FORMAT;
  pack: unknown;
  signature: PackSignature;
}

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

function signedText(pack: unknown, sig: Omit<PackSignature, 'value'>): string {
  return canonicalJson({ format: SIGNED_PACK_FORMAT, alg: sig.alg, kid: sig.kid, signedAt: sig.signedAt, pack });
}

/** Wraps a (validated) pack in a signed envelope. */
export async function signPack(pack: unknown, key: SigningKey, options: { now?: Date } = {}): Promise<SignedPackEnvelope> {
  const header = { alg: SIGNING_ALGORITHM, kid: key.kid, signedAt: (options.now ?? new Date()).toISOString() };
  const bytes = await crypto.subtle.sign(ECDSA, key.key, utf8(signedText(pack, header)));
  return { format: SIGNED_PACK_FORMAT, pack, signature: { ...header, value: toBase64Url(new Uint8Array(bytes)) } };
}

/** True for anything that claims to be a signed envelope (its `format` names one). */
export function looksSigned(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) &&
    typeof (json as { format?: unknown }).format === 'string' &&
    (json as { format: string }).format.startsWith('lvzhi.signed-pack/');
}

export type PackParse = { ok: true; json: unknown; bytes: number } | { ok: false; issues: ValidationIssue[] };

const located = (source: string, i: ReturnType<typeof issue>): ValidationIssue => ({ source, ...i });

export function tooLargeIssue(source: string, bytes: number, maxBytes = MAX_PACK_BYTES): ValidationIssue {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return located(source, issue([], 'too-large',
    `文件过大：${mb(bytes)} MB，上限为 ${mb(maxBytes)} MB`,
    `file too large: ${mb(bytes)} MB, the limit is ${mb(maxBytes)} MB`));
}

/** Reads pack file bytes or text: size limit first, then strict JSON. Never throws. */
export function parsePackText(input: string | Uint8Array, source = '', maxBytes = MAX_PACK_BYTES): PackParse {
  const bytes = typeof input === 'string' ? utf8(input).length : input.length;
  if (bytes > maxBytes) return { ok: false, issues: [tooLargeIssue(source, bytes, maxBytes)] };
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { ok: false, issues: [located(source, issue([], 'not-utf8', '文件不是 UTF-8 文本', 'the file is not UTF-8 text'))] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const deep = excessiveNesting(text);
  if (deep !== undefined) return { ok: false, issues: [nestingIssue(source, text, deep)] };
  try {
    return { ok: true, json: JSON.parse(text) as unknown, bytes };
  } catch (e) {
    return { ok: false, issues: [located(source, issue([], 'not-json', `不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`))] };
  }
}

export type PackVerification =
  | { ok: true; pack: unknown; signature: PackSignature; key: TrustedKey }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Checks a parsed envelope against the trusted keys. `ok` only when the envelope is well formed,
 * names a trusted key and the signature over the pack verifies. Never throws.
 */
export async function verifySignedPack(json: unknown, trusted: readonly TrustedKey[], source = ''): Promise<PackVerification> {
  const fail = (path: (string | number)[], code: string, zh: string, en: string): PackVerification =>
    ({ ok: false, issues: [located(source, issue(path, code, zh, en))] });
  if (!looksSigned(json)) {
    return fail([], 'unsigned', '定义包没有签名：远程或统一下发的定义包必须由受信任的密钥签名（lvzhi pack build --key）',
      'the pack is not signed: remote and managed packs must be signed by a trusted key (lvzhi pack build --key)');
  }
  const env = json as Record<string, unknown>;
  if (env['format'] !== SIGNED_PACK_FORMAT) {
    return fail(['format'], 'unsupported-format', `不支持的签名格式 ${JSON.stringify(env['format'])}（支持 ${SIGNED_PACK_FORMAT}）`,
      `unsupported signature format ${JSON.stringify(env['format'])} (this version reads ${SIGNED_PACK_FORMAT})`);
  }
  for (const key of Object.keys(env)) {
    if (key !== 'format' && key !== 'pack' && key !== 'signature') return fail([key], 'unknown-key', `签名信封中有未知的属性 "${key}"`, `unknown property "${key}" in the signed envelope`);
  }
  if (typeof env['pack'] !== 'object' || env['pack'] === null || Array.isArray(env['pack'])) {
    return fail(['pack'], 'missing', '签名信封中缺少定义包 "pack" 对象', 'the signed envelope has no "pack" object');
  }
  const sig = env['signature'];
  if (typeof sig !== 'object' || sig === null || Array.isArray(sig)) return fail(['signature'], 'missing', '缺少签名 "signature"', 'the "signature" object is missing');
  const s = sig as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!['alg', 'kid', 'signedAt', 'value'].includes(key)) return fail(['signature', key], 'unknown-key', `签名中有未知的属性 "${key}"`, `unknown property "${key}" in the signature`);
  }
  if (s['alg'] !== SIGNING_ALGORITHM) {
    return fail(['signature', 'alg'], 'unsupported-alg', `不支持的签名算法 ${JSON.stringify(s['alg'])}（只接受 ES256）`, `unsupported signature algorithm ${JSON.stringify(s['alg'])} (only ES256)`);
  }
  if (typeof s['kid'] !== 'string' || s['kid'] === '') return fail(['signature', 'kid'], 'missing', '签名缺少密钥标识 kid', 'the signature has no key id (kid)');
  if (typeof s['signedAt'] !== 'string' || Number.isNaN(Date.parse(s['signedAt']))) {
    return fail(['signature', 'signedAt'], 'format', '签名时间 signedAt 无效', 'signedAt is not a valid date-time');
  }
  const value = typeof s['value'] === 'string' ? fromBase64Url(s['value']) : undefined;
  if (!value || value.length !== 64) return fail(['signature', 'value'], 'format', '签名值应为 64 字节的 base64url', 'the signature value must be 64 bytes of base64url');
  const key = trusted.find((k) => k.kid === s['kid']);
  if (!key) {
    return fail(['signature', 'kid'], 'untrusted-key', `签名密钥 ${s['kid']} 不在受信任的公钥中`, `the pack is signed by key ${s['kid']}, which is not trusted`);
  }
  const header = { alg: SIGNING_ALGORITHM, kid: s['kid'], signedAt: s['signedAt'] };
  let text: string;
  try {
    text = signedText(env['pack'], header);
  } catch (e) {
    const why = e instanceof CanonicalJsonError ? e.message : String(e);
    return fail(['pack'], 'not-canonical', `定义包无法规范化：${why}`, `the pack cannot be canonicalised: ${why}`);
  }
  let valid = false;
  try {
    valid = await crypto.subtle.verify(ECDSA, key.key, value, utf8(text));
  } catch {
    valid = false;
  }
  if (!valid) {
    return fail(['signature', 'value'], 'bad-signature', `签名不符：定义包在签名后被改动过，或签名是伪造的（密钥 ${key.name ?? key.kid}）`,
      `signature mismatch: the pack was changed after signing, or the signature is forged (key ${key.name ?? key.kid})`);
  }
  return { ok: true, pack: env['pack'], signature: { alg: SIGNING_ALGORITHM, kid: header.kid, signedAt: header.signedAt, value: s['value'] as string }, key };
}
