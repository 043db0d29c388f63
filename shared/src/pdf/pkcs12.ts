/**
 * PKCS#12 (.p12/.pfx) import: the private key becomes a non-extractable WebCrypto key.
 *
 * The file is decrypted with node-forge's pkcs12 (pure JavaScript, runs in Node and in the
 * extension). WebCrypto alone is not enough: Windows and many CAs still issue .pfx files
 * encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC and pbeWithSHAAnd40BitRC2-CBC (what
 * `openssl pkcs12 -export -legacy` writes), and WebCrypto has neither 3DES nor RC2 nor the
 * PKCS#12 key derivation. node-forge also reads the modern PBES2/PBKDF2/AES files, so one
 * well-kept library handles both and the decrypted key goes straight into WebCrypto.
 */
import forge from 'node-forge';
import { bytesEqual, latin1, toArrayBuffer, webCrypto } from './bytes.ts';
import { PdfSignError } from './errors.ts';
import { certificateKeyAlgorithm, parseCertificate, type Signer } from './signer.ts';

export interface ImportPkcs12Options {
  /** Allow exporting the imported private key (default false). */
  extractable?: boolean;
}

const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

function derOf(asn: forge.asn1.Asn1): Uint8Array {
  const bin = forge.asn1.toDer(asn).getBytes();
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function localKeyId(bag: forge.pkcs12.Bag): string | undefined {
  const v = bag.attributes?.localKeyId?.[0];
  return typeof v === 'string' ? v : undefined;
}

function isWrongPassword(message: string): boolean {
  return /invalid password|wrong password|MAC could not be verified/i.test(message);
}

/**
 * Passwords beyond ASCII (Chinese passwords happen): the PKCS#12 MAC and the legacy PBE
 * derive keys from the password as BMPString, which forge does; PBES2 (PBKDF2) uses its UTF-8
 * bytes as OpenSSL and Windows do, but forge hands PBKDF2 the JavaScript string as if it were
 * bytes. So, only while this synchronous call runs, PBKDF2 gets the UTF-8 encoding.
 */
function withUtf8Pbkdf2<T>(password: string, run: () => T): T {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(password)) return run();
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: (...args: unknown[]) => unknown };
  const original = pkcs5.pbkdf2;
  pkcs5.pbkdf2 = (pw: unknown, ...rest: unknown[]) => original(pw === password ? forge.util.encodeUtf8(password) : pw, ...rest);
  try {
    return run();
  } finally {
    pkcs5.pbkdf2 = original;
  }
}

/** Reads a PKCS#12 file with its password and returns a signer (key + certificate + chain). */
export async function importPkcs12(file: Uint8Array, password: string, options: ImportPkcs12Options = {}): Promise<Signer> {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn = forge.asn1.fromDer(forge.util.createBuffer(latin1(file)), { strict: false, parseAllBytes: false } as never);
    p12 = withUtf8Pbkdf2(password, () => forge.pkcs12.pkcs12FromAsn1(asn, false, password));
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (isWrongPassword(message)) {
      throw new PdfSignError('wrong-password', '证书文件密码错误 / wrong password for the PKCS#12 file', { cause: e });
    }
    throw new PdfSignError('damaged-key-file', `证书文件（.p12/.pfx）已损坏或格式不对 / the PKCS#12 file is damaged or not PKCS#12: ${message}`, { cause: e });
  }

  const bagsOf = (type: string | undefined): forge.pkcs12.Bag[] => (type ? (p12.getBags({ bagType: type })[type] ?? []) : []);
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)];
  const certBags = bagsOf(forge.pki.oids.certBag);
  const keyBag = keyBags[0];
  if (!keyBag) throw new PdfSignError('no-key-in-file', '证书文件里没有私钥 / the PKCS#12 file holds no private key');
  if (certBags.length === 0) throw new PdfSignError('no-key-in-file', '证书文件里没有证书 / the PKCS#12 file holds no certificate');

  let pkcs8: Uint8Array;
  if (keyBag.key) pkcs8 = derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)));
  else if (keyBag.asn1) pkcs8 = derOf(keyBag.asn1);
  else throw new PdfSignError('no-key-in-file', '证书文件里的私钥无法读取 / the private key cannot be read');

  const certs = certBags.map((bag) => {
    const asn = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (!asn) throw new PdfSignError('damaged-key-file', '证书无法读取 / a certificate cannot be read');
    return { id: localKeyId(bag), cert: parseCertificate(derOf(asn)) };
  });
  const id = localKeyId(keyBag);
  const mine = certs.find((c) => id !== undefined && c.id === id) ?? certs[0]!;
  const certificate = mine.cert;
  const algorithm = certificateKeyAlgorithm(certificate);
  let params: RsaHashedImportParams | EcKeyImportParams;
  if (algorithm === 'RSA') params = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  else if (algorithm === 'ECDSA') {
    const curveOid = (certificate.subjectPublicKeyInfo.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined)?.valueBlock?.toString();
    const namedCurve = curveOid ? CURVES[curveOid] : undefined;
    if (!namedCurve) throw new PdfSignError('unsupported-key', `不支持的椭圆曲线 / unsupported elliptic curve ${curveOid ?? ''}`);
    params = { name: 'ECDSA', namedCurve };
  } else {
    throw new PdfSignError('unsupported-key', `不支持的密钥类型 / unsupported key type ${certificate.subjectPublicKeyInfo.algorithm.algorithmId}`);
  }

  const subtle = webCrypto().subtle;
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle.importKey('pkcs8', toArrayBuffer(pkcs8), params, options.extractable ?? false, ['sign']);
  } catch (e) {
    throw new PdfSignError('unsupported-key', `私钥无法导入 / the private key cannot be imported: ${(e as Error).message}`, { cause: e });
  } finally {
    pkcs8.fill(0);
  }

  // The key must belong to the certificate: sign a probe and verify it with the certificate.
  const probe = new TextEncoder().encode('lvzhi key check');
  const alg = params.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  const sig = await subtle.sign(alg, privateKey, probe);
  const spki = certificate.subjectPublicKeyInfo.toSchema().toBER(false);
  const publicKey = await subtle.importKey('spki', spki, params, false, ['verify']);
  if (!(await subtle.verify(alg, publicKey, sig, probe))) {
    throw new PdfSignError('damaged-key-file', '私钥与证书不匹配 / the private key does not match the certificate');
  }
  const chain = certs.filter((c) => c !== mine).map((c) => c.cert);
  return { privateKey, certificate, chain: chain.filter((c) => !bytesEqual(new Uint8Array(c.toSchema().toBER(false)), new Uint8Array(spki))) };
}
