/**
 * CMS (PKCS#7) SignedData for PDF signatures, over WebCrypto with pkijs: a detached CAdES
 * signature (PAdES B-B: contentType, messageDigest, signingCertificateV2 as signed attributes),
 * and its verification.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer, webCrypto } from './bytes.ts';
import { OID, cryptoEngine, certificateDer, formatName, signerName, type Signer } from './signer.ts';

export interface CadesOptions {
  /**
   * Also put the CMS signing-time attribute in (default false). ETSI EN 319 142-1 (PAdES
   * baseline) says the claimed signing time is the signature dictionary's /M and the CMS
   * signing-time attribute shall not be present; set true for tools that only read the CMS time.
   */
  cmsSigningTime?: boolean;
  signingTime?: Date;
}

const DIGEST_NAMES: Record<string, string> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.digest('SHA-256', toArrayBuffer(data)));
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), SHA-256 (the default algorithm, so omitted). */
async function signingCertificateV2(cert: pkijs.Certificate): Promise<asn1js.Sequence> {
  const certHash = await sha256(certificateDer(cert));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * Makes a detached CMS SignedData (DER) over `content` (the PDF bytes in the /ByteRange).
 */
export async function createCadesDetached(content: Uint8Array, signer: Signer, options: CadesOptions = {}): Promise<Uint8Array> {
  const digest = await sha256(content);
  const cert = signer.certificate;
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [await signingCertificateV2(cert)] }),
  ];
  if (options.cmsSigningTime) {
    attributes.push(
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime ?? new Date() })] }),
    );
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert, ...signer.chain],
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256', undefined, cryptoEngine());
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export interface CmsCheck {
  /** Could the CMS be read at all. */
  parsed: boolean;
  signer?: string;
  subject?: string;
  certificate?: pkijs.Certificate;
  /** Every certificate the CMS carries (the chain). */
  certificates?: pkijs.Certificate[];
  /** CMS signing-time attribute, if present. */
  cmsSigningTime?: Date;
  /** messageDigest attribute equals the digest of the signed bytes (true when there are no signed attributes and the signature is over the bytes directly). */
  digestMatches: boolean;
  /** The signature value verifies with the signer certificate's public key. */
  signatureVerified: boolean;
  /** signingCertificateV2 / signingCertificate present and matching the signer certificate (undefined when absent). */
  signingCertificateMatches?: boolean;
  digestAlgorithm?: string;
  problems: string[];
}

function findSignerCert(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  // subjectKeyIdentifier [0]
  const ski = (si.sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
  for (const c of certs) {
    const ext = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
    const v = ext?.parsedValue as asn1js.OctetString | undefined;
    if (ski && v && bytesEqual(new Uint8Array(v.valueBlock.valueHexView), new Uint8Array(ski))) return c;
  }
  return certs.length === 1 ? certs[0] : undefined;
}

/** Verifies a detached CMS SignedData over `content`. Never throws: problems are reported. */
export async function verifyCmsDetached(cmsDer: Uint8Array, content: Uint8Array): Promise<CmsCheck> {
  const out: CmsCheck = { parsed: false, digestMatches: false, signatureVerified: false, problems: [] };
  let sd: pkijs.SignedData;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(cmsDer));
    if (asn.offset === -1) throw new Error('not BER/DER');
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) throw new Error(`content type ${ci.contentType} is not SignedData`);
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch (e) {
    out.problems.push(`签名数据无法解析 / CMS cannot be parsed: ${(e as Error).message}`);
    return out;
  }
  const si = sd.signerInfos[0];
  if (!si) {
    out.problems.push('没有签名者 / no SignerInfo');
    return out;
  }
  out.parsed = true;
  const cert = findSignerCert(sd, si);
  if (!cert) {
    out.problems.push('找不到签名证书 / signer certificate not found in the CMS');
    return out;
  }
  out.certificate = cert;
  out.certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  out.signer = signerName(cert);
  out.subject = formatName(cert.subject);

  const digestName = DIGEST_NAMES[si.digestAlgorithm.algorithmId];
  if (!digestName) {
    out.problems.push(`不支持的摘要算法 / unsupported digest algorithm ${si.digestAlgorithm.algorithmId}`);
    return out;
  }
  out.digestAlgorithm = digestName;
  const subtle = webCrypto().subtle;
  const digest = new Uint8Array(await subtle.digest(digestName, toArrayBuffer(content)));

  let signedBytes: Uint8Array;
  if (si.signedAttrs) {
    const attrs = si.signedAttrs.attributes;
    const md = attrs.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
    out.digestMatches = !!md && bytesEqual(new Uint8Array(md.valueBlock.valueHexView), digest);
    if (!out.digestMatches) out.problems.push('摘要不符：签名后文件被改动 / digest mismatch: the signed bytes were changed');
    const st = attrs.find((a) => a.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
    if (st) out.cmsSigningTime = st.toDate();
    const scv2 = attrs.find((a) => a.type === OID.signingCertificateV2)?.values[0];
    const scv1 = attrs.find((a) => a.type === OID.signingCertificate)?.values[0];
    if (scv2 || scv1) {
      try {
        const seq = (scv2 ?? scv1) as asn1js.Sequence;
        const certs = seq.valueBlock.value[0] as asn1js.Sequence;
        const first = certs.valueBlock.value[0] as asn1js.Sequence;
        let hashAlg = scv2 ? 'SHA-256' : 'SHA-1';
        let hashEl = first.valueBlock.value[0];
        if (hashEl instanceof asn1js.Sequence) {
          const alg = new pkijs.AlgorithmIdentifier({ schema: hashEl });
          hashAlg = DIGEST_NAMES[alg.algorithmId] ?? hashAlg;
          hashEl = first.valueBlock.value[1];
        }
        const want = new Uint8Array((hashEl as asn1js.OctetString).valueBlock.valueHexView);
        const have = new Uint8Array(await subtle.digest(hashAlg, toArrayBuffer(certificateDer(cert))));
        out.signingCertificateMatches = bytesEqual(want, have);
        if (!out.signingCertificateMatches) out.problems.push('签名证书属性与证书不符 / signingCertificate attribute does not match the certificate');
      } catch {
        out.signingCertificateMatches = false;
        out.problems.push('签名证书属性无法解析 / signingCertificate attribute cannot be parsed');
      }
    }
    const enc = new Uint8Array(si.signedAttrs.encodedValue);
    enc[0] = 0x31; // signed over the DER SET OF, not the [0] IMPLICIT tag
    signedBytes = enc;
  } else {
    out.digestMatches = true; // no attributes: the signature is over the content itself
    signedBytes = content;
  }
  try {
    out.signatureVerified = await cryptoEngine().verifyWithPublicKey(
      toArrayBuffer(signedBytes),
      si.signature,
      cert.subjectPublicKeyInfo,
      si.signatureAlgorithm,
      digestName,
    );
  } catch (e) {
    out.signatureVerified = false;
    out.problems.push(`签名值无法验证 / signature value cannot be checked: ${(e as Error).message}`);
    return out;
  }
  if (!out.signatureVerified) out.problems.push('签名值不符 / the signature value does not verify');
  return out;
}
