/**
 * Pack-signing keys: ECDSA P-256 key pairs kept as JSON Web Keys (RFC 7517). The key id `kid` is
 * the RFC 7638 JWK thumbprint (base64url SHA-256 of {"crv","kty","x","y"}), so it names the key
 * itself and cannot be attached to another key: a `kid` that does not match is refused.
 * Trusted public keys are accepted as a JWK (JSON text or object) or as an SPKI PEM block
 * ("-----BEGIN PUBLIC KEY-----"), which is what `openssl ec -pubout` prints.
 * Only WebCrypto (`crypto.subtle`): the same code runs in Node, the service worker and a page.
 */
import { canonicalJson } from './canonical-json.ts';
import { fromBase64Url, sha256, toBase64Url, utf8 } from './bytes.ts';

export const SIGNING_ALGORITHM = 'ES256' as const;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A public key as the files and the policy carry it: a P-256 JWK with its thumbprint as kid. */
export interface PackPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
  /** Who holds the private key, for people (e.g. "某某区人大办公室"); not signed, not trusted. */
  name?: string;
  /** When the pair was made (ISO). */
  createdAt?: string;
}

/** The private half: the public members plus `d`. Keep it secret (the CLI writes it with mode 0600). */
export interface PackPrivateJwk extends PackPublicJwk {
  d: string;
}

/** A public key ready to verify with. */
export interface TrustedKey {
  kid: string;
  name?: string;
  jwk: PackPublicJwk;
  key: CryptoKey;
}

export interface SigningKey {
  kid: string;
  name?: string;
  key: CryptoKey;
}

export class PackKeyError extends Error {
  constructor(message: string, readonly messageEn: string, readonly code: string) {
    super(message);
  }
}

/** RFC 7638 thumbprint of an EC public key. */
export async function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): Promise<string> {
  const members = canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return toBase64Url(await sha256(utf8(members)));
}

/** Makes a new ECDSA P-256 key pair. */
export async function generatePackKeyPair(options: { name?: string; now?: Date } = {}): Promise<{ privateJwk: PackPrivateJwk; publicJwk: PackPublicJwk }> {
  const pair = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
  if (!priv.x || !priv.y || !priv.d) throw new Error('WebCrypto returned an incomplete key');
  const kid = await jwkThumbprint({ crv: 'P-256', kty: 'EC', x: priv.x, y: priv.y });
  const publicJwk: PackPublicJwk = {
    kty: 'EC', crv: 'P-256', x: priv.x, y: priv.y, kid, alg: SIGNING_ALGORITHM, use: 'sig',
    ...(options.name ? { name: options.name } : {}),
    createdAt: (options.now ?? new Date()).toISOString(),
  };
  return { publicJwk, privateJwk: { ...publicJwk, d: priv.d } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(message: string, messageEn: string, code = 'bad-key'): PackKeyError {
  return new PackKeyError(message, messageEn, code);
}

function checkEcMembers(jwk: Record<string, unknown>): asserts jwk is Record<string, unknown> & { kty: 'EC'; crv: 'P-256'; x: string; y: string } {
  if (jwk['kty'] !== 'EC' || jwk['crv'] !== 'P-256') {
    throw bad(`不支持的密钥类型（kty=${String(jwk['kty'])}, crv=${String(jwk['crv'])}）；只接受 ECDSA P-256`,
      `unsupported key (kty=${String(jwk['kty'])}, crv=${String(jwk['crv'])}); only ECDSA P-256 keys are accepted`, 'unsupported-key');
  }
  for (const m of ['x', 'y'] as const) {
    const bytes = typeof jwk[m] === 'string' ? fromBase64Url(jwk[m]) : undefined;
    if (!bytes || bytes.length !== 32) throw bad(`密钥成员 "${m}" 无效`, `key member "${m}" is not a 32-byte base64url value`);
  }
  if (jwk['alg'] !== undefined && jwk['alg'] !== SIGNING_ALGORITHM) {
    throw bad(`密钥的 alg 为 ${String(jwk['alg'])}，应为 ES256`, `key alg is ${String(jwk['alg'])}, expected ES256`, 'unsupported-key');
  }
}

const PEM = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/;

/**
 * Reads a trusted public key: a JWK (object or JSON text) or an SPKI PEM block. A `kid` given
 * with the key must equal its thumbprint. Throws PackKeyError with the reason.
 */
export async function importTrustedKey(input: unknown): Promise<TrustedKey> {
  let jwk: Record<string, unknown>;
  if (typeof input === 'string') {
    const text = input.trim();
    const pem = PEM.exec(text);
    if (pem) {
      const der = fromBase64Url(pem[1]!);
      if (!der) throw bad('PEM 公钥内容不是 base64', 'the PEM block is not base64');
      let key: CryptoKey;
      try {
        key = await crypto.subtle.importKey('spki', der, EC, true, ['verify']);
      } catch {
        throw bad('PEM 公钥不是 ECDSA P-256 公钥', 'the PEM block is not an ECDSA P-256 public key', 'unsupported-key');
      }
      const exported = await crypto.subtle.exportKey('jwk', key);
      jwk = { kty: exported.kty, crv: exported.crv, x: exported.x, y: exported.y };
    } else if (text.startsWith('{')) {
      try {
        jwk = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw bad('公钥不是有效的 JSON', 'the public key is not valid JSON');
      }
      if (!isRecord(jwk)) throw bad('公钥应为 JSON 对象', 'the public key must be a JSON object');
    } else {
      throw bad('无法识别的公钥：应为 JWK（JSON）或 PEM（-----BEGIN PUBLIC KEY-----）', 'unrecognised public key: expected a JWK (JSON) or a PEM block (-----BEGIN PUBLIC KEY-----)');
    }
  } else if (isRecord(input)) {
    jwk = input;
  } else {
    throw bad('公钥应为 JWK 或 PEM 文本', 'a public key must be a JWK or PEM text');
  }
  checkEcMembers(jwk);
  if ('d' in jwk) throw bad('这是私钥文件：请信任对应的 .public.json 公钥，私钥不得分发', 'this is a private key: trust the matching .public.json instead and never distribute the private key', 'private-key-given');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, EC, true, ['verify']);
  } catch {
    throw bad('公钥不在 P-256 曲线上', 'the public key is not a point on P-256');
  }
  const kid = await jwkThumbprint(jwk);
  if (jwk['kid'] !== undefined && jwk['kid'] !== kid) {
    throw bad(`公钥的 kid 与密钥本身不符（应为 ${kid}）`, `the key's kid does not match the key (its thumbprint is ${kid})`, 'kid-mismatch');
  }
  const name = typeof jwk['name'] === 'string' && jwk['name'].trim() ? jwk['name'] : undefined;
  const publicJwk: PackPublicJwk = {
    kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: SIGNING_ALGORITHM, use: 'sig',
    ...(name ? { name } : {}),
    ...(typeof jwk['createdAt'] === 'string' ? { createdAt: jwk['createdAt'] } : {}),
  };
  return { kid, ...(name ? { name } : {}), jwk: publicJwk, key };
}

/** Reads a private key file (JWK with `d`). Throws PackKeyError with the reason. */
export async function importSigningKey(input: unknown): Promise<SigningKey> {
  let jwk: unknown = input;
  if (typeof input === 'string') {
    try { jwk = JSON.parse(input); } catch { throw bad('私钥文件不是有效的 JSON', 'the private key file is not valid JSON'); }
  }
  if (!isRecord(jwk)) throw bad('私钥应为 JWK 对象', 'a private key must be a JWK object');
  checkEcMembers(jwk);
  if (typeof jwk['d'] !== 'string' || fromBase64Url(jwk['d'])?.length !== 32) {
    throw bad('这不是私钥（缺少 "d"）：签名需要 NAME.private.json', 'not a private key (no "d"): signing needs NAME.private.json', 'not-private-key');
  }
  const kid = await jwkThumbprint(jwk);
  if (jwk['kid'] !== undefined && jwk['kid'] !== kid) {
    throw bad(`私钥的 kid 与密钥本身不符（应为 ${kid}）`, `the key's kid does not match the key (its thumbprint is ${kid})`, 'kid-mismatch');
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk['d'], ext: false }, EC, false, ['sign']);
  } catch {
    throw bad('私钥无效', 'the private key is invalid');
  }
  const name = typeof jwk['name'] === 'string' && jwk['name'].trim() ? jwk['name'] : undefined;
  return { kid, ...(name ? { name } : {}), key };
}
