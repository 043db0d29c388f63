/**
 * The pure part of autofill: label matching through the dictionary, value conversion, the
 * portal mapping's overrides, the serialisable plan and read-back, on hand-made scans.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import {
  buildAutofillContext, convertForControl, formatDate, formatFromHint, kindWordForms, labelVariants, valueFromControl, matchLabels, optionCandidates, parseDate, pickOption,
  planFill, readBackValues, validatePackSet, type AutofillContext, type PackDefinition, type PortalMapping, type ScanResult, type ScannedControl,
} from '@lvzhi/shared';
import { allowedFrameOrigins } from '@lvzhi/shared/dom';

const ROOT = join(import.meta.dirname, '..', '..');
let packs: PackDefinition[];
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  packs = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
  ctx = buildAutofillContext(packs);
});

let n = 0;
const ctl = (label: string, extra: Partial<ScannedControl> = {}): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'text', labels: [{ source: 'table-cell', text: label }], frame: '', usable: true, ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/x', controls, tables: [], refused: [] });

describe('labels', () => {
  it('normalises full-width spaces, colons, required markers, prompts and trailing notes', () => {
    expect(labelVariants('* 姓　　名：')).toContain('姓名');
    expect(labelVariants('请输入手机号码')).toContain('手机号码');
    expect(labelVariants('联系电话（必填）')).toContain('联系电话');
    expect(labelVariants('出生日期(格式:年-月-日)')).toContain('出生日期');
  });
  it('matches a label or a synonym, only among the keys the record has, and reports ambiguity', () => {
    expect(matchLabels(ctx, [{ source: 'label-for', text: '代表姓名' }])).toMatchObject({ kind: 'match', key: 'deputy.name' });
    // 姓名 names deputy.name and letter.name: the record decides
    expect(matchLabels(ctx, [{ source: 'label-for', text: '姓名' }], new Set(['letter.name']))).toMatchObject({ kind: 'match', key: 'letter.name' });
    expect(matchLabels(ctx, [{ source: 'label-for', text: '姓名' }], new Set(['deputy.name']))).toMatchObject({ kind: 'match', key: 'deputy.name' });
    // 意见和建议 is the label of two keys: with both in the record it stays ambiguous
    const both = matchLabels(ctx, [{ source: 'label-for', text: '意见和建议' }], new Set(['appraisal.comments', 'inspection.opinions']));
    expect(both.kind).toBe('ambiguous');
    expect(matchLabels(ctx, [{ source: 'label-for', text: '审核意见' }]).kind).toBe('none');
  });
  it('reads 和/及/与/、 joining two words as no change of field, and an activity’s 主题 or 题目 as its 名称', () => {
    const pack = {
      id: 'p', name: '测试', version: '1.0.0',
      dictionary: [
        { key: 't.opinions', label: '主要意见和建议', type: 'textarea' },
        { key: 't.name', label: '评议名称', type: 'text' },
        { key: 't.rate', label: '办理及时率', type: 'number' },
        { key: 't.unit', label: '参与单位', type: 'text' },
      ],
    } as unknown as PackDefinition;
    const c = buildAutofillContext([pack]);
    for (const text of ['主要意见建议', '主要意见及建议', '主要意见、建议', '主要意见与建议']) {
      expect(matchLabels(c, [{ source: 'label-for', text }]), text).toMatchObject({ kind: 'match', key: 't.opinions' });
    }
    expect(matchLabels(c, [{ source: 'label-for', text: '评议主题' }])).toMatchObject({ kind: 'match', key: 't.name' });
    expect(matchLabels(c, [{ source: 'label-for', text: '评议题目' }])).toMatchObject({ kind: 'match', key: 't.name' });
    // a bare 主题, and 及/与 inside a word of their own, are not touched
    expect(matchLabels(c, [{ source: 'label-for', text: '主题' }]).kind).toBe('none');
    expect(matchLabels(c, [{ source: 'label-for', text: '办理及时率' }])).toMatchObject({ kind: 'match', key: 't.rate' });
    expect(matchLabels(c, [{ source: 'label-for', text: '参单位' }]).kind).toBe('none');
    expect(matchLabels(c, [{ source: 'label-for', text: '意见建议' }]).kind).toBe('none');
  });
  it('reads 检查/执法检查/调研 before a field as 视察 (all three are inspections)', () => {
    const held = new Set(['inspection.type', 'inspection.subject', 'inspection.place']);
    expect(matchLabels(ctx, [{ source: 'label-for', text: '检查类型' }], held)).toMatchObject({ kind: 'match', key: 'inspection.type' });
    expect(matchLabels(ctx, [{ source: 'label-for', text: '执法检查名称' }], held)).toMatchObject({ kind: 'match', key: 'inspection.subject' });
    expect(matchLabels(ctx, [{ source: 'label-for', text: '调研地点' }], held)).toMatchObject({ kind: 'match', key: 'inspection.place' });
    expect(matchLabels(ctx, [{ source: 'label-for', text: '检查' }], held).kind).toBe('none');
  });
  it('takes the label a built-in form shows for a field as a synonym of the key it binds', () => {
    const pack = {
      id: 'p', name: '测试', version: '1.0.0',
      dictionary: [{ key: 't.content', label: '反映内容', type: 'text' }, { key: 't.name', label: '姓名', type: 'text' }],
      forms: [{ id: 'f', title: '登记', sections: [{ id: 's', title: '基本', fields: [
        { id: 'a', type: 'textarea', label: '来信摘要', bind: 't.content' },
        { id: 'b', type: 'text', label: '姓名', bind: 't.name' },
      ] }] }],
    } as unknown as PackDefinition;
    const c = buildAutofillContext([pack]);
    expect(matchLabels(c, [{ source: 'label-for', text: '来信摘要：' }])).toMatchObject({ kind: 'match', key: 't.content', via: 'synonym' });
    // the dictionary's own label stays tier 0
    expect(matchLabels(c, [{ source: 'label-for', text: '姓名' }])).toMatchObject({ kind: 'match', key: 't.name', via: 'label' });
    expect(matchLabels(buildAutofillContext([{ ...pack, forms: [] } as PackDefinition]), [{ source: 'label-for', text: '来信摘要' }]).kind).toBe('none');
  });
});

describe('a general label read with the field before it', () => {
  const values = { 'suggestion.proposer': '吴海燕', 'suggestion.proposerPhone': '13805261177', 'suggestion.handlerName': '顾晓东', 'suggestion.handlerPhone': '0523-87651234' };
  it('takes the phone beside 承办人 as the handler’s, beside 领衔代表 as the deputy’s', () => {
    const plan = planFill(ctx, scan(ctl('领衔代表'), ctl('联系电话'), ctl('承办人'), ctl('联系电话')), values);
    expect(plan.steps.map((st) => st.key)).toEqual(['suggestion.proposer', 'suggestion.proposerPhone', 'suggestion.handlerName', 'suggestion.handlerPhone']);
  });
  it('keeps the general label’s key when the qualified key is not held, or nothing before qualifies it', () => {
    const { ['suggestion.handlerPhone']: _, ...noHandlerPhone } = values;
    expect(planFill(ctx, scan(ctl('承办人'), ctl('联系电话')), noHandlerPhone).steps.map((st) => st.key)).toEqual(['suggestion.handlerName', 'suggestion.proposerPhone']);
    expect(planFill(ctx, scan(ctl('联系电话')), values).steps.map((st) => st.key)).toEqual(['suggestion.proposerPhone']);
    // 工作单位 then 职务 is the title, not the derived 工作单位及职务 that joins the two
    expect(planFill(ctx, scan(ctl('工作单位'), ctl('职务')), { 'deputy.workUnit': '青山镇柳河村村民委员会', 'deputy.position': '村妇联主席' }).steps.map((st) => st.display)).toEqual(['青山镇柳河村村民委员会', '村妇联主席']);
  });
});

describe('values', () => {
  it('ticks or clears a single checkbox that asks a yes/no question, from a yes/no option', () => {
    const box = ctl('是否连任', { kind: 'checkbox' });
    const yn = [{ value: '是', labelEn: 'Yes' }, { value: '否', labelEn: 'No' }];
    const entry = { key: 'x.again', label: '是否连任', type: 'enum' as const, optionSet: 'yes-no' };
    expect(convertForControl('是', entry, yn, box)).toMatchObject({ ok: true, value: { type: 'check', checked: true } });
    expect(convertForControl('否', entry, yn, box)).toMatchObject({ ok: true, value: { type: 'check', checked: false } });
    // an option of another set (中共党员 for a box labelled with it) is still not a guess
    expect(convertForControl('中共党员', entry, [{ value: '中共党员' }, { value: '群众' }], box)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(convertForControl('也许', entry, yn, box)).toMatchObject({ ok: false });
  });
  it('formats and parses dates in portal formats', () => {
    expect(formatDate('2024-03-08', 'YYYY年M月D日')).toBe('2024年3月8日');
    expect(formatDate('2024-03-08', 'yyyy-MM-dd')).toBe('2024-03-08');
    expect(formatDate('2024-04-08T09:00', 'YYYY-MM-DD HH:mm')).toBe('2024-04-08 09:00');
    expect(parseDate('2024年3月8日')).toBe('2024-03-08');
    expect(parseDate('2024/03/08 09:30')).toBe('2024-03-08T09:30');
    expect(parseDate('2024-03', true)).toBe('2024-03');
    expect(formatFromHint('yyyy-mm-dd')).toBe('YYYY-MM-DD');
    expect(formatFromHint('请选择月份')).toBe('YYYY-MM');
  });
  it('finds options by value, text, synonym and code, the mapping text first', () => {
    const cands = optionCandidates('中共党员', ctx.optionsOf('deputy.politicalStatus'), { options: { 中共党员: '中国共产党党员' } });
    expect(cands[0]).toBe('中国共产党党员');
    expect(pickOption(cands, [{ value: '13', text: '群众' }, { value: '01', text: '中国共产党党员' }])).toEqual({ value: '01', text: '中国共产党党员' });
    const han = optionCandidates('汉族', ctx.optionsOf('deputy.ethnicity'));
    expect(pickOption(han, [{ value: 'x', text: '汉' }])?.value).toBe('x');
    expect(pickOption(han, [{ value: '01', text: '01' }])?.value).toBe('01');
  });
  it('finds an option written as its class and its meaning by either part', () => {
    const b = optionCandidates('列入计划解决', ctx.optionsOf('suggestion.result'));
    const classed = [{ value: 'A', text: 'A类：已经解决或基本解决' }, { value: 'B', text: 'B类：正在解决或列入计划解决' }, { value: 'C', text: 'C类：因条件限制暂时不能解决' }];
    expect(pickOption(b, classed)?.value).toBe('B');
    expect(pickOption(['主动公开'], [{ value: '1', text: '1、主动公开' }, { value: '2', text: '2、依申请公开' }])?.value).toBe('1');
    // a part two options share names neither
    expect(pickOption(['公开'], [{ value: '1', text: '甲：公开' }, { value: '2', text: '乙：公开' }])).toBeUndefined();
    // the meaning in brackets after the class (A类（已解决或采纳）)
    const bracketed = [{ value: 'A', text: 'A类（已解决或采纳）' }, { value: 'B', text: 'B类(正在解决或列入计划)' }, { value: 'C', text: 'C类（留作参考）' }];
    expect(pickOption(['已解决或采纳'], bracketed)?.value).toBe('A');
    expect(pickOption(['正在解决或列入计划'], bracketed)?.value).toBe('B');
    expect(pickOption(['B类'], bracketed)?.value).toBe('B');
  });
  it('answers a 是/否 choice that asks 是否X from the record’s X or 不X, and reads it back so', () => {
    const entry = { key: 'x.report', label: '上报方式', type: 'enum' as const, optionSet: 'x' };
    const set = [{ value: '上报' }, { value: '不上报' }, { value: '暂缓' }];
    const choice = ctl('是否上报', { kind: 'radio', options: [{ value: 'Y', text: '是' }, { value: 'N', text: '否' }] });
    expect(convertForControl('上报', entry, set, choice)).toMatchObject({ ok: true, value: { type: 'option', value: 'Y' } });
    expect(convertForControl('不上报', entry, set, choice)).toMatchObject({ ok: true, value: { type: 'option', value: 'N' } });
    // a value that answers nothing is not guessed, nor a choice of other words
    expect(convertForControl('暂缓', entry, set, choice)).toMatchObject({ ok: false, reason: 'no-option' });
    expect(convertForControl('上报', entry, set, ctl('是否上报', { kind: 'select', options: [{ value: '1', text: '已上报' }, { value: '2', text: '未上报' }] }))).toMatchObject({ ok: false });
    expect(valueFromControl('是', entry, set, undefined, choice)).toBe('上报');
    expect(valueFromControl('否', entry, set, undefined, choice)).toBe('不上报');
  });
  it('finds an option that writes the value with the word its label calls the options by', () => {
    const entry = { key: 'x.kind', label: '活动形式', type: 'enum' as const, optionSet: 'x' };
    const kinds = [{ value: '视察' }, { value: '调研' }, { value: '座谈' }];
    // 活动形式 offers 视察活动, 调研活动; 信访事项类别-like labels 城乡建设类
    const activity = ctl('活动形式', { kind: 'select', options: [{ value: '1', text: '视察活动' }, { value: '2', text: '调研活动' }] });
    expect(convertForControl('调研', entry, kinds, activity)).toMatchObject({ ok: true, value: { type: 'option', value: '2' }, display: '调研活动' });
    const area = ctl('事项类别', { kind: 'radio', options: [{ value: 'a', text: '城乡建设类' }, { value: 'b', text: '社会保障类' }] });
    expect(convertForControl('社会保障', entry, [{ value: '社会保障' }], area)).toMatchObject({ ok: true, value: { type: 'option', value: 'b' } });
    // the dictionary's own forms come first, and a label naming no kind adds nothing
    expect(kindWordForms('调研', activity)).toEqual(['调研活动']);
    expect(kindWordForms('调研', ctl('活动内容'))).toEqual([]);
    expect(convertForControl('调研', entry, kinds, ctl('活动内容', { kind: 'select', options: [{ value: '2', text: '调研活动' }] }))).toMatchObject({ ok: false, reason: 'no-option' });
    // a value already ending in the word is not doubled
    expect(kindWordForms('日常接待', ctl('接待方式'))).toEqual([]);
  });
});

describe('plans', () => {
  it('plans every recognisable field, converts values, and reports what it leaves alone', () => {
    const s = scan(
      ctl('姓　　名：'),
      ctl('性别', { kind: 'radio', options: [{ value: '1', text: '男性' }, { value: '2', text: '女性' }] }),
      ctl('出生年月', { kind: 'date', dateFormat: 'YYYY-MM' }),
      ctl('是否代表小组长', { kind: 'checkbox' }),
      ctl('身份证号'),
      ctl('车牌号'),
      ctl('微信号'),
      ctl('手机号码', { usable: false, unusableReason: 'hidden' }),
      ctl('民族', { kind: 'select', options: [{ value: '01', text: '汉族' }] }),
      ctl('党派', { kind: 'select', options: [{ value: '13', text: '群众' }] }),
    );
    const plan = planFill(ctx, s, { 'deputy.name': '王建国', 'deputy.gender': '男', 'deputy.birthDate': '1972-05-14', 'deputy.groupLeader': true, 'deputy.idNumber': '321283197205143515', 'deputy.mobile': '13951234567', 'deputy.ethnicity': '汉族', 'deputy.politicalStatus': '中共党员' });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    const by = Object.fromEntries(plan.steps.map((st) => [st.key, st]));
    expect(by['deputy.name']!.value).toEqual({ type: 'text', text: '王建国' });
    expect(by['deputy.gender']!.value).toMatchObject({ type: 'option', value: '1' });
    expect(by['deputy.birthDate']!.value).toEqual({ type: 'text', text: '1972-05' });
    expect(by['deputy.groupLeader']!.value).toEqual({ type: 'check', checked: true });
    expect(by['deputy.idNumber']!.display).toBe('321283********3515');
    expect(by['deputy.ethnicity']!.value).toMatchObject({ value: '01' });
    const reasons = Object.fromEntries(plan.skipped.map((sk) => [sk.label, sk.reason]));
    // 微信号 is a dictionary key (deputy.wechat) this record leaves empty; 车牌号 is no key at all
    expect(reasons).toMatchObject({ 车牌号: 'no-match', 微信号: 'no-value', 手机号码: 'unusable', 党派: 'no-option' });
    expect(JSON.stringify(plan)).not.toContain('13951234567');
    expect(JSON.stringify(plan.steps.map((st) => st.display))).not.toContain('321283197205143515');
  });
  it('applies the portal mapping: locators by name, transforms and skips', () => {
    const mapping = ctx.portals.get('deputy-profile-layui') as PortalMapping;
    const s = scan(ctl('名称', { name: 'xm' }), ctl('备注'), ctl('出生年月', { kind: 'date' }), ctl('文化程度', { kind: 'select', options: [{ value: '21', text: '本科' }] }));
    const plan = planFill(ctx, s, { 'deputy.name': '王建国', 'record.remarks': '同时为镇人大代表', 'deputy.birthDate': '1972-05-14', 'deputy.education': '大学本科' }, { mapping });
    const by = Object.fromEntries(plan.steps.map((st) => [st.key, st]));
    expect(by['deputy.name']!.via).toBe('mapping');
    expect(by['deputy.birthDate']!.value).toEqual({ type: 'text', text: '1972-05' });
    expect(by['deputy.education']!.value).toMatchObject({ value: '21' });
    expect(plan.skipped.find((sk) => sk.label === '备注')?.reason).toBe('mapping-skip');
  });
  it('reads a page back into record values', () => {
    const s = scan(ctl('姓名', { value: '李秀英' }), ctl('性别', { kind: 'radio', value: '女性' }), ctl('出生日期', { kind: 'date', value: '1981年9月23日' }), ctl('当选时间', { kind: 'date', value: '2021-11' }), ctl('代表小组长', { kind: 'checkbox', value: true }));
    const r = readBackValues(ctx, s, { form: ctx.forms.get('deputy-profile')! });
    expect(r.values).toMatchObject({ 'deputy.name': '李秀英', 'deputy.gender': '女', 'deputy.birthDate': '1981-09-23', 'deputy.groupLeader': true });
    expect(r.partial).toEqual({ 'deputy.electedDate': '2021-11' });
  });
  it('lets autofill enter a cross-origin frame only when the mapping names it and it is an allowed portal', () => {
    const m = { id: 'x', title: 'x', match: ['https://oa.example.gov.cn/*', 'https://*.rd.example.gov.cn/*'], frames: [{ origin: 'https://oa.example.gov.cn' }, { origin: 'https://evil.example.com' }, { origin: 'https://a.rd.example.gov.cn' }] } as PortalMapping;
    expect(allowedFrameOrigins(m)).toEqual(['https://oa.example.gov.cn', 'https://a.rd.example.gov.cn']);
  });
});
