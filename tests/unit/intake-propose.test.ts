/**
 * From pasted text to proposed fields of the real built-in forms; required-ness checked by the
 * one shared function; new records from the last one and the office defaults.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyProposals, bestFormForLabels, createRecord, missingRequired, describeCompleteness, optionResolver, proposeFromText, readDraftName,
  readOfficeDefaults, startNewRecord, type FormDefinition, type PackDefinition, type RosterEntry,
} from '@lvzhi/shared';
import { validateFiles } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = new Date('2024-05-10T02:00:00Z');
let packs: PackDefinition[] = [];
const form = (id: string): { form: FormDefinition; pack: PackDefinition } => {
  for (const pack of packs) for (const f of pack.forms ?? []) if (f.id === id) return { form: f, pack };
  throw new Error(`no form ${id}`);
};
const entry = (id: string, name: string): RosterEntry => ({ id, name, active: true, history: [] });
const ROSTER = { deputies: [entry('d1', '张建国'), entry('d2', '李秀英'), entry('d3', '王小明'), entry('d4', '曾小红')], staff: [entry('s1', '赵敏')] };

beforeAll(async () => {
  const r = await validateFiles(['forms/packs'], ROOT);
  packs = r.packs;
  expect(packs.length).toBeGreaterThan(3);
});

const NOTICE = `关于召开镇人大主席团五月份例会的通知
各位主席团成员：
定于2024年5月14日（星期二）上午9时在镇政府三楼会议室召开镇人大主席团五月份例会。
主持人：张建国
参加人员：张建国、李秀英、王小明同志
记录人：赵敏
请于5月13日前报送材料。`;

describe('proposals from a meeting notice', () => {
  it('proposes time, place, title, people and the recorder for 主席团月例会', () => {
    const { form: f } = form('presidium-monthly');
    const ps = proposeFromText(NOTICE, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const by = Object.fromEntries(ps.map((p) => [p.fieldId, p.value]));
    expect(by['startTime']).toBe('2024-05-14T09:00');
    expect(by['place']).toBe('镇政府三楼会议室');
    expect(by['title']).toBe('镇人大主席团五月份例会');
    expect(by['chair']).toEqual({ id: 'd1', name: '张建国' });
    expect(by['present']).toEqual([{ id: 'd1', name: '张建国' }, { id: 'd2', name: '李秀英' }, { id: 'd3', name: '王小明' }]);
    expect(by['recorder']).toEqual({ id: 's1', name: '赵敏' }); // the recorder picks from the staff roster
    expect(ps.every((p) => p.preselect)).toBe(true);
    expect(ps.find((p) => p.fieldId === 'startTime')?.display).toBe('2024-05-14 09:00');
  });

  it('never preselects a field the user already filled, and applies only what is ticked', () => {
    const { form: f } = form('presidium-monthly');
    const values = { place: '村委会议室' };
    const ps = proposeFromText(NOTICE, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, values, now: NOW });
    const place = ps.find((p) => p.fieldId === 'place')!;
    expect(place.preselect).toBe(false);
    expect(place.current).toBe('村委会议室');
    const ticked = new Set(ps.filter((p) => p.preselect).map((p) => p.fieldId));
    const out = applyProposals(values, ps, ticked);
    expect(out['place']).toBe('村委会议室');
    expect(out['startTime']).toBe('2024-05-14T09:00');
  });

  it('reads an inspection notice into the inspection form (date, place, deputies)', () => {
    const { form: f } = form('inspection');
    const text = '关于组织部分代表视察农村公路建设质量的通知\n视察时间：2024年6月3日（星期一）上午8:30\n视察地点：城东片区油路建设工地\n参加代表：曾小红、王小明\n请准时参加。';
    const ps = proposeFromText(text, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const by = Object.fromEntries(ps.map((p) => [p.fieldId, p.value]));
    expect(by['date']).toBe('2024-06-03');
    // the form keeps the day in 视察日期 and the hour in 开始时间: the notice's 上午8:30 goes there
    expect(by['startTime']).toBe('2024-06-03T08:30');
    expect(by['place']).toBe('城东片区油路建设工地');
    expect(by['deputies']).toEqual([{ id: 'd4', name: '曾小红' }, { id: 'd3', name: '王小明' }]);
    expect(String(by['subject'])).toContain('农村公路建设质量');
  });

  it('gives no start time from a notice that names the day only', () => {
    const { form: f } = form('inspection');
    const ps = proposeFromText('视察时间：2024年6月3日\n视察地点：城东片区油路建设工地', f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const by = Object.fromEntries(ps.map((p) => [p.fieldId, p.value]));
    expect(by['date']).toBe('2024-06-03');
    expect(by['startTime']).toBeUndefined();
  });

  it('reads a letter summary: writer, phone, subject, content; the ID number only into the ID field', () => {
    const { form: f } = form('letter');
    const text = '来信摘要\n收信日期：2024年5月8日\n来信人：王某某\n身份证号码：320583198001011230\n联系电话：13800001111\n反映问题：村道路灯长期不亮\n主要内容：该村主干道路灯损坏已三个月，夜间出行不便。';
    const ps = proposeFromText(text, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const by = Object.fromEntries(ps.map((p) => [p.fieldId, p.value]));
    expect(by['receivedDate']).toBe('2024-05-08');
    expect(by['writerName']).toBe('王某某');
    expect(by['phone']).toBe('13800001111');
    expect(by['subject']).toBe('村道路灯长期不亮');
    expect(String(by['content'])).toContain('路灯损坏');
    // the invalid ID number (bad check digit) is not proposed
    expect(by['idNumber']).toBeUndefined();
  });
});

describe('required means required', () => {
  it('lists the empty required fields of a draft and the invalid values, located at their fields', () => {
    const { form: f, pack } = form('deputy-profile');
    const r = createRecord({ pack, form: f, ctx: { optionsOf: optionResolver(packs) }, values: { name: '张建国', mobile: '123' } });
    const c = missingRequired(r, packs);
    expect(c.ok).toBe(false);
    const missing = c.missing.map((m) => m.fieldId);
    expect(missing).toContain('idNumber');
    expect(missing).toContain('workUnit');
    expect(missing).not.toContain('name');
    expect(c.invalid.map((m) => m.fieldId)).toEqual(['mobile']);
    expect(c.missing.find((m) => m.fieldId === 'idNumber')?.label).toBe('公民身份号码');
    expect(describeCompleteness(c)).toMatch(/^缺少必填项：.*公民身份号码/);
  });

  it('accepts a complete record and names table cells by row', () => {
    const { form: f, pack } = form('presidium-monthly');
    const r = createRecord({ pack, form: f, ctx: { optionsOf: optionResolver(packs) }, values: { agenda: [{}] } });
    const c = missingRequired(r, packs);
    const cell = [...c.missing, ...c.invalid].find((m) => m.fieldId === 'agenda');
    expect(cell?.label).toMatch(/会议议题/);
  });
});

describe('new records, page forms', () => {
  it('starts from the last record and the office defaults without overwriting the last record', () => {
    const { form: f, pack } = form('presidium-monthly');
    const ctx = { optionsOf: optionResolver(packs) };
    const last = { ...createRecord({ pack, form: f, ctx, values: { title: '四月例会', place: '镇政府三楼会议室', chair: { name: '张建国' } } }), updatedAt: '2024-04-30T10:00:00+08:00' };
    const defaults = readOfficeDefaults({ 'meeting.place': '村委会议室', 'meeting.recorder': '赵敏', bad: 1 });
    expect(defaults).toEqual({});
    const good = readOfficeDefaults({ 'meeting.place': '村委会议室', 'meeting.recorder': '赵敏' });
    const s = startNewRecord({ pack, form: f, ctx, records: [last], fromLast: true, defaults: good, now: NOW });
    expect(s.record.values['place']).toBe('镇政府三楼会议室');
    expect(s.record.values['recorder']).toEqual({ name: '赵敏' });
    expect(s.fromDefaults).toEqual(['recorder']);
    expect(s.fromLast).toContain('place');
    const fresh = startNewRecord({ pack, form: f, ctx, records: [last], defaults: good, now: NOW });
    expect(fresh.record.values['place']).toBe('村委会议室');
  });

  it('guesses the form of a page from its labels, and names the read draft', () => {
    const g = bestFormForLabels(['姓名', '性别', '民族', '出生年月', '公民身份号码', '工作单位', '手机号码', '提交'], packs);
    expect(g?.form.id).toBe('deputy-profile');
    expect(bestFormForLabels(['用户名', '密码'], packs)).toBeUndefined();
    expect(readDraftName('  区人大代表  履职平台 ', '2024-05-14T10:20:31+08:00')).toBe('从『区人大代表 履职平台』读取 · 2024-05-14 10:20');
  });
});

describe('agenda rows from a notice', () => {
  const AGENDA_NOTICE = `关于召开镇人大主席团六月份例会的通知
定于2024年6月11日上午9时在镇政府三楼会议室召开主席团例会。
会议议题：
一、听取镇政府关于民生实事项目推进情况的汇报（汇报人：李秀英）
二、由王小明汇报代表建议办理情况；
三、研究七月份代表活动安排
请准时参加。`;

  it('proposes one agenda row per numbered item, with the presenter from the roster', () => {
    const { form: f } = form('presidium-monthly');
    const ps = proposeFromText(AGENDA_NOTICE, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const agenda = ps.find((p) => p.fieldId === 'agenda');
    expect(agenda?.value).toEqual([
      { topic: '听取镇政府关于民生实事项目推进情况的汇报', presenter: { id: 'd2', name: '李秀英' } },
      { topic: '由王小明汇报代表建议办理情况', presenter: { id: 'd3', name: '王小明' } },
      { topic: '研究七月份代表活动安排' },
    ]);
    expect(agenda?.preselect).toBe(true);
    // the agenda line is not read as the discussion
    expect(ps.find((p) => p.fieldId === 'discussion')).toBeUndefined();
  });

  it('reads items written on the agenda line itself, and proposes no rows without an agenda line', () => {
    const { form: f } = form('presidium-monthly');
    const inline = proposeFromText('会议议题：1.审议工作要点；2.研究代表培训', f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(inline.find((p) => p.fieldId === 'agenda')?.value).toEqual([{ topic: '审议工作要点' }, { topic: '研究代表培训' }]);
    const none = proposeFromText(NOTICE, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(none.find((p) => p.fieldId === 'agenda')).toBeUndefined();
  });
});

describe('the clerk\'s notes: labelled paragraphs over several lines', () => {
  const NOTES = `视察笔记（4月26日）
活动类型：视察
被视察单位：青山镇交通管理站、县路桥工程有限公司大许线项目部
视察情况：代表们沿线察看了已完工路段和在建路段，
查阅了原材料检验报告和监理日志。

群众反映部分路段油路建设质量没有达到设计要求。
视察意见：
一、施工单位对面层厚度不足路段返工重铺：镇交通管理站组织复检；
二、加强原材料进场检验和工序验收。
整改期限：2024-05-31
记录人：赵敏`;

  it('fills a textarea from its label up to the next label that names a field, blank lines dropped', () => {
    const { form: f } = form('inspection');
    const ps = proposeFromText(NOTES, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    const by = Object.fromEntries(ps.map((p) => [p.fieldId, p.value]));
    expect(by['findings']).toBe('代表们沿线察看了已完工路段和在建路段，\n查阅了原材料检验报告和监理日志。\n群众反映部分路段油路建设质量没有达到设计要求。');
    // a line inside the paragraph that looks like a label (…重铺：…) but names no field stays in it; 视察意见 is a synonym of 意见和建议
    expect(by['opinions']).toBe('一、施工单位对面层厚度不足路段返工重铺：镇交通管理站组织复检；\n二、加强原材料进场检验和工序验收。');
    expect(by['rectificationDeadline']).toBe('2024-05-31');
    expect(by['recorder']).toEqual({ id: 's1', name: '赵敏' });
    expect(by['inspectionType']).toBe('视察');
    // a table takes the listed items as rows of its first text column
    expect(by['units']).toEqual([{ unit: '青山镇交通管理站' }, { unit: '县路桥工程有限公司大许线项目部' }]);
    expect(ps.find((p) => p.fieldId === 'units')?.display).toBe('青山镇交通管理站、县路桥工程有限公司大许线项目部');
    // shown for confirmation with the text it came from, nothing applied by itself
    expect(ps.find((p) => p.fieldId === 'opinions')?.source).toMatch(/^视察意见：一、/);
  });

  it('a one-line field keeps only its line, and a notice\'s closing signature is not part of the last paragraph', () => {
    const { form: f } = form('presidium-monthly');
    const text = `讨论情况：与会人员逐项讨论了议题，
同意提交下次会议审议。
青山镇人大主席团
2024年5月20日`;
    const ps = proposeFromText(text, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(ps.find((p) => p.fieldId === 'discussion')?.value).toBe('与会人员逐项讨论了议题，\n同意提交下次会议审议。');
    // a notice's closing words (请准时参加。特此通知。) are not part of its last paragraph either
    const closing = proposeFromText('会议内容：听取镇政府工作汇报，\n审议代表建议办理情况。\n请准时参加。\n特此通知。', f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(closing.find((p) => p.fieldId === 'discussion')?.value).toBe('听取镇政府工作汇报，\n审议代表建议办理情况。');
    const place = proposeFromText('会议地点：镇政府三楼会议室\n请准时参加。', f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(place.find((p) => p.fieldId === 'place')?.value).toBe('镇政府三楼会议室');
  });

  it('without the paragraph reading, only the first line would have come: a suggestion\'s numbered content keeps every line', () => {
    const { form: f } = form('suggestion');
    const text = '标题：关于整治柳河村河道垃圾的建议\n建议内容：\n一、组织集中清理河道垃圾；\n二、落实河长制日常巡查保洁。\n提出日期：2024-03-12';
    const ps = proposeFromText(text, f, { packs, ctx: { optionsOf: optionResolver(packs) }, rosters: ROSTER, now: NOW });
    expect(ps.find((p) => p.fieldId === 'content')?.value).toBe('一、组织集中清理河道垃圾；\n二、落实河长制日常巡查保洁。');
    expect(ps.find((p) => p.fieldId === 'submitDate')?.value).toBe('2024-03-12');
  });
});
