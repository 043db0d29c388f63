// Minutes layout and text hygiene (issue 14), on real PDFs checked with poppler: pasted control
// and invisible characters, ％ at a line start, a short meeting on one page, the red 纪要标志,
// fonts per role, drafts, stamps beside their own signer and never over text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingRequired, type LvzhiRecord } from '@lvzhi/shared';
import { breakLines, buildMinutesDocument, cleanText, IncompleteRecordError, minutesBuildOptions, minutesProblems, NO_LINE_START, renderMinutesPdf, signPdf, generateSigner, verifyPdf } from '@lvzhi/shared/pdf';
import { bboxWords, builtInPacks, defaultFonts, exampleRecord, meetingOf, pdffonts, rawText } from '../fixtures/minutes/helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lvzhi-minutes-hygiene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example meeting cut down to a short one: one agenda item, a two-line discussion, one decision. */
function shortMeeting(discussion: string): LvzhiRecord {
  const r = structuredClone(exampleRecord('presidium-monthly'));
  const v = r.values as Record<string, unknown>;
  v['agenda'] = (v['agenda'] as unknown[]).slice(0, 1);
  v['decisions'] = [{ content: '4月下旬组织代表视察油路。' }];
  v['absent'] = [];
  v['present'] = (v['present'] as unknown[]).slice(0, 5);
  delete v['votes'];
  v['discussion'] = discussion;
  return r;
}

async function render(record: LvzhiRecord, name: string, issueNumber?: number) {
  const m = await meetingOf(record);
  const options = minutesBuildOptions({ record, form: m.form, template: m.minutes, packs: await builtInPacks(), ...(issueNumber ? { issueNumber } : {}) });
  const out = await renderMinutesPdf(options, { fonts: defaultFonts() });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, out.pdf);
  return { out, file };
}

/** RGB pixels of one page (pdftoppm, colour). */
function rgbPage(file: string, page: number, dpi = 72): { w: number; h: number; px: (x: number, y: number) => [number, number, number] } {
  const prefix = path.join(dir, `rgb-${path.basename(file)}-${page}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file, prefix]);
  const f = readdirSync(dir).find((n) => n.startsWith(path.basename(prefix)) && n.endsWith('.ppm'))!;
  const buf = readFileSync(path.join(dir, f));
  const header = buf.subarray(0, 40).toString('latin1').split(/\s+/);
  const w = Number(header[1]);
  const h = Number(header[2]);
  const start = buf.length - w * h * 3;
  return { w, h, px: (x, y) => [buf[start + (y * w + x) * 3]!, buf[start + (y * w + x) * 3 + 1]!, buf[start + (y * w + x) * 3 + 2]!] };
}

describe('text hygiene before layout', { timeout: 120_000 }, () => {
  it('cleanText: TAB → space, CR/CRLF → line break, BEL and other controls removed, ZWSP/BOM/soft hyphen dropped', () => {
    expect(cleanText('a\tb')).toBe('a b');
    expect(cleanText('一\r\n二\r三')).toBe('一\n二\n三');
    expect(cleanText('响\u0007铃')).toBe('响铃');
    expect(cleanText('\uFEFF油路\u200B建设')).toBe('油路建设');
    expect(cleanText('环\u00AD境')).toBe('环境');
  });

  it('a discussion pasted with TAB, CR, BEL, soft hyphen, ZWSP and a BOM makes a PDF with the clean text', async () => {
    const r = shortMeeting('\uFEFF一、黄立新镇长\t通报了一季度工作。\r二、与会人员\u0007一致认为\u200B应尽早视察，环\u00AD境整治要跟踪督办。');
    const { file } = await render(r, 'hygiene', 2);
    const text = rawText(file);
    expect(text).toContain('一、黄立新镇长通报了一季度工作。');
    expect(text).toContain('二、与会人员一致认为应尽早视察，环境整治要跟踪督办。');
    expect(text).not.toMatch(/[\u0007\u200B\uFEFF\u00AD-]/);
    // CR started a new paragraph: the second item begins its own line, two characters in.
    const words = bboxWords(file);
    const second = words.find((w) => w.text.startsWith('二、与会人员'));
    const first = words.find((w) => w.text.startsWith('一、黄立新'));
    expect(second && first && Math.abs(second.xMin - first.xMin)).toBeLessThan(1);
  });
});

describe('line breaking and pages', { timeout: 120_000 }, () => {
  it('％ (and every full-width closing mark) never starts a line', () => {
    for (const ch of '％）】》」』〉；：，。、！？’”～') expect(NO_LINE_START.has(ch), ch).toBe(true);
    const measure = (s: string) => [...s].length * 16;
    // 27 characters then "50％": without the rule ％ would start line 2.
    const text = `${'满'.repeat(26)}率达50％，群众满意`;
    const lines = breakLines(text, 28 * 16, measure);
    for (const l of lines.slice(1)) expect(NO_LINE_START.has([...l][0]!), l).toBe(false);
    expect(lines.join('')).toBe(text);
    const lines2 = breakLines(`${'满'.repeat(27)}１００％满意`, 28 * 16, measure);
    for (const l of lines2.slice(1)) expect(l.startsWith('％')).toBe(false);
  });

  it('a short meeting (two-line discussion) fits one page, signatures included', async () => {
    const r = shortMeeting('与会人员听取了一季度工作通报，一致同意二季度组织代表对大许线油路建设质量进行视察，并派代表全程监督施工。');
    const { out, file } = await render(r, 'short', 1);
    expect(out.layout.pages.length).toBe(1);
    expect(tool('pdfinfo', file)).toMatch(/Pages:\s+1\b/);
    expect(rawText(file)).toContain('记录人：徐静');
  });

  it('no page ends with one orphaned line of a paragraph, and none begins with a single widowed line', async () => {
    const long = Array.from({ length: 9 }, (_, i) => `${'代表们围绕油路建设质量、村帐镇代管和村务公开等问题深入讨论，提出具体意见。'.repeat(2 + (i % 3))}`).join('\n');
    const r = shortMeeting(long);
    const { out } = await render(r, 'widows', 1);
    const doc = out.document;
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    for (const text of paras) {
      const lines = out.layout.lines.filter((l) => text.includes(l.text) && l.text.length > 3);
      if (lines.length < 2) continue;
      const pages = lines.map((l) => l.page);
      const first = pages[0]!;
      const last = pages[pages.length - 1]!;
      if (first === last) continue;
      expect(pages.filter((p) => p === first).length, `orphan: ${text.slice(0, 10)}`).toBeGreaterThan(1);
      expect(pages.filter((p) => p === last).length, `widow: ${text.slice(0, 10)}`).toBeGreaterThan(1);
    }
  });
});

function tool(cmd: string, file: string): string {
  return execFileSync(cmd, [file], { encoding: 'utf8' });
}

describe('GB/T 9704 look, drafts and stamps', { timeout: 180_000 }, () => {
  it('the 纪要标志 is red; body, title and headings use their own fonts (Noto Serif SC, Noto Sans SC for headings)', async () => {
    const { out, file } = await render(exampleRecord('presidium-monthly'), 'red', 3);
    const title = out.lines.find((l) => l.text === '青山镇人大主席团会议纪要')!;
    const page = rgbPage(file, 1);
    let red = 0;
    let dark = 0;
    for (let y = Math.floor(page.h - title.y - title.h); y < page.h - title.y; y++) {
      for (let x = Math.floor(title.x); x < title.x + title.w; x++) {
        const [r, g, b] = page.px(x, y);
        if (r > 150 && g < 90 && b < 90) red++;
        if (r < 90 && g < 90 && b < 90) dark++;
      }
    }
    expect(red).toBeGreaterThan(100);
    expect(dark).toBe(0);
    const heading = out.lines.find((l) => l.text === '会议议题')!;
    let headingRed = 0;
    for (let y = Math.floor(page.h - heading.y - heading.h); y < page.h - heading.y; y++)
      for (let x = Math.floor(heading.x); x < heading.x + heading.w; x++) {
        const [r, g, b] = page.px(x, y);
        if (r > 150 && g < 90 && b < 90) headingRed++;
      }
    expect(headingRed).toBe(0);
    const fonts = pdffonts(file).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.sort()).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
  });

  it('a draft carries 草稿 on every page, has no 期号 and does not count toward 第X期', async () => {
    const packs = await builtInPacks();
    const draft = { ...shortMeeting('仅两行的讨论。'), id: 'draft-1', status: 'draft' as const };
    const m = await meetingOf(draft);
    const { out, file } = await render(draft, 'draft');
    expect(out.document.draft).toBe(true);
    const text = rawText(file);
    expect(text).toContain('草稿');
    expect(text).not.toMatch(/第\d+期/);
    // A later complete meeting: the earlier draft is not in the register's count.
    const issued = { ...exampleRecord('presidium-monthly'), id: 'may', values: { ...exampleRecord('presidium-monthly').values, startTime: '2024-05-08T09:00', endTime: '2024-05-08T11:00', documentDate: '2024-05-10' } };
    const earlierDraft = { ...draft, values: { ...draft.values, startTime: '2024-03-01T09:00' } };
    const april = exampleRecord('presidium-monthly');
    const opts = minutesBuildOptions({ record: issued, form: m.form, template: m.minutes, packs, register: [earlierDraft, april] });
    expect(opts.issueNumber).toBe(2);
  });

  it('an incomplete record is refused with the missing fields listed', async () => {
    const r = structuredClone(exampleRecord('presidium-monthly'));
    delete (r.values as Record<string, unknown>)['startTime'];
    delete (r.values as Record<string, unknown>)['chair'];
    const m = await meetingOf(r);
    let error: unknown;
    try {
      minutesBuildOptions({ record: r, form: m.form, template: m.minutes, packs: await builtInPacks() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IncompleteRecordError);
    expect((error as Error).message).toMatch(/缺少“会议时间”/);
    expect((error as Error).message).toMatch(/缺少“主持人”/);
  });

  it('"required" is decided in one place: the minutes refuse exactly what missingRequired (完成 in the panel) reports', async () => {
    const packs = await builtInPacks();
    const r = structuredClone(exampleRecord('presidium-monthly'));
    const v = r.values as Record<string, unknown>;
    delete v['chair'];
    // A cell of a table row left empty, and a record made with a newer form than the installed one.
    const agenda = structuredClone(v['agenda'] as Array<Record<string, unknown>>);
    delete agenda[0]!['topic'];
    v['agenda'] = agenda;
    const m = await meetingOf(r);
    const c = missingRequired(r, packs);
    const problems = minutesProblems(r, m.form, packs);
    expect(c.missing.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((p) => p.label)).toEqual([...c.missing, ...c.invalid].map((p) => p.label));
    expect(problems.find((p) => p.field === 'chair')?.message).toBe('缺少“主持人”');
    expect(problems.some((p) => p.field === 'agenda' && /第 1 行「议题」/.test(p.label))).toBe(true);
    // Checks only the record validator makes (not the bare value check) refuse minutes too.
    const newer = { ...structuredClone(exampleRecord('presidium-monthly')), formVersion: m.form.version + 1 };
    const refusals = minutesProblems(newer, m.form, packs);
    expect(refusals.length).toBe(1);
    expect(refusals[0]!.message).toMatch(/更新包/);
    expect(() => minutesBuildOptions({ record: newer, form: m.form, template: m.minutes, packs })).toThrow(IncompleteRecordError);
  });

  it('印发日期: the record\'s, the meeting\'s, or a chosen date', async () => {
    const r = exampleRecord('presidium-monthly');
    const m = await meetingOf(r);
    const date = (issuedDate?: string) => buildMinutesDocument({ record: r, form: m.form, template: m.minutes, ...(issuedDate ? { issuedDate } : {}) }).blocks.find((b) => b.kind === 'date');
    expect(date()).toMatchObject({ text: '2024年4月10日' });
    expect(date('meeting')).toMatchObject({ text: '2024年4月8日' });
    expect(date('2024-04-12')).toMatchObject({ text: '2024年4月12日' });
  });

  it('stamps: each beside its own signer, inside the text block, over no text, table or page number', async () => {
    const { out, file } = await render(exampleRecord('presidium-monthly'), 'stamps', 3);
    const chair = await generateSigner({ subject: { commonName: '王建国' }, algorithm: 'ECDSA' });
    const recorder = await generateSigner({ subject: { commonName: '徐静' }, algorithm: 'ECDSA' });
    const third = await generateSigner({ subject: { commonName: '李秀英' }, algorithm: 'ECDSA' });
    const font = defaultFonts().regular;
    // The recorder signs first: the stamp still goes beside 记录人 (the field names the signer).
    let pdf = await signPdf(out.pdf, { signer: recorder, font });
    pdf = await signPdf(pdf, { signer: chair, font });
    const placed: string[] = [];
    pdf = await signPdf(pdf, { signer: third, font, onPlaced: (p) => placed.push(p.kind) });
    expect(placed).toEqual(['invisible']);
    const signed = file.replace('.pdf', '-signed.pdf');
    writeFileSync(signed, pdf);
    const report = await verifyPdf(pdf);
    expect(report.ok).toBe(true);
    const rects = await widgetRects(pdf);
    const visible = rects.filter((r) => r.w > 0);
    expect(visible).toHaveLength(2);
    const lastPage = out.layout.pages.length - 1;
    const words = bboxWords(signed).filter((w) => w.page === lastPage + 1);
    const pageH = 841.89;
    for (const r of visible) {
      // Which signer line is at the stamp's height: the stamp's own signer.
      const line = out.lines.find((l) => l.page === lastPage && l.text.startsWith(r.name.startsWith('主持人') ? '主持人：' : '记录人：'))!;
      expect(line.y).toBeGreaterThan(r.y);
      expect(line.y + line.h).toBeLessThan(r.y + r.h);
      // Over no text (pdftotext words: top-left origin), no table line and not below the text block.
      for (const w of words) {
        const overlaps = w.xMax > r.x && w.xMin < r.x + r.w && pageH - w.yMin > r.y && pageH - w.yMax < r.y + r.h;
        expect(overlaps, `${w.text} under ${r.name}`).toBe(false);
      }
      expect(r.y).toBeGreaterThan(841.89 - 37 * 72 / 25.4 - 225 * 72 / 25.4 - 1);
      expect(r.x + r.w).toBeLessThanOrEqual(28 * 72 / 25.4 + 156 * 72 / 25.4 + 0.01);
    }
  });
});

/** Signature widgets: field name and rectangle. */
async function widgetRects(pdf: Uint8Array): Promise<Array<{ name: string; x: number; y: number; w: number; h: number }>> {
  const { PDFDocument, PDFDict, PDFName, PDFArray, PDFHexString, PDFString } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf);
  const out: Array<{ name: string; x: number; y: number; w: number; h: number }> = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const d = doc.context.lookupMaybe(annots!.get(i), PDFDict);
      if (!d || d.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
      const rect = d.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as unknown as { asNumber(): number }).asNumber());
      const t = d.get(PDFName.of('T'));
      const name = t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '';
      out.push({ name, x: rect[0]!, y: rect[1]!, w: rect[2]! - rect[0]!, h: rect[3]! - rect[1]! });
    }
  }
  return out;
}
