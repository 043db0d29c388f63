// Minutes PDF (issue 5): template-driven parts, GB/T 9704 geometry, the exact text through
// pdftotext, embedded subset fonts (pdffonts), qpdf --check, and ink inside every Chinese
// character's box on pages rendered by pdftoppm (the subset bug drew some glyphs blank).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildMinutesDocument,
  chineseNumber,
  CHAR_PITCH,
  FontError,
  issueKey,
  issueNumber,
  LINE_PITCH,
  MARGIN_LEFT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  renderMinutesPdf,
  TEXT_WIDTH,
  type RenderedPdf,
} from '@lvzhi/shared/pdf';
import type { LvzhiRecord } from '@lvzhi/shared';
import { bboxWords, blankHanCharacters, defaultFonts, exampleRecord, meetingOf, pdffonts, rawText, renderPages, tool } from '../fixtures/minutes/helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lvzhi-minutes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(record: LvzhiRecord, kind: 'minutes' | 'signin' = 'minutes', issue?: number): Promise<{ out: RenderedPdf; file: string }> {
  const m = await meetingOf(record);
  const out = await renderMinutesPdf({ record, form: m.form, template: kind === 'minutes' ? m.minutes : m.signin, ...(issue ? { issueNumber: issue } : {}) }, { fonts: defaultFonts() });
  const file = path.join(dir, `${record.id}-${kind}.pdf`);
  writeFileSync(file, out.pdf);
  return { out, file };
}

const EXAMPLES = ['presidium-monthly', 'congress-session', 'party-committee-enlarged', 'suggestion-assignment', 'training-meeting'];

describe('minutes PDF', { timeout: 60_000 }, () => {
  it('presidium monthly: exact text, fonts embedded as subsets, qpdf clean, ink in every Chinese character', async () => {
    const { out, file } = await render(exampleRecord('presidium-monthly'), 'minutes', 4);
    // The exact text: every laid-out line, in order, is what pdftotext reads (content-stream order).
    const pages = out.layout.pages.length;
    for (let p = 1; p <= pages; p++) {
      const expected = out.lines.filter((l) => l.page === p - 1).map((l) => l.text).join('').replace(/\s+/g, '');
      expect(rawText(file, p)).toBe(expected);
    }
    const all = rawText(file);
    const body = all.replace(/—\d+—/g, '');
    for (const s of [
      '青山镇人大主席团会议纪要',
      '第4期',
      '时间：2024年4月8日上午9:00—11:30',
      '出席：王建国、李秀英、陈志强、刘桂兰、赵德明、孙丽华、周宏伟、吴海燕',
      '请假：郑国平（外出参加县农业技术培训）',
      '列席：黄立新、何春生、马玉梅、林永福、高建军',
      '一、4月下旬组织县、镇两级人大代表',
      '三、落实代表活动经费每人每年300元',
      '表决事项赞成反对弃权表决结果',
      '7' + '0' + '1' + '通过',
      '主持人：王建国',
      '记录人：徐静',
      '发送：镇党委，镇人大主席团成员，镇人民政府，各代表小组',
      '2024年4月10日',
      '—1—',
    ]) expect(s === '—1—' ? all : body).toContain(s.replace(/\s+/g, ''));
    // The whole discussion, as typed, is there (line breaks do not lose or add characters).
    expect(body).toContain(String(exampleRecord('presidium-monthly').values['discussion']).replace(/\s+/g, ''));

    const fonts = pdffonts(file);
    expect(fonts).toHaveLength(3);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+(NotoSerifSC-(Regular|Bold)|NotoSansSC-Bold)$/); // body, labels and title; headings (黑体)
      expect(f.type).toBe('CID TrueType');
      expect(f.emb).toBe(true);
      expect(f.sub).toBe(true);
    }
    expect(tool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors found/);
    // Subset, not the 15 MB font files.
    expect(out.pdf.length).toBeLessThan(250_000);

    const rasters = renderPages(file, path.join(dir, 'pm'));
    expect(rasters).toHaveLength(pages);
    const words = bboxWords(file);
    expect(words.filter((w) => /\p{Script=Han}/u.test(w.text)).length).toBeGreaterThan(50);
    expect(blankHanCharacters(words, rasters)).toEqual([]);
  });

  it('the ink check finds blank glyphs: @pdf-lib/fontkit without the even-glyph fix draws some blank', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(defaultFonts().regular, { subset: true });
    const page = doc.addPage([595, 842]);
    page.drawText('签名：张建国 青山镇人大主席团会议纪要', { x: 50, y: 700, size: 24, font });
    const file = path.join(dir, 'broken.pdf');
    writeFileSync(file, await doc.save());
    expect(rawText(file)).toBe('签名：张建国青山镇人大主席团会议纪要'); // the text extracts…
    expect(blankHanCharacters(bboxWords(file), renderPages(file, path.join(dir, 'broken'))).length).toBeGreaterThan(3); // …but does not draw
  });

  it('GB/T 9704 geometry: A4, 28 mm left margin, 37 mm top, 22 lines × 28 characters, page numbers odd right / even left', async () => {
    const { out, file } = await render(exampleRecord('congress-session'), 'minutes', 1);
    const info = tool('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(MARGIN_LEFT).toBeCloseTo((28 * 72) / 25.4, 5);
    expect(MARGIN_TOP).toBeCloseTo((37 * 72) / 25.4, 5);
    expect(TEXT_WIDTH).toBeCloseTo((156 * 72) / 25.4, 5);
    expect(LINE_PITCH * 22).toBeCloseTo((225 * 72) / 25.4, 5);
    expect(CHAR_PITCH * 28).toBeCloseTo(TEXT_WIDTH, 5);
    expect(out.layout.pages.length).toBeGreaterThanOrEqual(2);
    const words = bboxWords(file);
    // Every word inside the text block (page numbers below it).
    for (const w of words.filter((w) => !/^[—\d]+$/.test(w.text))) {
      expect(w.xMin).toBeGreaterThanOrEqual(MARGIN_LEFT - 0.5);
      expect(w.yMin).toBeGreaterThanOrEqual(MARGIN_TOP - 0.5);
      expect(w.yMax).toBeLessThanOrEqual(MARGIN_TOP + 22 * LINE_PITCH + 0.5);
    }
    // Body lines: 28 characters fill a line.
    const full = out.lines.filter((l) => [...l.text].length === 28 && /^[\p{Script=Han}，。、；：]+$/u.test(l.text));
    expect(full.length).toBeGreaterThan(0);
    for (const l of full) expect(l.x + l.w).toBeCloseTo(MARGIN_LEFT + TEXT_WIDTH, 0);
    // Page numbers "— N —": odd pages right, even pages left, one character (14 pt) in.
    const numbers = out.lines.filter((l) => /^— \d+ —$/.test(l.text));
    expect(numbers).toHaveLength(out.layout.pages.length);
    for (const n of numbers) {
      const page = n.page + 1;
      if (page % 2) expect(n.x + n.w).toBeCloseTo(MARGIN_LEFT + TEXT_WIDTH - 14, 1);
      else expect(n.x).toBeCloseTo(MARGIN_LEFT + 14, 1);
      // 7 mm under the text block.
      expect(PAGE_HEIGHT - (n.y + n.h)).toBeCloseTo(MARGIN_TOP + 22 * LINE_PITCH + (7 * 72) / 25.4, 1);
    }
    const pn = words.filter((w) => /^\d+$/.test(w.text) && w.yMin > MARGIN_TOP + 22 * LINE_PITCH);
    expect(pn.map((w) => w.text)).toEqual(numbers.map((n) => String(n.page + 1)));
  });

  it('attendance: label in bold, names after the full-width colon, wrapped lines aligned after it', async () => {
    const record = exampleRecord('presidium-monthly');
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `代表${chineseNumber(i + 1)}` }));
    const r = { ...record, values: { ...record.values, attending: many } };
    const { out, file } = await render(r);
    const i = out.lines.findIndex((l) => l.text.startsWith('列席：'));
    const first = out.lines[i]!;
    const second = out.lines[i + 1]!;
    expect(second.text.startsWith('代表')).toBe(true);
    expect(second.x - first.x).toBeCloseTo(3 * CHAR_PITCH, 0); // after "列席：" (3 characters)
    // Names stay whole: every wrapped line holds whole names only.
    let j = i;
    const names: string[] = [];
    while (out.lines[j] && (j === i || out.lines[j]!.x === second.x)) {
      const t = j === i ? first.text.slice(3) : out.lines[j]!.text;
      for (const n of t.split('、').filter(Boolean)) {
        expect(n).toMatch(/^代表[一二三四五六七八九十]+$/);
        names.push(n);
      }
      j++;
    }
    expect(names).toHaveLength(30);
    // The label is drawn in the bold font, the names in the regular one.
    const ops = tool('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
    expect(ops).toMatch(/\/FB[-\d]* 16 Tf/);
  });

  it('each meeting type: the parts its template names, computed vote results, whole tables', async () => {
    for (const name of EXAMPLES) {
      const record = exampleRecord(name);
      const { file } = await render(record, 'minutes', 2);
      const text = rawText(file);
      const m = await meetingOf(record);
      expect(text, name).toContain(m.minutes.docTitle!.replace(/\s+/g, ''));
      expect(text, name).toContain('第2期');
      for (const part of m.minutes.parts) if (part.heading && record.values[(part as { field?: string }).field ?? ''] !== undefined) expect(text, `${name}: ${part.heading}`).toContain(part.heading);
      expect(text, name).toContain('主持人：');
    }
    const congress = rawText(path.join(dir, `${exampleRecord('congress-session').id}-minutes.pdf`));
    expect(congress).toContain('选举结果');
    expect(congress).toContain('听取和审议的报告');
    const training = rawText(path.join(dir, `${exampleRecord('training-meeting').id}-minutes.pdf`));
    expect(training).toContain('课程安排');
    // Vote results come from the form's expression: a vote without a majority of those present fails.
    const record = exampleRecord('presidium-monthly');
    const votes = [{ item: '甲事项', inFavour: 3, against: 4, abstain: 1 }];
    const doc = buildMinutesDocument({ record: { ...record, values: { ...record.values, votes } }, ...(await meetingOf(record)), template: (await meetingOf(record)).minutes });
    const table = doc.blocks.find((b) => b.kind === 'table' && b.columns[0]?.title === '表决事项');
    expect(table && table.kind === 'table' && table.rows[0]!.map((c) => c.text)).toEqual(['甲事项', '3', '4', '1', '未通过']);
  });

  it('sign-in sheet: its own PDF; a long table splits across pages with the header repeated; signature images drawn', async () => {
    const record = exampleRecord('presidium-monthly');
    const row = (record.values['signin'] as Record<string, unknown>[])[0]!;
    const signin = Array.from({ length: 45 }, (_, i) => ({ ...row, person: { name: `签到人${i + 1}` }, unit: `青山镇第${chineseNumber((i % 20) + 1)}村民委员会` }));
    const { out, file } = await render({ ...record, values: { ...record.values, signin } }, 'signin');
    expect(out.layout.pages.length).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= out.layout.pages.length; p++) {
      const t = rawText(file, p);
      expect(t, `page ${p}`).toMatch(/^(会议签到表.*)?姓名单位及职务身份签名/);
    }
    const names = rawText(file);
    for (let i = 1; i <= 45; i++) expect(names).toContain(`签到人${i}青山镇`);
    const images = tool('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim());
    expect(images.length).toBe(45);
  });

  it('a character outside the font is refused by name before rendering', async () => {
    const record = exampleRecord('presidium-monthly');
    const r = { ...record, values: { ...record.values, present: [{ name: '王建国' }, { name: '李𠈌' }] } };
    const m = await meetingOf(r);
    const p = renderMinutesPdf({ record: r, form: m.form, template: m.minutes }, { fonts: defaultFonts() });
    await expect(p).rejects.toThrow(FontError);
    await expect(p).rejects.toThrow(/“𠈌”（U\+2020C，CJK UNIFIED IDEOGRAPH-2020C，见“出席”）/);
  });

  it('issue numbers 第X期 count per meeting type and year, by meeting date', () => {
    const k = (id: string, type: string, date: string) => ({ id, type, date });
    const all = [k('a', 'presidium-monthly', '2024-01-08T09:00'), k('b', 'presidium-monthly', '2024-03-08T09:00'), k('c', 'congress-session', '2024-02-01T09:00'), k('d', 'presidium-monthly', '2023-12-08T09:00')];
    expect(issueNumber(k('x', 'presidium-monthly', '2024-04-08T09:00'), all)).toBe(3);
    expect(issueNumber(k('x', 'presidium-monthly', '2024-02-08T09:00'), all)).toBe(2);
    expect(issueNumber(k('x', 'congress-session', '2024-04-08T09:00'), all)).toBe(2);
    expect(issueNumber(k('x', 'presidium-monthly', '2025-01-08T09:00'), all)).toBe(1);
    expect(issueNumber(all[1]!, all)).toBe(2); // the record itself in the list counts once
  });

  it('issueKey uses the form meeting type and event date', async () => {
    const record = exampleRecord('presidium-monthly');
    const { form } = await meetingOf(record);
    expect(issueKey(record, form)).toEqual({ id: record.id, type: 'presidium-monthly', date: '2024-04-08T09:00' });
  });
});
