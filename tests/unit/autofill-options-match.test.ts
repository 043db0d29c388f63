/**
 * A generic label (类别, 类型, 种类…) or one naming several held keys: the key is the held one
 * whose option set contains the options the control shows. Hand-made scans against the built-in
 * packs and a small pack of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import {
  buildAutofillContext, isGenericLabel, keyByOptions, planFill, validatePackSet,
  type AutofillContext, type PackDefinition, type ScanResult, type ScannedControl,
} from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  ctx = buildAutofillContext(v.packs);
});

let n = 0;
const opts = (...texts: string[]) => texts.map((t, i) => ({ value: String(i + 1), text: t }));
const choice = (label: string, options: ReturnType<typeof opts>, extra: Partial<ScannedControl> = {}): ScannedControl =>
  ({ id: `c${n++}`, adapter: 'native', kind: 'radio', labels: [{ source: 'form-item', text: label }], options, frame: '', usable: true, ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/x', controls, tables: [], refused: [] });

describe('generic labels decided by the options', () => {
  it('knows the words that name no field by themselves', () => {
    for (const l of ['类别', '类型：', '*种类', '所属类别', '分类', '性质']) expect(isGenericLabel(l), l).toBe(true);
    for (const l of ['测评人类别', '建议类型', '问题类别', '会议类型', '姓名']) expect(isGenericLabel(l), l).toBe(false);
  });

  it('gives 类别 with 建议/批评/意见 to the suggestion’s type the record holds, not to the key whose synonym 类别 is', () => {
    const values = { 'suggestion.type': '建议', 'suggestion.title': '关于增设路灯的建议' };
    const p = planFill(ctx, scan(choice('类别', opts('建议', '批评', '意见'))), values);
    expect(p.steps.map((s) => [s.key, s.via, s.value])).toEqual([['suggestion.type', 'options', { type: 'option', value: '1', candidates: ['建议', '建议', '代表建议', '意见建议'] }]]);
    // the same words as a select, and with a prompt entry first
    const sel = planFill(ctx, scan(choice('种类', opts('--请选择--', '议案', '建议', '批评', '意见'), { kind: 'select' })), values);
    expect(sel.steps.map((s) => [s.key, s.display])).toEqual([['suggestion.type', '建议']]);
  });

  it('picks among several held keys by whose list the options belong to', () => {
    const values = { 'suggestion.type': '批评', 'suggestion.category': '交通道路', 'suggestion.handlingMode': '会办' };
    const p = planFill(ctx, scan(
      choice('类型', opts('单独办理', '主办协办', '会办', '分办')),
      choice('类别', opts('经济发展', '交通道路', '教科文卫', '其他'), { kind: 'select' }),
    ), values);
    expect(p.steps.map((s) => [s.label, s.key, s.display])).toEqual([['类型', 'suggestion.handlingMode', '会办'], ['类别', 'suggestion.category', '交通道路']]);
  });

  it('decides nothing when the options fit no held key, fit two, or are one lone option', () => {
    const values = { 'suggestion.type': '建议' };
    // options the record's keys do not list: the label's own answer stands (no key held → skipped)
    const none = planFill(ctx, scan(choice('类别', opts('人大代表', '群众代表'))), values);
    expect(none.steps).toEqual([]);
    expect(none.skipped[0]!.reason).toBe('no-value');
    // a lone radio 建议 proves nothing
    expect(keyByOptions(ctx, choice('类别', opts('建议')), ['suggestion.type'])).toBeUndefined();
    // 满意/基本满意/不满意 is the list of two held keys: no guess
    expect(keyByOptions(ctx, choice('类别', opts('满意', '基本满意', '不满意')), ['suggestion.satisfaction', 'letter.satisfaction'])).toBeUndefined();
    // a label that names a field keeps its own key even where options would point elsewhere
    const named = planFill(ctx, scan(choice('测评人类别', opts('建议', '批评', '意见'))), values);
    expect(named.steps).toEqual([]);
  });

  it('resolves a label that names two held keys by their option sets', () => {
    const pack = {
      id: 'test.options', version: '1.0.0', title: '测试',
      optionSets: [
        { id: 'road', options: [{ value: '在建' }, { value: '竣工' }] },
        { id: 'case', options: [{ value: '受理' }, { value: '办结' }] },
      ],
      dictionary: [
        { key: 'a.road', type: 'enum', label: '道路状态', labelEn: 'Road', synonyms: ['状态'], optionSet: 'road' },
        { key: 'b.case', type: 'enum', label: '案件状态', labelEn: 'Case', synonyms: ['状态'], optionSet: 'case' },
      ],
    } as unknown as PackDefinition;
    const own = buildAutofillContext([pack]);
    const p = planFill(own, scan(choice('状态', opts('受理', '办结'))), { 'a.road': '竣工', 'b.case': '办结' });
    expect(p.steps.map((s) => [s.key, s.display, s.via])).toEqual([['b.case', '办结', 'options']]);
    // the same label with options of neither: still ambiguous, and said so
    const q = planFill(own, scan(choice('状态', opts('甲', '乙'))), { 'a.road': '竣工', 'b.case': '办结' });
    expect(q.skipped[0]).toMatchObject({ reason: 'ambiguous', candidates: ['a.road', 'b.case'] });
  });
});

describe('a motion’s words for its subject area', () => {
  it('gives 议案类别 / 议案分类 to the motion’s subject area (内容分类), not to its kind', () => {
    for (const label of ['议案类别', '议案分类', '建议类别']) {
      const p = planFill(ctx, scan(choice(label, opts('经济发展', '生态环境', '其他'), { kind: 'select' })), { 'suggestion.category': '生态环境', 'suggestion.type': '议案' });
      expect(p.steps.map((s) => [s.key, s.display]), label).toEqual([['suggestion.category', '生态环境']]);
    }
  });
});
