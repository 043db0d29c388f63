// PDF signatures (issue 5, signing core): PAdES B-B signatures made with WebCrypto + pkijs,
// checked with poppler's pdfsig and qpdf, and with our own verifier.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { generateSigner, signPdf, verifyPdf, verifyCmsDetached, type Signer } from '@lvzhi/shared/pdf';
import { appendCommentRevision, flipByte, pdfsig, qpdfCheck, samplePdf, tempDir, write } from '../fixtures/pdf/helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const signers: Record<'RSA' | 'ECDSA', Promise<[Signer, Signer]>> = {
  RSA: Promise.all([
    generateSigner({ subject: { commonName: '张建国', organization: '青山镇人大主席团' }, algorithm: 'RSA' }),
    generateSigner({ subject: { commonName: '李秀英', organization: '青山镇人大主席团', organizationalUnit: '办公室' }, algorithm: 'RSA' }),
  ]),
  ECDSA: Promise.all([
    generateSigner({ subject: { commonName: '张建国', organization: '青山镇人大主席团' }, algorithm: 'ECDSA' }),
    generateSigner({ subject: { commonName: '李秀英', organization: '青山镇人大主席团' }, algorithm: 'ECDSA' }),
  ]),
};

/** Index of the last digit of the page height in the first /MediaBox (841.89 → 841.88): covered by every signature. */
function mediaBoxByte(pdf: Uint8Array): number {
  const at = Buffer.from(pdf).indexOf('841.89');
  expect(at).toBeGreaterThan(0);
  return at + 5;
}

describe.each(['RSA', 'ECDSA'] as const)('%s signatures', (alg) => {
  it('keys are non-extractable and the certificate names are Chinese', async () => {
    const [chair] = await signers[alg];
    expect(chair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', chair.privateKey)).rejects.toThrow();
    const pdf = await signPdf(await samplePdf(), { signer: chair });
    const report = await verifyPdf(pdf);
    expect(report.signatures[0]?.signer).toBe('张建国');
    expect(report.signatures[0]?.subject).toBe('CN=张建国, O=青山镇人大主席团, C=CN');
  });

  it('one signature: pdfsig "Signature is Valid" and "Total document signed"; ours agrees', async () => {
    const [chair] = await signers[alg];
    // Within the certificate's validity (generated just now): an earlier claimed time would make it invalid.
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const pdf = await signPdf(await samplePdf(2), { signer: chair, reason: '会议纪要确认', signingTime: time });
    const file = write(tmp.file(`one-${alg}.pdf`), pdf);
    const sig = pdfsig(file);
    expect(sig.signatures).toHaveLength(1);
    expect(sig.signatures[0]).toMatchObject({ valid: true, total: true });
    expect(sig.output).toContain('Signer Certificate Common Name: 张建国');
    expect(sig.output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(qpdfCheck(file).ok).toBe(true);

    const report = await verifyPdf(pdf);
    expect(report.ok).toBe(true);
    const s = report.signatures[0]!;
    expect(s).toMatchObject({ valid: true, digestMatches: true, signatureVerified: true, coversWholeFile: true, changesAfter: 'nothing', reason: '会议纪要确认', subFilter: 'ETSI.CAdES.detached' });
    expect(s.signingTime?.toISOString()).toBe(time.toISOString());
    expect(s.byteRange[0]).toBe(0);
    expect(s.byteRange[2] + s.byteRange[3]).toBe(pdf.length);
  });

  it('two sequential signatures: the second is an incremental update, both valid, the second covers the file', async () => {
    const [chair, recorder] = await signers[alg];
    const one = await signPdf(await samplePdf(), { signer: chair, reason: '主持人确认' });
    const two = await signPdf(one, { signer: recorder, reason: '记录人确认' });
    // incremental: the first revision is kept byte for byte
    expect(Buffer.from(two.subarray(0, one.length)).equals(Buffer.from(one))).toBe(true);
    const file = write(tmp.file(`two-${alg}.pdf`), two);
    const sig = pdfsig(file);
    expect(sig.signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(qpdfCheck(file).ok).toBe(true);

    const report = await verifyPdf(two);
    expect(report.ok).toBe(true);
    expect(report.signatures.map((s) => [s.signer, s.valid, s.coversWholeFile, s.changesAfter])).toEqual([
      ['张建国', true, false, 'later-signatures'],
      ['李秀英', true, true, 'nothing'],
    ]);
    expect(report.signatures[0]!.coveredEnd).toBe(one.length);
  });

  it('one flipped byte: pdfsig and ours both say invalid', async () => {
    const [chair, recorder] = await signers[alg];
    const one = await signPdf(await samplePdf(), { signer: chair });
    const bad1 = flipByte(one, mediaBoxByte(one));
    const f1 = write(tmp.file(`flip1-${alg}.pdf`), bad1);
    expect(pdfsig(f1).signatures[0]?.valid).toBe(false);
    expect(pdfsig(f1).output).toMatch(/Digest Mismatch/);
    const r1 = await verifyPdf(bad1);
    expect(r1.ok).toBe(false);
    expect(r1.signatures[0]).toMatchObject({ valid: false, digestMatches: false });

    // in a two-signature file, a byte of the first revision breaks both signatures
    const two = await signPdf(one, { signer: recorder });
    const bad2 = flipByte(two, mediaBoxByte(two));
    const f2 = write(tmp.file(`flip2-${alg}.pdf`), bad2);
    expect(pdfsig(f2).signatures.map((s) => s.valid)).toEqual([false, false]);
    expect((await verifyPdf(bad2)).signatures.map((s) => s.valid)).toEqual([false, false]);

    // a byte of the appended revision breaks only the second
    const bad3 = flipByte(two, Buffer.from(two).lastIndexOf('(D:') + 10); // a digit of the second /M
    const f3 = write(tmp.file(`flip3-${alg}.pdf`), bad3);
    const ours3 = await verifyPdf(bad3);
    expect(pdfsig(f3).signatures.map((s) => s.valid)).toEqual(ours3.signatures.map((s) => s.valid));
    expect(ours3.signatures.map((s) => s.valid)).toEqual([true, false]);
    expect(ours3.ok).toBe(false);
  });
});

describe('changes after a signature', () => {
  it('an appended non-signature revision is reported as "other changes"', async () => {
    const [chair] = await signers.RSA;
    const signed = await signPdf(await samplePdf(), { signer: chair });
    const changed = await appendCommentRevision(signed);
    const file = write(tmp.file('comment.pdf'), changed);
    expect(qpdfCheck(file).ok).toBe(true);
    const sig = pdfsig(file);
    expect(sig.signatures[0]).toMatchObject({ valid: true, total: false });
    const report = await verifyPdf(changed);
    expect(report.ok).toBe(false);
    const s = report.signatures[0]!;
    expect(s).toMatchObject({ valid: true, coversWholeFile: false, changesAfter: 'other-changes' });
    expect(s.changeDetails.join('\n')).toMatch(/without a signature/);
    expect(s.changeDetails.join('\n')).toMatch(/annotations other than signatures/);
  });

  it('a signature after a non-signature change does not clear the earlier one', async () => {
    const [chair, recorder] = await signers.RSA;
    const changed = await appendCommentRevision(await signPdf(await samplePdf(), { signer: chair }));
    const signedAgain = await signPdf(changed, { signer: recorder });
    const report = await verifyPdf(signedAgain);
    expect(report.signatures.map((s) => [s.valid, s.changesAfter])).toEqual([
      [true, 'other-changes'],
      [true, 'nothing'],
    ]);
    expect(report.ok).toBe(false);
    const sig = pdfsig(write(tmp.file('comment-then-sign.pdf'), signedAgain));
    expect(sig.signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('appended bytes: not total for pdfsig, other changes for us', async () => {
    const [chair] = await signers.ECDSA;
    const signed = await signPdf(await samplePdf(), { signer: chair });
    const junk = new Uint8Array([...signed, ...new TextEncoder().encode('% appended later\n')]);
    const sig = pdfsig(write(tmp.file('junk.pdf'), junk));
    expect(sig.signatures[0]).toMatchObject({ valid: true, total: false });
    const report = await verifyPdf(junk);
    expect(report.signatures[0]).toMatchObject({ valid: true, coversWholeFile: false, changesAfter: 'other-changes' });
    expect(report.ok).toBe(false);
  });

  it('three signatures, the third on a file whose xref is a stream, keep every earlier one valid', async () => {
    const [chair, recorder] = await signers.ECDSA;
    // the first signature is appended to a file with object streams + an xref stream
    const base = await samplePdf(1, { objectStreams: true });
    const one = await signPdf(base, { signer: chair, incremental: 'always' });
    expect(Buffer.from(one.subarray(0, base.length)).equals(Buffer.from(base))).toBe(true);
    const two = await signPdf(one, { signer: recorder });
    const three = await signPdf(two, { signer: chair, reason: '复核' });
    const file = write(tmp.file('three.pdf'), three);
    expect(qpdfCheck(file).ok).toBe(true);
    expect(pdfsig(file).signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    const report = await verifyPdf(three);
    expect(report.ok).toBe(true);
    expect(report.signatures.map((s) => s.changesAfter)).toEqual(['later-signatures', 'later-signatures', 'nothing']);
    const doc = await PDFDocument.load(three);
    expect(doc.getForm().getFields().map((f) => f.getName())).toEqual(['签名1', '签名2', '签名3']);
  });
});

describe('stamp and options', () => {
  it('draws a visible ASCII stamp without a font, stacked above the earlier stamp', async () => {
    const [chair, recorder] = await signers.RSA;
    const one = await signPdf(await samplePdf(), { signer: chair, name: 'Zhang Jianguo', reason: 'approved' });
    const two = await signPdf(one, { signer: recorder });
    const doc = await PDFDocument.load(two);
    const rects = doc.getForm().getFields().map((f) => f.acroField.getWidgets()[0]!.getRectangle());
    expect(rects).toHaveLength(2);
    expect(rects[1]!.y).toBeGreaterThanOrEqual(rects[0]!.y + rects[0]!.height);
    const { execFileSync } = await import('node:child_process');
    const file = write(tmp.file('stamp.pdf'), two);
    // the appearance text is drawn (pdftotext reads widget appearances)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Signed by: Zhang Jianguo');
    expect(text).toMatch(/Date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00/);
  });

  it('with a font, characters it lacks are named instead of drawn as blanks; a broken font is refused', async () => {
    const [chair] = await signers.RSA;
    // DejaVu Sans: a TrueType (glyf) font without Chinese glyphs
    const dejavu = new Uint8Array(readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'));
    const err = await signPdf(await samplePdf(), { signer: chair, font: dejavu }).catch((e: Error & { code?: string }) => e);
    expect(err).toMatchObject({ code: 'bad-argument' });
    expect((err as Error).message).toMatch(/字体缺少这些字：签、名/);
    expect((err as Error).message).toContain('张');
    await expect(signPdf(await samplePdf(), { signer: chair, font: new Uint8Array([1, 2, 3, 4]) })).rejects.toMatchObject({
      code: 'bad-argument',
      message: expect.stringContaining('印章字体无法读取'),
    });
  });

  it('an invisible signature still verifies', async () => {
    const [chair] = await signers.RSA;
    const pdf = await signPdf(await samplePdf(), { signer: chair, stamp: false });
    expect((await verifyPdf(pdf)).ok).toBe(true);
    expect(pdfsig(write(tmp.file('invisible.pdf'), pdf)).signatures[0]).toMatchObject({ valid: true, total: true });
  });

  it('grows the reserved space when the signature does not fit, and rejects non-PDF input', async () => {
    const [chair] = await signers.RSA;
    const pdf = await signPdf(await samplePdf(), { signer: chair, contentsSize: 100, incremental: 'always' }).catch((e: Error) => e);
    expect(pdf).toBeInstanceOf(Error);
    expect((pdf as Error).message).toMatch(/exceeds the reserved 100 bytes/);
    await expect(signPdf(new TextEncoder().encode('hello'), { signer: chair })).rejects.toMatchObject({ code: 'not-a-pdf' });
  });

  it('the CMS verifier rejects a signature over other bytes', async () => {
    const [chair] = await signers.RSA;
    const pdf = await signPdf(await samplePdf(), { signer: chair });
    const report = await verifyPdf(pdf);
    const [, b, c] = report.signatures[0]!.byteRange;
    const hex = Buffer.from(pdf.subarray(b + 1, c - 1)).toString('latin1').replace(/(00)+$/, '');
    const cms = new Uint8Array(Buffer.from(hex, 'hex'));
    const good = await verifyCmsDetached(cms, new Uint8Array([...pdf.subarray(0, b), ...pdf.subarray(c)]));
    expect(good).toMatchObject({ digestMatches: true, signatureVerified: true, signingCertificateMatches: true });
    const bad = await verifyCmsDetached(cms, new TextEncoder().encode('other bytes'));
    expect(bad.digestMatches).toBe(false);
  });
});
