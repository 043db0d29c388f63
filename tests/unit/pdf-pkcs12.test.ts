// PKCS#12 import (issue 5): modern (PBES2/AES) and legacy (`openssl pkcs12 -export -legacy`:
// 3DES key, 40-bit RC2 certificates) files made here with openssl, RSA and ECDSA, Chinese
// names; wrong passwords and damaged files give clear errors.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { importPkcs12, signPdf, verifyPdf } from '@lvzhi/shared/pdf';
import { opensslP12, p12Info, pdfsig, samplePdf, tempDir, write } from '../fixtures/pdf/helpers.ts';

const tmp = tempDir('lvzhi-p12-');
afterAll(() => tmp.cleanup());
const PASSWORD = 'Lvzhi-test-口令1';

describe.each([
  ['RSA', false],
  ['RSA', true],
  ['ECDSA', false],
  ['ECDSA', true],
] as const)('%s key, legacy=%s', (alg, legacy) => {
  const name = `${alg}-${legacy ? 'legacy' : 'modern'}`;
  const made = opensslP12(tmp.dir, name, { alg, legacy, password: PASSWORD, subject: '/C=CN/O=青山镇人大主席团/CN=王秀兰' });

  it('is encrypted the way we mean to test', () => {
    const info = p12Info(made.p12, PASSWORD);
    if (legacy) {
      expect(info).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
      expect(info).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
    } else {
      expect(info).toMatch(/PBES2/);
      expect(info).toMatch(/AES-256-CBC/);
    }
  });

  it('imports as a non-extractable WebCrypto key and signs a PDF that pdfsig accepts', async () => {
    const signer = await importPkcs12(readFileSync(made.p12), PASSWORD);
    expect(signer.privateKey.extractable).toBe(false);
    expect(signer.privateKey.algorithm.name).toBe(alg === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA');
    const pdf = await signPdf(await samplePdf(), { signer, reason: '导入证书签名' });
    const sig = pdfsig(write(`${tmp.dir}/${name}.pdf`, pdf));
    expect(sig.signatures[0]).toMatchObject({ valid: true, total: true });
    expect(sig.output).toContain('Signer Certificate Common Name: 王秀兰');
    const report = await verifyPdf(pdf);
    expect(report.ok).toBe(true);
    expect(report.signatures[0]?.signer).toBe('王秀兰');
    // the embedded certificate is the one openssl made, byte for byte
    const certDer = execFileSync('openssl', ['x509', '-in', made.crt, '-outform', 'DER']);
    expect(Buffer.from(signer.certificate.toSchema().toBER(false)).equals(certDer)).toBe(true);
  });

  it('a wrong password is reported as such', async () => {
    await expect(importPkcs12(readFileSync(made.p12), 'not-the-password')).rejects.toMatchObject({
      code: 'wrong-password',
      message: expect.stringContaining('密码错误'),
    });
  });
});

describe('damaged and unusual files', () => {
  const made = opensslP12(tmp.dir, 'base', { alg: 'ECDSA', password: PASSWORD, subject: '/CN=Test' });

  it('a truncated file is "damaged", not "wrong password"', async () => {
    const bytes = readFileSync(made.p12);
    await expect(importPkcs12(bytes.subarray(0, Math.floor(bytes.length / 2)), PASSWORD)).rejects.toMatchObject({ code: 'damaged-key-file' });
  });

  it('a file that is not PKCS#12 at all is "damaged"', async () => {
    await expect(importPkcs12(new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nxyz'), PASSWORD)).rejects.toMatchObject({ code: 'damaged-key-file' });
    await expect(importPkcs12(new Uint8Array(0), PASSWORD)).rejects.toMatchObject({ code: 'damaged-key-file' });
  });

  it('a file with only a certificate has "no key"', async () => {
    const certOnly = `${tmp.dir}/cert-only.p12`;
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', made.crt, '-out', certOnly, '-passout', `pass:${PASSWORD}`], { stdio: 'pipe' });
    await expect(importPkcs12(readFileSync(certOnly), PASSWORD)).rejects.toMatchObject({ code: 'no-key-in-file' });
  });

  it('a key that does not belong to the certificate is refused', async () => {
    // openssl refuses to pack a mismatched pair, so forge packs it (RSA, legacy 3DES)
    const a = opensslP12(tmp.dir, 'rsa-a', { alg: 'RSA', password: PASSWORD, subject: '/CN=A' });
    const b = opensslP12(tmp.dir, 'rsa-b', { alg: 'RSA', password: PASSWORD, subject: '/CN=B' });
    const key = forge.pki.privateKeyFromPem(readFileSync(a.key, 'utf8'));
    const cert = forge.pki.certificateFromPem(readFileSync(b.crt, 'utf8'));
    const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], 'pw', { algorithm: '3des' })).getBytes();
    await expect(importPkcs12(new Uint8Array(Buffer.from(der, 'binary')), 'pw')).rejects.toMatchObject({
      message: expect.stringMatching(/私钥与证书不匹配/),
    });
  });
});
