/**
 * A rating matrix (分项测评: a mark per criterion) planned criterion by criterion, on hand-made
 * scans: portals ask each criterion in a control of its own, labelled with the criterion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import { buildAutofillContext, dictionaryView, planFill, readBackValues, validatePackSet, type AutofillContext, type FormDefinition, type PackDefinition, type ScanResult, type ScannedControl } from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let ctx: AutofillContext;
let form: FormDefinition;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const packs: PackDefinition[] = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
  ctx = buildAutofillContext(packs);
  form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'appraisal-survey')!;
});

let n = 0;
const GRADES = [['A', '优秀'], ['B', '良好'], ['C', '一般'], ['D', '较差'], ['E', '差']].map(([value, text]) => ({ value: value!, text: text! }));
const ctl = (label: string, extra: Partial<ScannedControl> = {}, withOptions = true): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'radio', labels: [{ source: 'table-cell', text: label }], frame: '', usable: true, ...(withOptions ? { options: GRADES } : {}), ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/pingyi', controls, tables: [], refused: [] });
const ratings = { lawfulAdministration: 5, serviceAttitude: 4, efficiency: 3, integrity: 5 };

describe('autofill: a rating matrix, criterion by criterion', () => {
  it('gives each control labelled with a criterion that criterion’s mark, in the control’s own options', () => {
    const values = dictionaryView(form, { unit: '财政所', ratings });
    expect(values['appraisal.ratings']).toEqual(ratings);
    const plan = planFill(ctx, scan(ctl('依法行政'), ctl('服务态度：'), ctl('办事效率', { kind: 'select', adapter: 'native' }), ctl('廉洁自律', { kind: 'number' }, false)), values, { form });
    const by = Object.fromEntries(plan.steps.map((s) => [s.label, s]));
    expect(by['依法行政']?.value).toEqual({ type: 'option', value: 'A', candidates: expect.arrayContaining(['优秀']) });
    expect(by['服务态度']?.display).toBe('良好');
    expect(by['办事效率']?.display).toBe('一般');
    // a number box takes the scale's value
    expect(by['廉洁自律']?.value).toEqual({ type: 'text', text: '5' });
    expect(plan.steps.every((s) => s.key === 'appraisal.ratings')).toBe(true);
    expect(by['依法行政']?.field).toEqual({ label: '依法行政', labelEn: 'Acting within the law' });
    expect(plan.unplaced).not.toContain('ratings');
  });

  it('skips a criterion the record has no mark for, and never guesses a grade the portal lacks', () => {
    const values = dictionaryView(form, { ratings });
    const plan = planFill(ctx, scan(ctl('整改落实'), ctl('依法行政', { options: [{ value: '1', text: '满意' }, { value: '2', text: '不满意' }] })), values, { form });
    expect(plan.steps).toEqual([]);
    expect(plan.skipped.find((s) => s.label === '整改落实')).toMatchObject({ reason: 'no-value' });
    expect(plan.skipped.find((s) => s.label === '依法行政')).toMatchObject({ reason: 'no-option' });
  });

  it('writes nothing into a single box labelled with the matrix itself, and nothing when the record holds no matrix', () => {
    const plan = planFill(ctx, scan(ctl('分项测评', { kind: 'text' }, false)), dictionaryView(form, { ratings }), { form });
    expect(plan.steps).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: 'unsupported' });
    const none = planFill(ctx, scan(ctl('依法行政')), dictionaryView(form, { unit: '财政所' }), { form });
    expect(none.steps).toEqual([]);
    expect(none.skipped[0]).toMatchObject({ reason: 'no-match' });
  });

  it('reads the marks back from the page, criterion by criterion (capture)', () => {
    const page = scan(ctl('依法行政', { value: '优秀' }), ctl('服务态度', { value: '良好' }), ctl('廉洁自律', { kind: 'number', value: '5' }, false), ctl('整改落实', { value: null }));
    const back = readBackValues(ctx, page, { form });
    expect(back.values['appraisal.ratings']).toEqual({ lawfulAdministration: 5, serviceAttitude: 4, integrity: 5 });
  });
});

describe('autofill: a table’s columns by their headers', () => {
  it('matches headers that say more than the form’s column labels (议题名称, 汇报人姓名), never a column two headers could be', async () => {
    const { validatePackSet: v } = await import('@lvzhi/shared');
    const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
    const meeting = v(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'presidium-monthly')!;
    const values = dictionaryView(meeting, { agenda: [{ topic: '通报上半年工作', presenter: { name: '黄立新' } }] });
    const table = { id: 't0', labels: [{ source: 'form-item' as const, text: '会议议题' }], columns: ['序号', '议题名称', '汇报人姓名', '议题备注', '操作'], rows: 0, canAddRow: true, frame: '' };
    const plan = planFill(ctx, { url: 'https://oa.example/hy', controls: [], tables: [table], refused: [] }, values, { form: meeting });
    // 议题名称 and 议题备注 both contain 议题: neither is guessed
    expect(plan.tables[0]?.rows).toEqual([{ 汇报人姓名: { type: 'text', text: '黄立新' } }]);
    const plain = planFill(ctx, { url: 'https://oa.example/hy', controls: [], tables: [{ ...table, columns: ['序号', '议题名称', '汇报人姓名', '操作'] }], refused: [] }, values, { form: meeting });
    expect(plain.tables[0]?.rows).toEqual([{ 议题名称: { type: 'text', text: '通报上半年工作' }, 汇报人姓名: { type: 'text', text: '黄立新' } }]);
    // a header naming the row's content (议程内容) is the list's first text column; two such headers name none
    const content = planFill(ctx, { url: 'https://oa.example/hy', controls: [], tables: [{ ...table, columns: ['序号', '议程内容', '汇报人', '操作'] }], refused: [] }, values, { form: meeting });
    expect(content.tables[0]?.rows).toEqual([{ 议程内容: { type: 'text', text: '通报上半年工作' }, 汇报人: { type: 'text', text: '黄立新' } }]);
    const two = planFill(ctx, { url: 'https://oa.example/hy', controls: [], tables: [{ ...table, columns: ['议程内容', '汇报内容', '汇报人'] }], refused: [] }, values, { form: meeting });
    expect(two.tables[0]?.rows).toEqual([{ 汇报人: { type: 'text', text: '黄立新' } }]);
  });
  it('offers a choice column the synonyms of its option set (整改状态 已整改 = 整改到位)', async () => {
    const { validatePackSet: v } = await import('@lvzhi/shared');
    const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
    const form = v(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'inspection')!;
    const values = dictionaryView(form, { problems: [{ problem: '灭火器过期', status: '已整改' }] });
    const table = { id: 't0', labels: [{ source: 'form-item' as const, text: '发现问题' }], columns: ['问题描述', '整改状态'], rows: 0, canAddRow: true, frame: '' };
    const plan = planFill(ctx, { url: 'https://oa.example/sc', controls: [], tables: [table], refused: [] }, values, { form });
    expect(plan.tables[0]?.rows[0]?.['整改状态']).toMatchObject({ type: 'option', candidates: expect.arrayContaining(['已整改', '整改到位']) });
    // the usual triple of a rectification list is 未整改 / 整改中 / 已整改: 待整改 is 未整改
    const open = planFill(ctx, { url: 'https://oa.example/sc', controls: [], tables: [table], refused: [] }, dictionaryView(form, { problems: [{ problem: '消防通道堵塞', status: '待整改' }] }), { form });
    expect(open.tables[0]?.rows[0]?.['整改状态']).toMatchObject({ type: 'option', candidates: expect.arrayContaining(['待整改', '未整改']) });
  });
  it('reads a header without the joining 和 as the column (意见建议 = 意见和建议)', async () => {
    const { validatePackSet: v } = await import('@lvzhi/shared');
    const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
    const form = v(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs.flatMap((p) => p.forms ?? []).find((f) => f.id === 'party-committee-enlarged')!;
    const values = dictionaryView(form, { deputyOpinions: [{ deputy: { name: '陈志强' }, opinion: '优先安排破损路段', adopted: '采纳' }] });
    const table = { id: 't0', labels: [{ source: 'form-item' as const, text: '列席代表意见建议' }], columns: ['代表', '意见建议'], rows: 0, canAddRow: true, frame: '' };
    const plan = planFill(ctx, { url: 'https://oa.example/hy', controls: [], tables: [table], refused: [] }, values, { form });
    expect(plan.tables[0]?.rows[0]?.['意见建议']).toEqual({ type: 'text', text: '优先安排破损路段' });
  });
});
