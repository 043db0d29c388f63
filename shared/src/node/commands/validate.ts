import { defineCommand, UsageError } from '../command.ts';
import { formatIssue, type Lang } from '../../core/issues.ts';
import { validateFiles } from '../validate-files.ts';

export const validateCommand = defineCommand({
  name: ['validate'],
  summary: '检查定义包与记录文件 / check packs and record files',
  usage: 'lvzhi validate PATH... [--lang zh|en] [--json]',
  options: {
    lang: { type: 'string', default: 'zh' },
    json: { type: 'boolean', default: false },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    const lang = values.lang as Lang;
    if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang is zh or en');
    const result = await validateFiles(positionals, cwd);
    if (values.json) {
      out(JSON.stringify({ ok: result.issues.length === 0, packs: result.packCount, records: result.recordCount, issues: result.issues }, null, 2));
    } else {
      for (const i of result.issues) out(formatIssue(i, lang));
      const summary = lang === 'en'
        ? `${result.packCount} pack(s), ${result.recordCount} record(s): ${result.issues.length === 0 ? 'all valid' : `${result.issues.length} problem(s)`}`
        : `${result.packCount} 个定义包，${result.recordCount} 条记录：${result.issues.length === 0 ? '全部有效' : `发现 ${result.issues.length} 个问题`}`;
      (result.issues.length === 0 ? out : err)(summary);
    }
    return result.issues.length === 0 ? 0 : 1;
  },
});
