// 20 pages of minutes (会议纪要): Lvzhi's layout + pdf-lib against the same content through
// pdfmake 0.3 (pdfkit) with the same font (Noto Serif SC regular + bold), side by side in one
// run. Both get the font bytes already in memory and produce a PDF with subset fonts. File sizes
// are printed by setup (the harness reports times) and checked against the goal there.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildMinutesDocument, renderDocumentPdf, renderMinutesDocx, LINE_PITCH, type MinutesDocument, type FontSet } from '@lvzhi/shared/pdf';
import { defaultFonts, exampleRecord, meetingOf } from '../fixtures/minutes/helpers.ts';
import { defineBench } from './harness.ts';

const require = createRequire(import.meta.url);
// pdfmake 0.3's server build (CommonJS): one shared instance with setFonts/createPdf.
const pdfmake = require('pdfmake') as {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setFonts(f: unknown): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(def: unknown): { getBuffer(): Promise<Buffer> };
};

interface State {
  doc: MinutesDocument;
  fonts: FontSet;
  definition: () => unknown;
}

const MM = 72 / 25.4;

/** The same blocks as a pdfmake document definition (A4, GB/T 9704 margins, 16 pt body, 22 pt title). */
function pdfmakeDefinition(doc: MinutesDocument): unknown {
  const lineHeight = LINE_PITCH / 16 / 1.3;
  const content: unknown[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        content.push({ text: b.text, fontSize: 22, bold: true, alignment: 'center' });
        break;
      case 'subtitle':
        content.push({ text: b.text, bold: true, alignment: 'center', margin: [0, 0, 0, LINE_PITCH] });
        break;
      case 'issue':
        content.push({ text: b.text, alignment: 'center' });
        break;
      case 'rule':
        content.push({ canvas: [{ type: 'line', x1: 0, y1: 7, x2: 156 * MM, y2: 7, lineWidth: 1, lineColor: '#cc0000' }], margin: [0, 0, 0, 7] });
        break;
      case 'heading':
        content.push({ text: b.text, bold: true, leadingIndent: 32 });
        break;
      case 'labelled':
      case 'distribution':
        content.push({ text: [{ text: `${b.label}：`, bold: true }, b.text], leadingIndent: 32 });
        break;
      case 'paragraph':
        content.push({ text: b.text, leadingIndent: 32, alignment: 'justify' });
        break;
      case 'table':
        content.push({
          table: { headerRows: 1, widths: b.columns.map(() => '*'), body: [b.columns.map((c) => ({ text: c.title, bold: true })), ...b.rows.map((r) => r.map((c) => (c.image ? { text: '' } : { text: c.text })))] },
          fontSize: 14,
        });
        break;
      case 'signatures':
        for (const s of b.signers) content.push({ text: [{ text: `${s.role}：`, bold: true }, s.name], margin: [32, LINE_PITCH / 2, 0, LINE_PITCH / 2] });
        break;
      case 'date':
        content.push({ text: b.text, alignment: 'right', margin: [0, 0, 64, 0] });
        break;
    }
  }
  return {
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    defaultStyle: { font: 'NotoSerifSC', fontSize: 16, lineHeight },
    info: { title: doc.title },
    footer: (page: number) => ({ text: `— ${page} —`, fontSize: 14, alignment: page % 2 ? 'right' : 'left', margin: [28 * MM + 14, 20, 26 * MM + 14, 0] }),
    content,
  };
}

async function setup(): Promise<State> {
  const record = exampleRecord('presidium-monthly');
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/minutes/long-text.txt'), 'utf8');
  const long = `${text}\n${text}`;
  const m = await meetingOf(record);
  const fonts = defaultFonts();
  // Enough proceedings for 20 pages.
  let discussion = long;
  let doc: MinutesDocument;
  let pages = 0;
  for (let cut = long.length; ; ) {
    discussion = long.slice(0, cut);
    doc = buildMinutesDocument({ record: { ...record, values: { ...record.values, discussion } }, form: m.form, template: m.minutes, issueNumber: 5 });
    pages = (await renderDocumentPdf(doc, { fonts, date: new Date('2024-04-10T08:00:00Z') })).layout.pages.length;
    if (pages <= 20) break;
    cut -= 200;
  }
  if (pages !== 20) throw new Error(`expected 20 pages of minutes, made ${pages}`);
  // pdfmake takes fonts by name from its in-memory file system: no disk reads in the timed runs.
  pdfmake.virtualfs.writeFileSync('NotoSerifSC-Regular.ttf', Buffer.from(fonts.regular));
  pdfmake.virtualfs.writeFileSync('NotoSerifSC-Bold.ttf', Buffer.from(fonts.bold!));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts({ NotoSerifSC: { normal: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' } });
  const lvzhi = await renderDocumentPdf(doc, { fonts, date: new Date('2024-04-10T08:00:00Z') });
  const other = await pdfmake.createPdf(pdfmakeDefinition(doc)).getBuffer();
  const otherPages = (other.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(
    `  minutes file size: Lvzhi ${(lvzhi.pdf.length / 1024).toFixed(1)} KB (${lvzhi.layout.pages.length} pages) vs pdfmake ${(other.length / 1024).toFixed(1)} KB (${otherPages} pages): ratio ${(lvzhi.pdf.length / other.length).toFixed(2)}× (goal ≤ 1×)`,
  );
  return { doc, fonts, definition: () => pdfmakeDefinition(doc) };
}

interface BigState {
  minutes: MinutesDocument;
  signin: MinutesDocument;
  fonts: FontSet;
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const GIVEN = ['建国', '秀英', '志强', '桂兰', '德明', '丽华', '宏伟', '海燕'];

/** A 30-page meeting with 60 attendees: its minutes, its sign-in sheet and the .docx. */
async function bigSetup(): Promise<BigState> {
  const record = exampleRecord('presidium-monthly');
  const m = await meetingOf(record);
  const names = Array.from({ length: 60 }, (_, i) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`);
  const signRow = (record.values['signin'] as Array<Record<string, unknown>>)[0]!;
  const values = {
    ...record.values,
    present: names.map((name) => ({ name })),
    signin: names.map((name, i) => ({ ...signRow, person: { name }, unit: `青山镇第${(i % 9) + 1}代表小组` })),
  };
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/minutes/long-text.txt'), 'utf8');
  const long = Array.from({ length: 4 }, () => text).join('\n');
  const fonts = defaultFonts();
  let minutes: MinutesDocument;
  let pages = 0;
  for (let cut = long.length; ; cut -= 300) {
    minutes = buildMinutesDocument({ record: { ...record, values: { ...values, discussion: long.slice(0, cut) } }, form: m.form, template: m.minutes, issueNumber: 5 });
    pages = (await renderDocumentPdf(minutes, { fonts })).layout.pages.length;
    if (pages <= 30) break;
  }
  if (pages < 29) throw new Error(`expected 30 pages of minutes, made ${pages}`);
  const signin = buildMinutesDocument({ record: { ...record, values }, form: m.form, template: m.signin });
  console.log(`  30-page meeting: minutes ${pages} pages, sign-in sheet ${(await renderDocumentPdf(signin, { fonts })).layout.pages.length} pages, 60 attendees`);
  return { minutes, signin, fonts };
}

export default [
  defineBench<BigState>({
    name: 'minutes: 30-page meeting with 60 attendees, PDF + sign-in sheet + .docx',
    unit: 'ms',
    goal: { value: 2000, op: '<', description: "a long meeting's minutes, sign-in sheet and Word file are ready in under 2 s" },
    runs: 10,
    warmup: 1,
    setup: bigSetup,
    run: async (s) => {
      const date = new Date('2024-04-10T08:00:00Z');
      await Promise.all([renderDocumentPdf(s.minutes, { fonts: s.fonts, date }), renderDocumentPdf(s.signin, { fonts: s.fonts, date }), renderMinutesDocx(s.minutes)]);
    },
  }),
  defineBench<State>({
    name: 'minutes: 20 pages',
    unit: 'ms',
    goal: { value: 1, op: '<=', unit: 'ratio', description: '20 pages of minutes (layout + PDF with subset CJK fonts) no slower than pdfmake with the same font' },
    runs: 10,
    warmup: 1,
    setup,
    run: (s) => renderDocumentPdf(s.doc, { fonts: s.fonts, date: new Date('2024-04-10T08:00:00Z') }),
    baseline: { name: 'pdfmake 0.3 (pdfkit), same content and font', run: (s) => pdfmake.createPdf(s.definition()).getBuffer() },
  }),
];
