import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.ts';
import { computeStats, customPeriod, formatRate, meetingName, parsePeriod, statsDefinitions, statsTables, summarySentences, tableToCsv, yearPeriod, type StatsPeriod, type WorkStats } from '../../core/index.ts';
import { writeXlsx } from '../spreadsheet.ts';
import { loadPacksFor, loadRecords } from '../stats-io.ts';

function printTable(s: WorkStats, out: (l: string) => void): void {
  const g = s.suggestions;
  out(`统计期间 / period: ${s.period.label}（${s.period.from} 至 ${s.period.to}），超期判断时点 ${s.asOf}`);
  out(`记录 / records: 期间内 ${s.records.inPeriod}，期间外 ${s.records.outsidePeriod}，已删除 ${s.records.deleted}${s.records.unknownForm ? `，未知表单 ${s.records.unknownForm}` : ''}`);
  out(`会议 / meetings: ${s.meetings.total} 次（${Object.entries(s.meetings.byType).map(([t, n]) => `${meetingName(s, t)} ${n}`).join('，') || '无'}）`);
  out(`培训 / trainings: ${s.trainings.sessions} 次，${s.trainings.participants} 人次`);
  out(`视察 / inspections: ${s.inspections.total} 次，参加代表 ${s.inspections.deputyParticipants} 人次，超期 ${s.inspections.overdue}`);
  out(`代表建议 / suggestions: 收到 ${g.received}，交办 ${g.assigned}，答复 ${g.replied}（办复率 ${formatRate(g.replyRate)}），测评 ${g.rated}：满意 ${g.satisfied}、基本满意 ${g.basicallySatisfied}、不满意 ${g.dissatisfied}（满意率 ${formatRate(g.satisfactionRate)}，仅满意 ${formatRate(g.fullySatisfiedRate)}），超期 ${g.overdue}`);
  out(`来信来访 / letters & visits: 来信 ${s.letters.letters} 件，来访 ${s.letters.visits} 批 ${s.letters.visitors} 人次，超期 ${s.letters.overdue}`);
  out(`代表活动 / activities: ${s.activities.total} 次，${s.activities.participants} 人次`);
  out(`工作评议 / appraisal: 人民满意单位 ${s.appraisals.satisfiedUnits} 个，整改意见 ${s.appraisals.rectificationItems} 条`);
  for (const u of s.appraisals.units) out(`  ${u.rank}. ${u.unit}：满意率 ${formatRate(u.satisfactionRate)}，平均分 ${u.averageScore === null ? '—' : u.averageScore.toFixed(1)}（${u.sheets} 票）`);
  out('');
  for (const x of summarySentences(s)) out(x.text);
}

export const statsCommand = defineCommand({
  name: ['stats'],
  summary: '按年、季、月统计记录并生成工作总结表述 / year-end figures and work-summary sentences',
  usage: 'lvzhi stats RECORDS... | --server URL [--token T] [--period 2024|2024Q1|2024-03 | --from DATE --to DATE] [--as-of DATE] [--format table|json|xlsx|csv] [-o FILE] [--packs DIR] [--full]',
  options: {
    period: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string', default: 'table' },
    output: { type: 'string', short: 'o' },
    packs: { type: 'string', multiple: true },
    full: { type: 'boolean', default: false },
    server: { type: 'string' },
    token: { type: 'string' },
  },
  async run({ values, positionals, cwd, out, err }) {
    if (positionals.length === 0 && !values.server) throw new UsageError('name the record files or folders, or --server URL');
    const format = values.format ?? 'table';
    if (!['table', 'json', 'xlsx', 'csv'].includes(format)) throw new UsageError('--format is table, json, xlsx or csv');
    if ((format === 'xlsx' || format === 'csv') && !values.output) throw new UsageError(`--format ${format} needs -o FILE`);
    let period: StatsPeriod;
    try {
      if (values.from || values.to) {
        if (!values.from || !values.to) throw new UsageError('--from and --to go together');
        period = customPeriod(values.from, values.to);
      } else period = values.period ? parsePeriod(values.period) : yearPeriod(Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError((e as Error).message);
    }
    let asOf: Date | undefined;
    if (values['as-of']) {
      const t = Date.parse(/T/.test(values['as-of']) ? values['as-of'] : `${values['as-of']}T00:00:00+08:00`);
      if (Number.isNaN(t)) throw new UsageError('--as-of is a date (2024-12-31) or an instant');
      asOf = new Date(t);
    }
    let stats: WorkStats;
    if (values.server) {
      // The office server computes the figures over all of the office's records (same core code).
      const token = values.token ?? process.env['LVZHI_TOKEN'];
      if (!token) throw new UsageError('--server needs --token (or LVZHI_TOKEN): an extension token from pairing, of a 管理员 or 工作人员');
      const q = new URLSearchParams({ from: period.from, to: period.to, format: 'json', ...(values.period ? { period: values.period } : {}), ...(asOf ? { asOf: asOf.toISOString() } : {}) });
      const res = await fetch(new URL(`/api/stats?${q}`, values.server), { headers: { authorization: `Bearer ${token}` } });
      const json = (await res.json().catch(() => ({}))) as { stats?: WorkStats; error?: string };
      if (!res.ok || !json.stats) { err(`服务器 / server: ${json.error ?? `HTTP ${res.status}`}`); return 1; }
      stats = json.stats;
    } else {
      const packs = await loadPacksFor(cwd, values.packs);
      const { records, skipped } = await loadRecords(cwd, positionals);
      if (skipped.length) err(`跳过 ${skipped.length} 个不是有效记录的文件 / skipped ${skipped.length} files that are not valid records`);
      stats = computeStats(records, statsDefinitions(packs), period, asOf ? { asOf } : {});
    }
    if (format === 'table') printTable(stats, out);
    else if (format === 'json') {
      const text = JSON.stringify({ ...stats, sentences: summarySentences(stats) }, null, 2);
      if (values.output) await writeFile(resolve(cwd, values.output), `${text}\n`);
      else out(text);
    } else if (format === 'xlsx') {
      await writeFile(resolve(cwd, values.output!), await writeXlsx(statsTables(stats), { title: `${stats.period.label}统计` }));
      out(`已写入 / written: ${values.output}`);
    } else {
      await writeFile(resolve(cwd, values.output!), statsTables(stats).map((t) => tableToCsv(t)).join('\r\n'));
      out(`已写入 / written: ${values.output}`);
    }
    return 0;
  },
});
