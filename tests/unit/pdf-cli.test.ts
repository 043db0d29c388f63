// `npx lvzhi sign` and `npx lvzhi verify` (issue 5) as child processes, against pdfsig; also
// a PDF signed by another tool (openssl cms), and bad input that must leave no output file.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhiBin } from '../harness/cli.ts';
import {
  appendCommentRevision,
  flipByte,
  opensslP12,
  opensslSignedPdf,
  pdfsig,
  qpdfCheck,
  read,
  repoRoot,
  samplePdf,
  tempDir,
  write,
} from '../fixtures/pdf/helpers.ts';

const tmp = tempDir('lvzhi-cli-pdf-');
const PW = 'secret-密码';
let chair: ReturnType<typeof opensslP12>;
let recorder: ReturnType<typeof opensslP12>;
let input: string;

const lvzhi = (...args: string[]) => lvzhiBin(args);

beforeAll(async () => {
  chair = opensslP12(tmp.dir, 'chair', { alg: 'RSA', password: PW, subject: '/C=CN/O=青山镇人大主席团/CN=张建国' });
  recorder = opensslP12(tmp.dir, 'recorder', { alg: 'ECDSA', legacy: true, password: PW, subject: '/C=CN/O=青山镇人大主席团/CN=李秀英' });
  input = write(tmp.file('minutes.pdf'), await samplePdf(2));
});
afterAll(() => tmp.cleanup());

// Each npx start takes 2–3 s on a busy 2-core machine; a test runs up to 6 of them.
describe('lvzhi sign / verify', { timeout: 120_000 }, () => {
  it('signs twice (modern RSA .p12, then legacy ECDSA .p12 as an incremental update); verify exits 0 and agrees with pdfsig', async () => {
    const one = tmp.file('one.pdf');
    const r1 = await lvzhi('sign', input, '-o', one, '--key', chair.p12, '--password', PW, '--reason', '主持人确认');
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(pdfsig(one).signatures).toMatchObject([{ valid: true, total: true }]);

    const two = tmp.file('two.pdf');
    const r2 = await lvzhi('sign', one, '-o', two, '--key', recorder.p12, '--password', PW, '--name', '李秀英（记录人）');
    expect(r2.code).toBe(0);
    const bytesOne = read(one);
    expect(Buffer.from(read(two).subarray(0, bytesOne.length)).equals(Buffer.from(bytesOne))).toBe(true);
    expect(pdfsig(two).signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(qpdfCheck(two).ok).toBe(true);

    const v = await lvzhi('verify', two);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('签名人 / signer: 张建国');
    expect(v.stdout).toContain('签名人 / signer: 李秀英');
    expect(v.stdout).toContain('仅后续签名 / only later signatures');
    expect(v.stdout).toContain('覆盖整个文件 / whole file');
    expect(v.stdout).toContain('事由 / reason: 主持人确认');
    expect(v.stdout).toMatch(/时间 \/ time: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00/);

    const json = JSON.parse((await lvzhi('verify', two, '--json')).stdout);
    expect(json.ok).toBe(true);
    expect(json.signatures.map((s: { changesAfter: string }) => s.changesAfter)).toEqual(['later-signatures', 'nothing']);
  });

  it('a flipped byte: verify exits 1 and says which signature is invalid, like pdfsig', async () => {
    const one = tmp.file('flip-src.pdf');
    expect((await lvzhi('sign', input, '-o', one, '--key', chair.p12, '--password', PW)).code).toBe(0);
    const bytes = read(one);
    const bad = write(tmp.file('flipped.pdf'), flipByte(bytes, Buffer.from(bytes).indexOf('841.89') + 5));
    expect(pdfsig(bad).signatures[0]?.valid).toBe(false);
    const v = await lvzhi('verify', bad);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('无效 / INVALID');
    expect(v.stdout).toContain('digest MISMATCH');
  });

  it('a non-signature change after signing: verify exits 1 with "other changes"', async () => {
    const one = tmp.file('changed-src.pdf');
    expect((await lvzhi('sign', input, '-o', one, '--key', chair.p12, '--password', PW)).code).toBe(0);
    const changed = write(tmp.file('changed.pdf'), await appendCommentRevision(read(one)));
    expect(pdfsig(changed).signatures[0]).toMatchObject({ valid: true, total: false });
    const v = await lvzhi('verify', changed);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('有效 / VALID');
    expect(v.stdout).toContain('有其他改动 / other changes');
  });

  it('a PDF signed by another tool (openssl cms, adbe.pkcs7.detached): verify agrees with pdfsig, and lvzhi can countersign it', async () => {
    const foreign = write(tmp.file('openssl-signed.pdf'), opensslSignedPdf(tmp.dir, chair.key, chair.crt));
    expect(qpdfCheck(foreign).ok).toBe(true);
    const ps = pdfsig(foreign);
    expect(ps.signatures).toMatchObject([{ valid: true, total: true }]);
    expect(ps.output).toContain('adbe.pkcs7.detached');
    const v = await lvzhi('verify', foreign);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('张建国');
    expect(v.stdout).toContain('OpenSSL signature');

    const bad = write(tmp.file('openssl-flipped.pdf'), flipByte(read(foreign), Buffer.from(read(foreign)).indexOf('520 700') + 1));
    expect(pdfsig(bad).signatures[0]?.valid).toBe(false);
    expect((await lvzhi('verify', bad)).code).toBe(1);

    const both = tmp.file('openssl-then-lvzhi.pdf');
    expect((await lvzhi('sign', foreign, '-o', both, '--key', recorder.p12, '--password', PW)).code).toBe(0);
    expect(pdfsig(both).signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
    const v2 = await lvzhi('verify', both);
    expect(v2.code).toBe(0);
    expect(v2.stdout).toContain('仅后续签名 / only later signatures');
  });

  it('bad input gives a clear error and leaves no output file', async () => {
    const out = tmp.file('never.pdf');
    const before = readdirSync(tmp.dir).sort();

    const wrongPw = await lvzhi('sign', input, '-o', out, '--key', chair.p12, '--password', 'wrong');
    expect(wrongPw.code).toBe(1);
    expect(wrongPw.stderr).toContain('证书文件密码错误 / wrong password');

    const damaged = write(tmp.file('damaged.p12'), read(chair.p12).subarray(0, 300));
    const d = await lvzhi('sign', input, '-o', out, '--key', damaged, '--password', PW);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/已损坏|damaged/);

    const notPdf = write(tmp.file('not.pdf'), new TextEncoder().encode('just text'));
    const n = await lvzhi('sign', notPdf, '-o', out, '--key', chair.p12, '--password', PW);
    expect(n.code).toBe(1);
    expect(n.stderr).toContain('not a PDF');

    const missing = await lvzhi('sign', tmp.file('nope.pdf'), '-o', out, '--key', chair.p12, '--password', PW);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');

    const usage = await lvzhi('sign', input, '--key', chair.p12, '--password', PW);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('-o OUT.pdf is required');

    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).sort()).toEqual([...before, 'damaged.p12', 'not.pdf'].sort());
  });

  it('an existing output is only replaced when signing succeeds', async () => {
    const out = write(tmp.file('keep.pdf'), new TextEncoder().encode('old content'));
    expect((await lvzhi('sign', input, '-o', out, '--key', chair.p12, '--password', 'wrong')).code).toBe(1);
    expect(Buffer.from(read(out)).toString()).toBe('old content');
  });

  it('verify: an unsigned PDF and a non-PDF exit 1', async () => {
    const unsigned = await lvzhi('verify', input);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain('没有签名 / no signatures');
    const text = tmp.file('text.pdf');
    writeFileSync(text, 'hello');
    const r = await lvzhi('verify', text);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not a PDF');
  });
});
