/**
 * `lvzhi minutes RECORD.json -o OUT.pdf [--pack PACK] [--sign KEY.p12 --password PW]
 *  [--docx OUT.docx] [--signin SIGNIN.pdf] [--issue N] [--font F.ttf] [--bold-font F.ttf]`
 *
 * Makes the minutes (会议纪要) of a meeting record from its form's document template, and
 * optionally signs them (chair first; the recorder adds a signature with `lvzhi sign`), writes
 * an editable .docx and the sign-in sheet. Everything is made in memory first: bad input (a
 * record that fails its form, a wrong password, a damaged key, a character outside the font)
 * stops before any file is written.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { formatIssue, validatePackSet, validateRecord, type FormDefinition, type LvzhiRecord, type PackDefinition } from '../../core/index.ts';
import { importPkcs12, signPdf, PdfSignError } from '../../pdf/index.ts';
import { DEFAULT_FONT_FILES, type FontSet } from '../../pdf/fonts.ts';
import { renderMinutesPdf, templatesFor } from '../../pdf/minutes.ts';
import { buildMinutesDocument, issueKey, issueNumber, type IssueKey } from '../../pdf/minutes-model.ts';
import { renderMinutesDocx } from '../../pdf/docx.ts';
import { defineCommand, UsageError } from '../command.ts';
import { loadPaths, packFoldersNear } from '../load.ts';
import { writeAtomically } from './sign.ts';

async function readBytes(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Error(`无法读取${what} ${file} / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The default fonts (Noto Serif SC regular and bold) from node_modules. */
export async function defaultFonts(): Promise<FontSet> {
  const require = createRequire(import.meta.url);
  const regular = await readBytes(require.resolve(DEFAULT_FONT_FILES.regular), '字体');
  const bold = await readBytes(require.resolve(DEFAULT_FONT_FILES.bold), '字体');
  return { regular, bold };
}

/** Loads and checks the packs; returns every pack whose shape is valid. */
async function loadPacks(packPaths: string[], cwd: string): Promise<PackDefinition[]> {
  const loaded = await loadPaths(packPaths, cwd);
  const packDocs = loaded.documents.filter((d) => d.kind === 'pack');
  if (packDocs.length === 0) throw new Error(`没有找到包 / no pack found in ${packPaths.join(', ')}`);
  return validatePackSet(packDocs.map((d) => ({ source: d.source, json: d.json }))).parsedPacks;
}

/** 第X期 from the records in the same folder as the record (same meeting type and year). */
async function issueFromFolder(recordFile: string, record: LvzhiRecord, form: FormDefinition, packs: PackDefinition[]): Promise<number> {
  const dir = path.dirname(recordFile);
  const keys: IssueKey[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    try {
      const json = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Partial<LvzhiRecord>;
      if (typeof json.id !== 'string' || typeof json.form !== 'string' || !json.values) continue;
      const f = packs.find((p) => p.id === json.pack)?.forms?.find((x) => x.id === json.form);
      if (f) keys.push(issueKey(json as LvzhiRecord, f));
    } catch {
      // not a record
    }
  }
  return issueNumber(issueKey(record, form), keys);
}

export const minutesCommand = defineCommand({
  name: ['minutes'],
  summary: '由会议记录生成会议纪要 PDF（可签名）、Word 文档和签到表 / make the minutes of a meeting record',
  usage:
    'lvzhi minutes RECORD.json -o OUT.pdf [--pack PACK]... [--sign KEY.p12 --password PW] [--docx OUT.docx] [--signin SIGNIN.pdf] [--issue N] [--font FONT.ttf] [--bold-font FONT.ttf]',
  options: {
    output: { type: 'string', short: 'o' },
    pack: { type: 'string', multiple: true },
    sign: { type: 'string' },
    password: { type: 'string' },
    docx: { type: 'string' },
    signin: { type: 'string' },
    issue: { type: 'string' },
    font: { type: 'string' },
    'bold-font': { type: 'string' },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one meeting record (RECORD.json)');
    if (!values.output && !values.docx && !values.signin) throw new UsageError('-o OUT.pdf (or --docx / --signin) is required');
    if (values.sign && values.password === undefined) throw new UsageError('--sign needs --password (use --password "" for none)');
    if (values.sign && !values.output) throw new UsageError('--sign needs -o OUT.pdf');
    let issue: number | undefined;
    if (values.issue !== undefined) {
      issue = Number(values.issue);
      if (!Number.isInteger(issue) || issue < 1) throw new UsageError('--issue is a positive whole number (第X期)');
    }
    const recordFile = path.resolve(cwd, positionals[0]!);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await readBytes(recordFile, '记录')));
    } catch (e) {
      throw new Error(e instanceof SyntaxError ? `记录不是有效的 JSON / the record is not valid JSON: ${e.message}` : (e as Error).message);
    }

    const packPaths = values.pack?.length ? values.pack : await packFoldersNear(recordFile);
    if (packPaths.length === 0) throw new UsageError('no packs/ folder near the record: give --pack PACK');
    const packs = await loadPacks(packPaths, cwd);
    const checked = validateRecord(json, packs);
    if (checked.issues.length || !checked.record) {
      for (const i of checked.issues) err(formatIssue({ source: positionals[0]!, ...i }));
      err(`记录未通过表单检查，未生成纪要 / the record fails its form: ${checked.issues.length} issue(s); nothing written`);
      return 1;
    }
    const record = checked.record;
    const pack = packs.find((p) => p.id === record.pack)!;
    const form = pack.forms!.find((f) => f.id === record.form)!;
    const templates = templatesFor(pack.templates, form.id);
    if ((values.output || values.docx) && !templates.minutes) throw new Error(`表单 ${form.id} 没有会议纪要模板 / form ${form.id} has no minutes template`);
    if (values.signin && !templates.signin) throw new Error(`表单 ${form.id} 没有签到表模板 / form ${form.id} has no sign-in template`);

    const fonts: FontSet = values.font
      ? { regular: await readBytes(path.resolve(cwd, values.font), '字体'), ...(values['bold-font'] ? { bold: await readBytes(path.resolve(cwd, values['bold-font']), '字体') } : {}) }
      : await defaultFonts();
    if (!values.font && values['bold-font']) fonts.bold = await readBytes(path.resolve(cwd, values['bold-font']), '字体');

    // The key first: a wrong password or a damaged file stops before anything is made.
    const signer = values.sign ? await importPkcs12(await readBytes(path.resolve(cwd, values.sign), '证书文件'), values.password ?? '') : undefined;
    if (templates.minutes?.parts.some((p) => p.part === 'issueNumber') && issue === undefined) issue = await issueFromFolder(recordFile, record, form, packs);

    const outputs: Array<[string, Uint8Array, string]> = [];
    if (values.output || values.docx) {
      const input = { record, form, template: templates.minutes!, ...(issue !== undefined ? { issueNumber: issue } : {}) };
      if (values.output) {
        const rendered = await renderMinutesPdf(input, { fonts, author: record.author?.name ?? '' });
        let pdf = rendered.pdf;
        if (signer) {
          try {
            const slot = rendered.layout.stamps.chair;
            pdf = await signPdf(pdf, { signer, reason: '会议纪要确认', font: fonts.regular, signingTime: new Date(), stamp: slot ? { page: slot.page, rect: slot.rect } : {} });
          } catch (e) {
            if (e instanceof PdfSignError) throw e;
            throw new Error(`签名失败 / signing failed: ${(e as Error).message}`, { cause: e });
          }
        }
        outputs.push([path.resolve(cwd, values.output), pdf, `会议纪要 / minutes${signer ? '（已签名 / signed）' : ''}: ${rendered.layout.pages.length} 页 / pages`]);
      }
      if (values.docx) {
        const doc = buildMinutesDocument(input);
        outputs.push([path.resolve(cwd, values.docx), await renderMinutesDocx(doc), 'Word 文档 / .docx']);
      }
    }
    if (values.signin) {
      const rendered = await renderMinutesPdf({ record, form, template: templates.signin! }, { fonts });
      outputs.push([path.resolve(cwd, values.signin), rendered.pdf, `签到表 / sign-in sheet: ${rendered.layout.pages.length} 页 / pages`]);
    }
    for (const [file, bytes, what] of outputs) {
      await writeAtomically(file, bytes);
      out(`${what}: ${file} (${bytes.length} bytes)`);
    }
    return 0;
  },
});
