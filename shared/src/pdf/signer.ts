/**
 * Signers: a WebCrypto private key with its X.509 certificate (and chain). Made either by
 * `generateSigner` (fresh non-extractable key pair + self-issued certificate) or by
 * `importPkcs12` (pkcs12.ts).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { randomBytes, toArrayBuffer, webCrypto } from './bytes.ts';

export type KeyAlgorithm = 'RSA' | 'ECDSA';

export interface Signer {
  /** Private signing key (normally non-extractable). */
  privateKey: CryptoKey;
  /** The signer's certificate. */
  certificate: pkijs.Certificate;
  /** Further certificates to embed (issuers), may be empty. */
  chain: pkijs.Certificate[];
}

/** Subject of a self-issued certificate. Chinese text is fine (encoded as UTF8String). */
export interface SubjectName {
  /** CN, e.g. 张建国 */
  commonName: string;
  /** O, e.g. 青山镇人大主席团 */
  organization?: string;
  /** OU */
  organizationalUnit?: string;
  /** L, e.g. 青山镇 */
  locality?: string;
  /** ST, e.g. 湖北省 */
  province?: string;
  /** C, two letters, default CN */
  country?: string;
}

export interface GenerateSignerOptions {
  subject: SubjectName;
  /** Default RSA (2048 bits, SHA-256); ECDSA uses P-256. */
  algorithm?: KeyAlgorithm;
  /** Certificate validity in days from now, default 3650. */
  validityDays?: number;
  /** Allow exporting the private key (default false: non-extractable). */
  extractable?: boolean;
}

let engine: pkijs.CryptoEngine | undefined;
/** The pkijs engine over this runtime's WebCrypto (passed explicitly, no global pkijs state). */
export function cryptoEngine(): pkijs.CryptoEngine {
  engine ??= new pkijs.CryptoEngine({ name: 'lvzhi-webcrypto', crypto: webCrypto() });
  return engine;
}

export const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  province: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/**
 * One RDN (SET) per attribute, as CAs do: pkijs would put all attributes into a single
 * multi-valued RDN ("C=CN+O=…+CN=…"), so the Name is encoded here and parsed back.
 */
function buildName(subject: SubjectName): pkijs.RelativeDistinguishedNames {
  const rdns: asn1js.Set[] = [];
  const add = (type: string, value: string | undefined, printable = false) => {
    if (value === undefined || value === '') return;
    const atv = new pkijs.AttributeTypeAndValue({
      type,
      value: printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    });
    rdns.push(new asn1js.Set({ value: [atv.toSchema()] }));
  };
  add(OID.country, subject.country ?? 'CN', true);
  add(OID.province, subject.province);
  add(OID.locality, subject.locality);
  add(OID.organization, subject.organization);
  add(OID.organizationalUnit, subject.organizationalUnit);
  add(OID.commonName, subject.commonName);
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

/** Reads one attribute (e.g. CN) of a distinguished name as text. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  for (const tv of name.typesAndValues) {
    if (tv.type === oid) {
      const v = tv.value as { valueBlock?: { value?: unknown } };
      const text = v.valueBlock?.value;
      if (typeof text === 'string') return text;
    }
  }
  return undefined;
}

/** "CN=张建国, O=青山镇人大主席团, C=CN" (most specific first). */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = {
    [OID.commonName]: 'CN',
    [OID.organization]: 'O',
    [OID.organizationalUnit]: 'OU',
    [OID.locality]: 'L',
    [OID.province]: 'ST',
    [OID.country]: 'C',
    '1.2.840.113549.1.9.1': 'E',
  };
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => {
      const v = tv.value as { valueBlock?: { value?: unknown } };
      const text = typeof v.valueBlock?.value === 'string' ? v.valueBlock.value : '?';
      return `${short[tv.type] ?? tv.type}=${text}`;
    })
    .join(', ');
}

/** The signer's display name: the certificate subject's CN (or the whole subject). */
export function signerName(certificate: pkijs.Certificate): string {
  return nameAttribute(certificate.subject, OID.commonName) ?? formatName(certificate.subject);
}

/** Algorithm parameters for WebCrypto key generation/import. */
export function keyParams(algorithm: KeyAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return algorithm === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: 'P-256' };
}

/**
 * Generates a key pair in WebCrypto (private key non-extractable unless asked) and a
 * self-issued X.509 v3 certificate for it (keyUsage digitalSignature + nonRepudiation, no
 * extended key usage: pdfsig rejects emailProtection).
 */
export async function generateSigner(options: GenerateSignerOptions): Promise<Signer> {
  if (!options.subject.commonName.trim()) throw new Error('证书主体名称（CN）不能为空 / the certificate needs a common name');
  const crypto = webCrypto();
  const algorithm = options.algorithm ?? 'RSA';
  const pair = (await crypto.subtle.generateKey(keyParams(algorithm), options.extractable ?? false, ['sign', 'verify'])) as CryptoKeyPair;

  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, no leading zero byte
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  const name = buildName(options.subject);
  cert.subject = name;
  cert.issuer = buildName(options.subject);
  const now = Date.now();
  cert.notBefore.value = new Date(now - 5 * 60 * 1000);
  cert.notAfter.value = new Date(now + (options.validityDays ?? 3650) * 86400 * 1000);

  await cert.subjectPublicKeyInfo.importKey(pair.publicKey, cryptoEngine());
  const spki = new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-1', spki));

  cert.extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
      parsedValue: new pkijs.BasicConstraints({ cA: false }),
    }),
    new pkijs.Extension({
      extnID: OID.keyUsage,
      critical: true,
      // digitalSignature (bit 0) + nonRepudiation (bit 1)
      extnValue: new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 }).toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }).toBER(false),
    }),
  ];
  await cert.sign(pair.privateKey, 'SHA-256', cryptoEngine());
  return { privateKey: pair.privateKey, certificate: cert, chain: [] };
}

/** DER bytes of a certificate. */
export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

/** Parses a DER certificate. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) throw new Error('certificate is not valid DER');
  return new pkijs.Certificate({ schema: asn.result });
}

/** The key algorithm of a certificate's public key. */
export function certificateKeyAlgorithm(certificate: pkijs.Certificate): KeyAlgorithm | undefined {
  const oid = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === '1.2.840.113549.1.1.1') return 'RSA';
  if (oid === '1.2.840.10045.2.1') return 'ECDSA';
  return undefined;
}

export interface CertificateValidity {
  state: 'valid' | 'expired' | 'not-yet-valid';
  notBefore: Date;
  notAfter: Date;
}

/** Whether a certificate was within its validity period at `at`. */
export function certificateValidityAt(certificate: pkijs.Certificate, at: Date): CertificateValidity {
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  const t = at.getTime();
  return { state: t < notBefore.getTime() ? 'not-yet-valid' : t > notAfter.getTime() ? 'expired' : 'valid', notBefore, notAfter };
}

/** 证书已过期（有效期至 2023-01-01）… in words, Chinese then English. */
export function validityMessage(v: CertificateValidity): string {
  const d = (x: Date) => x.toISOString().slice(0, 10);
  if (v.state === 'expired') return `证书已过期（有效期 ${d(v.notBefore)} 至 ${d(v.notAfter)}） / the certificate has expired (valid ${d(v.notBefore)} to ${d(v.notAfter)})`;
  if (v.state === 'not-yet-valid') return `证书尚未生效（有效期 ${d(v.notBefore)} 至 ${d(v.notAfter)}） / the certificate is not yet valid (valid ${d(v.notBefore)} to ${d(v.notAfter)})`;
  return `证书在有效期内（${d(v.notBefore)} 至 ${d(v.notAfter)}） / the certificate is within its validity (${d(v.notBefore)} to ${d(v.notAfter)})`;
}

/**
 * Refuses to sign with a certificate outside its validity period at the signing time (a
 * verifier would call the signature invalid), unless the caller allows it explicitly.
 */
export function assertSigningCertificate(certificate: pkijs.Certificate, at: Date, allowInvalid = false): CertificateValidity {
  const v = certificateValidityAt(certificate, at);
  if (v.state !== 'valid' && !allowInvalid) {
    throw new Error(`${validityMessage(v)}：不能签名。确需签名请加 --allow-invalid-certificate / refusing to sign; pass --allow-invalid-certificate to sign anyway`);
  }
  return v;
}
