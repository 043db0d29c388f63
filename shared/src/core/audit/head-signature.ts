/**
 * The signed head of an audit trail. The chain's hashes show that entries were not changed
 * *relative to each other*, but whoever can write the file can also rewrite every entry and
 * hash them again; the head kept in the same file then agrees. So the head — seq, hash and
 * time of the newest entry — is signed with a key the writer cannot use to forge another
 * chain: in the extension a non-extractable ECDSA P-256 key made on the device (its public half
 * exported beside the file). `lvzhi audit verify --key PUB` checks that signature; without a
 * key or a head given apart the verdict is "head not checked", never "intact".
 *
 * The signature is ES256 (raw r‖s, base64url) over the canonical JSON of
 * `{"format":"lvzhi-audit-head","seq":…,"hash":…,"at":…}`; `kid` is the RFC 7638 thumbprint of
 * the public key (pack-signing/keys.ts), so a file signed by another key is told apart.
 */
import { fromBase64Url, toBase64Url } from '../pack-signing/bytes.ts';
import { importTrustedKey, jwkThumbprint, type PackPublicJwk, type TrustedKey } from '../pack-signing/keys.ts';
import { canonicalJson, type AuditHead } from './chain.ts';

export interface AuditHeadSignature {
  alg: 'ES256';
  /** Thumbprint of the signing key. */
  kid: string;
  /** base64url of the raw ECDSA signature (r‖s). */
  sig: string;
}

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The exact bytes signed for a head (kept stable: old files must still verify). */
export function auditHeadSigningInput(head: AuditHead): Uint8Array<ArrayBuffer> {
  const text = canonicalJson({ format: 'lvzhi-audit-head', seq: head.seq, hash: head.hash, at: head.at });
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/** Signs a head with a private ECDSA P-256 key (extractable or not; `kid` names its public half). */
export async function signAuditHead(head: AuditHead, privateKey: CryptoKey, kid: string): Promise<AuditHeadSignature> {
  const sig = new Uint8Array(await crypto.subtle.sign(ECDSA_SHA256, privateKey, auditHeadSigningInput(head)));
  return { alg: 'ES256', kid, sig: toBase64Url(sig) };
}

/** The public key of a pair as the file beside the audit export carries it (a JWK with its thumbprint). */
export async function auditPublicJwk(publicKey: CryptoKey, name?: string): Promise<PackPublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('audit key: not an ECDSA P-256 key');
  const kid = await jwkThumbprint({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y });
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig', ...(name ? { name } : {}) };
}

export type HeadSignatureCheck =
  | { ok: true; kid: string }
  | { ok: false; reason: 'no-signature' | 'other-key' | 'bad-signature' | 'malformed'; message: string; messageEn: string };

/** Checks a head's signature with a trusted public key (JWK object/text or PEM). Never throws for bad input. */
export async function verifyAuditHeadSignature(head: AuditHead | null, signature: unknown, key: TrustedKey | unknown): Promise<HeadSignatureCheck> {
  if (!head || !signature) return { ok: false, reason: 'no-signature', message: '末端哈希没有签名', messageEn: 'the head is not signed' };
  const s = signature as Partial<AuditHeadSignature>;
  const raw = typeof s.sig === 'string' ? fromBase64Url(s.sig) : undefined;
  if (s.alg !== 'ES256' || typeof s.kid !== 'string' || !raw || raw.length !== 64) {
    return { ok: false, reason: 'malformed', message: '末端签名格式不正确', messageEn: 'the head signature is malformed' };
  }
  const trusted = isTrustedKey(key) ? key : await importTrustedKey(key);
  if (s.kid !== trusted.kid) {
    return { ok: false, reason: 'other-key', message: `末端由另一把密钥签名（${s.kid.slice(0, 8)}…，而非 ${trusted.kid.slice(0, 8)}…）`, messageEn: `the head was signed by another key (${s.kid.slice(0, 8)}…, not ${trusted.kid.slice(0, 8)}…)` };
  }
  const good = await crypto.subtle.verify(ECDSA_SHA256, trusted.key, raw, auditHeadSigningInput(head));
  return good
    ? { ok: true, kid: trusted.kid }
    : { ok: false, reason: 'bad-signature', message: '末端签名无效：末端或记录被改写', messageEn: 'the head signature does not verify: the head or the entries were rewritten' };
}

function isTrustedKey(k: unknown): k is TrustedKey {
  return !!k && typeof k === 'object' && 'key' in k && 'kid' in k && typeof (k as TrustedKey).kid === 'string' && (k as { key: unknown }).key instanceof CryptoKey;
}
