// `lvzhi minutes|sign|verify` with held-out inputs (issue 14): a GBK record, expired and
// not-yet-valid certificates, an .otf (CFF) font, a draft, outputs written all or none, trust
// anchors, and the Chinese stamp font by default. In process (the same `main` as the bin).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhiInProcess } from '../harness/cli.ts';
import { opensslP12, opensslP12Dated, repoRoot, tempDir } from '../fixtures/pdf/helpers.ts';
import { fontFromCollection, pdffonts, rawText } from '../fixtures/minutes/helpers.ts';

const tmp = tempDir('lvzhi-minutes-input-');
const PW = 'pw';
const example = path.join(repoRoot, 'forms/examples/presidium-monthly.json');
const lvzhi = (...args: string[]) => lvzhiInProcess(args);
let good: ReturnType<typeof opensslP12>;
let other: ReturnType<typeof opensslP12>;
let expired: ReturnType<typeof opensslP12>;
let future: ReturnType<typeof opensslP12>;

beforeAll(() => {
  good = opensslP12(tmp.dir, 'good', { alg: 'RSA', password: PW, subject: '/CN=王建国' });
  other = opensslP12(tmp.dir, 'other', { alg: 'RSA', password: PW, subject: '/CN=别人' });
  expired = opensslP12Dated(tmp.dir, 'expired', { subject: '/CN=过期', password: PW, start: '20200101000000Z', end: '20210101000000Z' });
  future = opensslP12Dated(tmp.dir, 'future', { subject: '/CN=未生效', password: PW, start: '20400101000000Z', end: '20410101000000Z' });
});
afterAll(() => tmp.cleanup());

describe('lvzhi minutes input', { timeout: 240_000 }, () => {
  it('a GBK-encoded record: named as not UTF-8 (probably GBK), and read with --encoding gbk', async () => {
    const text = readFileSync(example, 'utf8');
    const gbk = tmp.file('gbk.json');
    // iconv through TextEncoder is UTF-8 only: encode GBK with the decoder's inverse table.
    writeFileSync(gbk, encodeGbk(text));
    const out = tmp.file('gbk.pdf');
    const r = await lvzhi('minutes', gbk, '-o', out, '--pack', 'forms/packs', '--docx', tmp.file('gbk.docx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件不是 UTF-8 编码（可能是 GBK）');
    expect(r.stderr).toContain('--encoding gbk');
    expect(existsSync(out)).toBe(false);
    const ok = await lvzhi('minutes', gbk, '-o', out, '--pack', 'forms/packs', '--encoding', 'gbk', '--issue', '1');
    expect(ok.stderr).toBe('');
    expect(rawText(out)).toContain('出席：王建国、李秀英');
  });

  it('expired and not-yet-valid certificates are refused; allowed explicitly, verify still says invalid', async () => {
    for (const [key, word] of [[expired, '证书已过期'], [future, '证书尚未生效']] as const) {
      const out = tmp.file(`cert-${word}.pdf`);
      const r = await lvzhi('minutes', example, '-o', out, '--issue', '1', '--sign', key.p12, '--password', PW);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(word);
      expect(r.stderr).toContain('--allow-invalid-certificate');
      expect(existsSync(out)).toBe(false);
      const s = await lvzhi('sign', out, '-o', tmp.file('x.pdf'), '--key', key.p12, '--password', PW);
      expect(s.code).toBe(1);
    }
    const forced = tmp.file('forced.pdf');
    const f = await lvzhi('minutes', example, '-o', forced, '--issue', '1', '--sign', expired.p12, '--password', PW, '--allow-invalid-certificate');
    expect(f.code).toBe(0);
    expect(spawnSync('pdfsig', [forced], { encoding: 'utf8' }).stdout).toMatch(/Certificate has Expired/);
    const v = await lvzhi('verify', forced);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('签名时证书已过期');
    expect(v.stdout).not.toContain('全部签名有效');
  });

  it('verify says trust was not checked, and checks the chain with --trust', async () => {
    const signed = tmp.file('trust.pdf');
    expect((await lvzhi('minutes', example, '-o', signed, '--issue', '1', '--sign', good.p12, '--password', PW)).code).toBe(0);
    const plain = await lvzhi('verify', signed);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('未检查签名人是否可信');
    const trusted = await lvzhi('verify', signed, '--trust', good.crt);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('可信 / trusted');
    const untrusted = await lvzhi('verify', signed, '--trust', other.crt);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain('不可信');
  });

  it('an .otf (CFF) font is refused with a clear message, nothing written', async () => {
    const otf = tmp.file('NotoSerifCJK.otf');
    writeFileSync(otf, fontFromCollection(new Uint8Array(readFileSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'))));
    const out = tmp.file('otf.pdf');
    const r = await lvzhi('minutes', example, '-o', out, '--issue', '1', '--font', otf);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CFF 轮廓的 OpenType 字体（\.otf）/);
    expect(r.stderr).toContain('.ttf');
    expect(existsSync(out)).toBe(false);
  });

  it('a draft: 草稿 and no 期号; it cannot be signed', async () => {
    const draft = JSON.parse(readFileSync(example, 'utf8'));
    draft.status = 'draft';
    delete draft.values.chair;
    const file = tmp.file('draft.json');
    writeFileSync(file, JSON.stringify(draft));
    const out = tmp.file('draft.pdf');
    const r = await lvzhi('minutes', file, '-o', out, '--pack', 'forms/packs');
    expect(r.code).toBe(0);
    const text = rawText(out);
    expect(text).toContain('草稿');
    expect(text).not.toMatch(/第\d+期/);
    const s = await lvzhi('minutes', file, '-o', tmp.file('draft-signed.pdf'), '--pack', 'forms/packs', '--sign', good.p12, '--password', PW);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('草稿不能签名');
  });

  it('outputs all or none: a missing --docx folder writes nothing and names the path (no raw ENOENT)', async () => {
    const ok = tmp.file('atomic.pdf');
    const r = await lvzhi('minutes', example, '-o', ok, '--docx', '/missing-dir/x.docx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/missing-dir');
    expect(r.stderr).toContain('--docx');
    expect(r.stderr).not.toContain('ENOENT');
    expect(existsSync(ok)).toBe(false);
  });

  it('lvzhi sign without --font: the stamp names the signer in Chinese and no Helvetica is used', async () => {
    const unsigned = tmp.file('unsigned.pdf');
    expect((await lvzhi('minutes', example, '-o', unsigned, '--issue', '1')).code).toBe(0);
    const signed = tmp.file('signed-default-font.pdf');
    const r = await lvzhi('sign', unsigned, '-o', signed, '--key', good.p12, '--password', PW);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('主持人签名');
    expect(pdffonts(signed).some((f) => /Helvetica/.test(f.name))).toBe(false);
    expect(readFileSync(signed).includes(Buffer.from('Digitally signed'))).toBe(false);
  });
});

/** UTF-8 text → GBK bytes, from the inverse of TextDecoder('gbk') over the two-byte range. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (const ch of new Set(text)) {
    if (ch.charCodeAt(0) < 0x80) continue;
    search: for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (dec.decode(new Uint8Array([a, b])) === ch) {
          table.set(ch, [a, b]);
          break search;
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
