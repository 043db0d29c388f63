// `npx lvzhi minutes` as a child process: signed minutes (chair), countersigned by the recorder
// with `lvzhi sign`, checked by pdfsig and `lvzhi verify`; the .docx and the sign-in sheet; bad
// input (a record failing its form, a wrong password, a damaged key) leaves no file behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhiBin } from '../harness/cli.ts';
import { opensslP12, pdfsig, qpdfCheck, repoRoot, tempDir } from '../fixtures/pdf/helpers.ts';
import { bboxWords, blankHanCharacters, pdffonts, rawText, renderPages } from '../fixtures/minutes/helpers.ts';

const tmp = tempDir('lvzhi-minutes-cli-');
const PW = 'secret-密码';
const example = path.join(repoRoot, 'forms/examples/presidium-monthly.json');
let chair: ReturnType<typeof opensslP12>;
let recorder: ReturnType<typeof opensslP12>;

const lvzhi = (...args: string[]) => lvzhiBin(args);

beforeAll(() => {
  chair = opensslP12(tmp.dir, 'chair', { alg: 'RSA', password: PW, subject: '/C=CN/O=青山镇人大主席团/CN=王建国' });
  recorder = opensslP12(tmp.dir, 'recorder', { alg: 'ECDSA', legacy: true, password: PW, subject: '/C=CN/O=青山镇人大主席团/CN=徐静' });
});
afterAll(() => tmp.cleanup());

describe('lvzhi minutes', { timeout: 180_000 }, () => {
  it('signed minutes: chair signs on making them, the recorder countersigns; pdfsig and lvzhi verify agree', async () => {
    const one = tmp.file('minutes.pdf');
    const docx = tmp.file('minutes.docx');
    const signin = tmp.file('signin.pdf');
    const r = await lvzhi('minutes', example, '-o', one, '--sign', chair.p12, '--password', PW, '--docx', docx, '--signin', signin, '--issue', '4');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sig1 = pdfsig(one);
    expect(sig1.signatures).toHaveLength(1);
    expect(sig1.output).toMatch(/Signature is Valid/);
    expect(sig1.output).toMatch(/Total document signed/);
    expect(sig1.output).toMatch(/王建国/);
    expect(qpdfCheck(one).ok).toBe(true);
    // The signed file still reads as the minutes, with the fonts embedded and the glyphs drawn.
    const text = rawText(one);
    expect(text).toContain('青山镇人大主席团会议纪要第4期');
    expect(text).toContain('主持人：王建国');
    expect(pdffonts(one).filter((f) => /NotoSerifSC/.test(f.name)).every((f) => f.emb)).toBe(true);
    expect(blankHanCharacters(bboxWords(one), renderPages(one, tmp.file('signed')))).toEqual([]);

    const two = tmp.file('minutes-2.pdf');
    const r2 = await lvzhi('sign', one, '-o', two, '--key', recorder.p12, '--password', PW, '--reason', '记录人确认', '--font', path.join(repoRoot, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'));
    expect(r2.code).toBe(0);
    const sig2 = pdfsig(two);
    expect(sig2.signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
    const v = await lvzhi('verify', two);
    expect(v.code).toBe(0);

    // The sign-in sheet and the .docx.
    expect(rawText(signin)).toMatch(/^会议签到表青山镇人大主席团2024年4月份例会.*姓名单位及职务身份签名王建国镇人大主席出席/);
    const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    const docText = xml.replace(/<[^>]+>/g, '');
    expect(docText).toContain('青山镇人大主席团会议纪要');
    expect(docText).toContain('出席：王建国、李秀英');
    expect(docText).toContain('表决事项赞成反对弃权表决结果');
    expect(xml).toMatch(/<w:tblHeader\/>/); // the table header repeats on each page
    expect(xml).toMatch(/w:evenAndOddHeaders|<w:footerReference w:type="even"/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4
    expect(xml).toMatch(/w:top="2098"/); // 37 mm
    expect(xml).toMatch(/w:left="1587"/); // 28 mm
    const media = spawnSync('unzip', ['-l', docx], { encoding: 'utf8' }).stdout;
    expect(media).toMatch(/word\/media\/.+\.png/);
  });

  it('bad input: a record failing its form, a wrong password, a damaged key: clear error, no file', async () => {
    const bad = JSON.parse(readFileSync(example, 'utf8'));
    delete bad.values.place;
    const badFile = tmp.file('bad-record.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const out = tmp.file('bad-record.pdf');
    const r = await lvzhi('minutes', badFile, '-o', out, '--pack', 'forms/packs');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/place/);
    expect(r.stderr).toMatch(/会议记录不完整，不能生成会议纪要：缺少“会议地点”/);
    expect(existsSync(out)).toBe(false);

    const out2 = tmp.file('bad-password.pdf');
    const r2 = await lvzhi('minutes', example, '-o', out2, '--sign', chair.p12, '--password', 'wrong', '--docx', tmp.file('bad-password.docx'));
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/密码|password/i);
    expect(existsSync(out2)).toBe(false);
    expect(existsSync(tmp.file('bad-password.docx'))).toBe(false);

    const damaged = tmp.file('damaged.p12');
    const bytes = readFileSync(chair.p12);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out3 = tmp.file('damaged.pdf');
    const r3 = await lvzhi('minutes', example, '-o', out3, '--sign', damaged, '--password', PW);
    expect(r3.code).not.toBe(0);
    expect(r3.stderr.length).toBeGreaterThan(0);
    expect(existsSync(out3)).toBe(false);
  });
});
