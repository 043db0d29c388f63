/**
 * `lvzhi minutes RECORD.json -o OUT.pdf [--pack PACK] [--sign KEY.p12 --password PW]
 *  [--docx OUT.docx] [--signin SIGNIN.pdf] [--issue N] [--date meeting|YYYY-MM-DD]
 *  [--font F.ttf] [--bold-font F.ttf] [--title-font F.ttf] [--heading-font F.ttf] [--encoding gbk]`
 *
 * Makes the minutes (会议纪要) of a meeting record from its form's document template through
 * the same `minutesBuildOptions` the panel uses (completeness check, 第X期 from the register of
 * issued minutes, 印发日期), and optionally signs them (chair first; the recorder adds a
 * signature with `lvzhi sign`), writes an editable .docx and the sign-in sheet. Everything is
 * made in memory first and written all or none: bad input (an incomplete record, a wrong
 * password, an expired certificate, a character outside the font, a missing output folder)
 * stops before any file is written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, recordSchema, validatePackSet, validateRecord, type LvzhiRecord, type PackDefinition } from '../../core/index.ts';
import { assertSigningCertificate, importPkcs12, signPdf, PdfSignError } from '../../pdf/index.ts';
import { type FontSet } from '../../pdf/fonts.ts';
import { renderMinutesPdf, templatesFor } from '../../pdf/minutes.ts';
import { buildMinutesDocument, IncompleteRecordError, minutesBuildOptions, minutesProblems, minutesProblemsMessage } from '../../pdf/minutes-model.ts';
import { renderMinutesDocx } from '../../pdf/docx.ts';
import { defineCommand, UsageError } from '../command.ts';
import { defaultFonts } from '../fonts.ts';
import { loadPaths, packPathsFor } from '../load.ts';
import { checkOutputPath, decodeText, readInputFile, writeOutputs } from '../outputs.ts';

export { defaultFonts };

/** Loads and checks the packs; returns every pack whose shape is valid. */
async function loadPacks(packPaths: string[], cwd: string): Promise<PackDefinition[]> {
  const loaded = await loadPaths(packPaths, cwd);
  const packDocs = loaded.documents.filter((d) => d.kind === 'pack');
  if (packDocs.length === 0) throw new Error(`没有找到包 / no pack found in ${packPaths.join(', ')}`);
  return validatePackSet(packDocs.map((d) => ({ source: d.source, json: d.json }))).parsedPacks;
}

/** The register of issued minutes: the complete records in the record's folder (drafts never count toward 第X期). */
async function registerFromFolder(recordFile: string): Promise<LvzhiRecord[]> {
  const dir = path.dirname(recordFile);
  const out: LvzhiRecord[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    if (path.join(dir, name) === recordFile) continue;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(new TextDecoder().decode(await readInputFile(path.join(dir, name), '记录'))));
      if (parsed.success && parsed.data.status === 'complete') out.push(parsed.data);
    } catch {
      // not a record
    }
  }
  return out;
}

export const minutesCommand = defineCommand({
  name: ['minutes'],
  summary: '由会议记录生成会议纪要 PDF（可签名）、Word 文档和签到表 / make the minutes of a meeting record',
  usage:
    'lvzhi minutes RECORD.json -o OUT.pdf [--pack PACK]... [--sign KEY.p12 --password PW] [--docx OUT.docx] [--signin SIGNIN.pdf]\n' +
    '  [--issue N] [--date meeting|YYYY-MM-DD] [--font 仿宋.ttf] [--bold-font F.ttf] [--title-font 小标宋.ttf] [--heading-font 黑体.ttf]\n' +
    '  [--encoding gbk] [--allow-invalid-certificate]\n' +
    '  Packs: --pack, else packs/ near the record, else the built-in packs. 第X期: --issue, else counted from the complete\n' +
    '  records in the record\'s folder. A draft record gives draft minutes (草稿, no 期号) and cannot be signed.',
  options: {
    output: { type: 'string', short: 'o' },
    pack: { type: 'string', multiple: true },
    sign: { type: 'string' },
    password: { type: 'string' },
    docx: { type: 'string' },
    signin: { type: 'string' },
    issue: { type: 'string' },
    date: { type: 'string' },
    font: { type: 'string' },
    'bold-font': { type: 'string' },
    'title-font': { type: 'string' },
    'heading-font': { type: 'string' },
    encoding: { type: 'string' },
    'allow-invalid-certificate': { type: 'boolean', default: false },
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
    if (values.date !== undefined && values.date !== 'meeting' && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError('--date is "meeting" or a date YYYY-MM-DD (印发日期)');
    // Every output path first: a wrong one is named before any work (and nothing is written).
    const targets: Array<[string, string]> = [];
    if (values.output) targets.push([path.resolve(cwd, values.output), '-o']);
    if (values.docx) targets.push([path.resolve(cwd, values.docx), '--docx']);
    if (values.signin) targets.push([path.resolve(cwd, values.signin), '--signin']);
    for (const [file, option] of targets) await checkOutputPath(file, option);

    const recordFile = path.resolve(cwd, positionals[0]!);
    let json: unknown;
    const text = decodeText(await readInputFile(recordFile, '记录'), positionals[0]!, values.encoding);
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`记录不是有效的 JSON / the record is not valid JSON: ${(e as Error).message}`);
    }

    const packPaths = await packPathsFor(recordFile, values.pack);
    if (packPaths.length === 0) throw new UsageError('no packs/ folder near the record and no built-in packs: give --pack PACK');
    const packs = await loadPacks(packPaths, cwd);
    const checked = validateRecord(json, packs);
    if (checked.issues.length || !checked.record) {
      for (const i of checked.issues) err(formatIssue({ source: positionals[0]!, ...i }));
      const r = checked.record;
      const f = r && packs.find((p) => p.id === r.pack)?.forms?.find((x) => x.id === r.form);
      const problems = r && f ? minutesProblems(r, f, packs) : [];
      err(problems.length ? minutesProblemsMessage(problems) : `记录未通过表单检查，未生成纪要 / the record fails its form: ${checked.issues.length} issue(s); nothing written`);
      return 1;
    }
    const record = checked.record;
    const pack = packs.find((p) => p.id === record.pack)!;
    const form = pack.forms!.find((f) => f.id === record.form)!;
    const templates = templatesFor(pack.templates, form.id);
    if ((values.output || values.docx) && !templates.minutes) throw new Error(`表单 ${form.id} 没有会议纪要模板 / form ${form.id} has no minutes template`);
    if (values.signin && !templates.signin) throw new Error(`表单 ${form.id} 没有签到表模板 / form ${form.id} has no sign-in template`);
    if (values.sign && record.status === 'draft') throw new Error('草稿不能签名：请先完成记录 / a draft cannot be signed: complete the record first');

    const fonts: FontSet = { ...(await defaultFonts()) };
    const userFont = async (option: 'font' | 'bold-font' | 'title-font' | 'heading-font') => (values[option] ? readInputFile(path.resolve(cwd, values[option]!), `字体（--${option}）`) : undefined);
    const [regular, bold, title, heading] = await Promise.all([userFont('font'), userFont('bold-font'), userFont('title-font'), userFont('heading-font')]);
    if (regular) {
      // An office's own body font: the roles it did not name fall back to it, not to Noto.
      fonts.regular = regular;
      delete fonts.bold;
      delete fonts.heading;
    }
    if (bold) fonts.bold = bold;
    if (title) fonts.title = title;
    if (heading) fonts.heading = heading;

    // The key first: a wrong password, a damaged file or an expired certificate stops before anything is made.
    const signer = values.sign ? await importPkcs12(await readInputFile(path.resolve(cwd, values.sign), '证书文件'), values.password ?? '') : undefined;
    const signingTime = new Date();
    if (signer) {
      const v = assertSigningCertificate(signer.certificate, signingTime, values['allow-invalid-certificate']);
      if (v.state !== 'valid') err('警告 / warning: 证书不在有效期内，按 --allow-invalid-certificate 仍签名 / signing with a certificate outside its validity');
    }

    let build;
    try {
      build = templates.minutes
        ? minutesBuildOptions({
            record,
            form,
            template: templates.minutes,
            packs,
            register: issue === undefined ? await registerFromFolder(recordFile) : [],
            ...(issue !== undefined ? { issueNumber: issue } : {}),
            ...(values.date ? { issuedDate: values.date } : {}),
          })
        : undefined;
    } catch (e) {
      if (e instanceof IncompleteRecordError) {
        err(e.message);
        return 1;
      }
      throw e;
    }

    const outputs: Array<[string, Uint8Array, string, string]> = [];
    if (build && values.output) {
      const rendered = await renderMinutesPdf(build, { fonts, author: record.author?.name ?? '' });
      let pdf = rendered.pdf;
      if (signer) {
        try {
          pdf = await signPdf(pdf, { signer, reason: '会议纪要确认', font: fonts.regular, signingTime, stamp: {} });
        } catch (e) {
          if (e instanceof PdfSignError) throw e;
          throw new Error(`签名失败 / signing failed: ${(e as Error).message}`, { cause: e });
        }
      }
      const what = `${record.status === 'draft' ? '会议纪要（草稿） / draft minutes' : '会议纪要 / minutes'}${signer ? '（已签名 / signed）' : ''}: ${rendered.layout.pages.length} 页 / pages`;
      outputs.push([path.resolve(cwd, values.output), pdf, '-o', what]);
    }
    if (build && values.docx) {
      outputs.push([path.resolve(cwd, values.docx), await renderMinutesDocx(buildMinutesDocument(build)), '--docx', 'Word 文档 / .docx']);
    }
    if (values.signin) {
      const rendered = await renderMinutesPdf({ record, form, template: templates.signin! }, { fonts });
      outputs.push([path.resolve(cwd, values.signin), rendered.pdf, '--signin', `签到表 / sign-in sheet: ${rendered.layout.pages.length} 页 / pages`]);
    }
    await writeOutputs(outputs.map(([file, bytes, option]) => [file, bytes, option] as const));
    for (const [file, bytes, , what] of outputs) out(`${what}: ${file} (${bytes.length} bytes)`);
    return 0;
  },
});
