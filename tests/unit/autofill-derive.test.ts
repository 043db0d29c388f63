/**
 * Derived and combined values (单位及职务, counts, numbered lines, people joined, region levels,
 * the date of a date-time), the never-invent rule, the held-key rule, normalisation of labels
 * and plain words in plans — all on hand-made scans against the built-in packs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPaths } from '@lvzhi/shared/node';
import {
  buildAutofillContext, chineseNumber, deriveValue, formatDate, labelVariants, matchLabels, planFill, readBackValues,
  validatePack, validatePackSet, visibleLabel,
  type AutofillContext, type PackDefinition, type PortalMapping, type ScanResult, type ScannedControl,
} from '@lvzhi/shared';

const ROOT = join(import.meta.dirname, '..', '..');
let packs: PackDefinition[];
let ctx: AutofillContext;
beforeAll(async () => {
  const loaded = await loadPaths([join(ROOT, 'forms', 'packs')], ROOT);
  const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source })));
  expect(v.issues).toEqual([]);
  packs = v.packs;
  ctx = buildAutofillContext(packs);
});

let n = 0;
const ctl = (label: string, extra: Partial<ScannedControl> = {}): ScannedControl => ({ id: `c${n++}`, adapter: 'native', kind: 'text', labels: [{ source: 'table-cell', text: label }], frame: '', usable: true, ...extra });
const scan = (...controls: ScannedControl[]): ScanResult => ({ url: 'https://portal.example/x', controls, tables: [], refused: [] });
const textOf = (p: ReturnType<typeof planFill>, i = 0) => { const v = p.steps[i]?.value; return v?.type === 'text' ? v.text : undefined; };

describe('derivations in the dictionary', () => {
  it('joins two keys into 单位及职务, and never writes half of it', () => {
    const p = planFill(ctx, scan(ctl('单位及职务')), { 'deputy.workUnit': '青山镇人民政府', 'deputy.position': '镇长' });
    expect(textOf(p)).toBe('青山镇人民政府镇长');
    expect(p.steps[0]).toMatchObject({ label: '单位及职务', field: { label: '单位及职务', labelEn: 'Employer and position' } });
    // both stored keys count as placed
    expect(p.unplaced).toEqual([]);
    const half = planFill(ctx, scan(ctl('工作单位及职务')), { 'deputy.workUnit': '青山镇人民政府' });
    expect(half.steps).toEqual([]);
    expect(half.skipped[0]).toMatchObject({ reason: 'no-value', detail: '记录中没有“职务”' });
  });

  it('counts a people list (参加人数) and a table (缺席人数); nothing to count is skipped', () => {
    const p = planFill(ctx, scan(ctl('参加人数', { kind: 'number' }), ctl('缺席人数（人）')), {
      'inspection.deputies': [{ name: '王芳' }, { name: '李强' }, { name: '赵敏' }],
      'meeting.absent': [{ person: { name: '陈东' }, kind: '请假', reason: '出差' }, {}],
    });
    expect(p.steps.map((s) => s.value)).toEqual([{ type: 'text', text: '3' }, { type: 'text', text: '1' }]);
    const none = planFill(ctx, scan(ctl('参加人数', { kind: 'number' })), { 'inspection.deputies': [], 'inspection.subject': 'x' });
    expect(none.steps).toEqual([]);
  });

  it('writes a table into a text box as numbered lines, when the label is the table’s', () => {
    const values = { 'meeting.agenda': [{ topic: '审议年度预算' }, { topic: '听取工作报告', presenter: { name: '刘洋' } }] };
    const p = planFill(ctx, scan(ctl('会议议题', { kind: 'textarea' })), values);
    expect(textOf(p)).toBe('一、审议年度预算\n二、听取工作报告');
    expect(p.steps[0]!.key).toBe('meeting.agendaLines');
    expect(p.unplaced).toEqual([]);
    // the same table without its lines form is not a text
    const d = deriveValue(ctx, { lines: 'meeting.agenda', columns: ['topic', 'presenter'], numbering: '1.', separator: '——' }, values);
    expect(d).toEqual({ ok: true, value: '1.审议年度预算\n2.听取工作报告——刘洋', type: 'textarea' });
    expect(chineseNumber(11)).toBe('十一');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(100)).toBe('100');
  });

  it('joins people with 、 and two people lists into one (出席及列席人员)', () => {
    const values = { 'meeting.present': [{ name: '王芳' }, { name: '李强' }], 'meeting.attending': [{ name: '赵敏' }] };
    const p = planFill(ctx, scan(ctl('出席及列席人员'), ctl('联名代表名单')), { ...values, 'suggestion.coSigners': [{ name: '甲' }, { name: '乙' }] });
    expect(p.steps.map((s) => (s.value.type === 'text' ? s.value.text : ''))).toEqual(['王芳、李强、赵敏', '甲、乙']);
    expect(deriveValue(ctx, { people: 'meeting.present', separator: '，' }, values)).toMatchObject({ ok: true, value: '王芳，李强' });
  });

  it('gives a cascader the region level by level, the narrowest level first for its search', () => {
    const region = { 'org.county': '青山区', 'org.township': '河口镇' };
    const p = planFill(ctx, scan(ctl('所属区域', { kind: 'cascader' })), region);
    expect(p.steps[0]!.value).toEqual({ type: 'path', candidates: ['河口镇', '青山区'], levels: ['青山区', '河口镇'] });
    // a plain box takes the path written out
    expect(textOf(planFill(ctx, scan(ctl('所属区域')), region))).toBe('青山区河口镇');
    // a level the record lacks is left out, never guessed
    expect(deriveValue(ctx, { levels: ['org.county', 'org.township'] }, { 'org.township': '河口镇' })).toMatchObject({ ok: true, value: ['河口镇'] });
  });

  it('writes the date of a date-time into a date-only field', () => {
    const p = planFill(ctx, scan(ctl('会议日期', { kind: 'date', dateFormat: 'YYYY年M月D日' })), { 'meeting.startTime': '2024-04-08T09:30' });
    expect(textOf(p)).toBe('2024年4月8日');
    // the date-time key itself into a date-only control: the date part
    const q = planFill(ctx, scan(ctl('会议时间', { kind: 'date', inputType: 'date' })), { 'meeting.startTime': '2024-04-08T09:30' });
    expect(textOf(q)).toBe('2024-04-08');
  });

  it('takes derivations from a portal mapping field too', () => {
    const mapping: PortalMapping = { id: 'x', title: 'x', match: ['https://portal.example/*'], fields: [
      { locator: { label: '代表信息' }, derive: { join: ['deputy.name', 'deputy.position'], separator: '，' } },
    ] };
    const p = planFill(ctx, scan(ctl('代表信息')), { 'deputy.name': '王芳', 'deputy.position': '镇长' }, { mapping });
    expect(textOf(p)).toBe('王芳，镇长');
    expect(p.steps[0]!.via).toBe('mapping');
  });

  it('keeps a count the record stores, and derives it only when the record lacks it', () => {
    const people = [{ name: '甲' }, { name: '乙' }];
    expect(textOf(planFill(ctx, scan(ctl('附议人数', { kind: 'number' })), { 'suggestion.coSigners': people }))).toBe('2');
    expect(textOf(planFill(ctx, scan(ctl('附议人数', { kind: 'number' })), { 'suggestion.coSigners': people, 'suggestion.coSignerCount': 5 }))).toBe('5');
  });

  it('counts 联名人数 as the lead deputy and the co-signers, and never without the lead', () => {
    const people = [{ name: '甲' }, { name: '乙' }];
    const box = () => scan(ctl('联名人数', { kind: 'number' }));
    expect(textOf(planFill(ctx, box(), { 'suggestion.proposer': { name: '王芳' }, 'suggestion.coSigners': people }))).toBe('3');
    // a deputy alone: the empty co-signer list counts none beside the lead
    expect(textOf(planFill(ctx, box(), { 'suggestion.proposer': { name: '王芳' }, 'suggestion.coSigners': [] }))).toBe('1');
    // no lead deputy in the record: the total would be one short, so nothing is written
    const lacking = planFill(ctx, box(), { 'suggestion.coSigners': people });
    expect(lacking.steps).toEqual([]);
    expect(JSON.stringify(lacking.skipped)).toContain('领衔代表');
  });

  it('never reads a derived key back into a record', () => {
    const s = scan(ctl('单位及职务', { value: '青山镇人民政府镇长' }), ctl('参加人数', { value: '3' }));
    expect(readBackValues(ctx, s).values).toEqual({});
  });
});

describe('never invent a missing part', () => {
  it('does not write 00:00 for a time the record does not hold', () => {
    expect(formatDate('2024-04-08', 'YYYY-MM-DD HH:mm')).toBeUndefined();
    expect(formatDate('2024-04-08T09:05', 'YYYY-MM-DD')).toBe('2024-04-08');
    const mapping: PortalMapping = { id: 'x', title: 'x', match: ['https://portal.example/*'], fields: [
      { key: 'deputy.electedDate', locator: { label: '当选时间' }, transform: { dateFormat: 'YYYY-MM-DD HH:mm' } },
    ] };
    for (const kind of ['date', 'text'] as const) {
      const p = planFill(ctx, scan(ctl('当选时间', { kind })), { 'deputy.electedDate': '2021-10-15' }, { mapping });
      expect(p.steps).toEqual([]);
      expect(p.skipped[0]).toMatchObject({ reason: 'missing-part', detail: '记录没有时间部分，门户要求填写时间' });
      expect(JSON.stringify(p)).not.toContain('00:00');
    }
    // a datetime-local input asks for a time as well
    const q = planFill(ctx, scan(ctl('当选时间', { kind: 'datetime', inputType: 'datetime-local' })), { 'deputy.electedDate': '2021-10-15' });
    expect(q.skipped[0]!.reason).toBe('missing-part');
  });
});

describe('labels', () => {
  it('prefers the key the record holds when the label names one it lacks', () => {
    // 联系电话 is deputy.phone's label; the record holds only the mobile: the placeholder decides
    const c = ctl('联系电话', { labels: [{ source: 'label-for', text: '联系电话' }, { source: 'placeholder', text: '请输入手机号码' }] });
    const p = planFill(ctx, scan(c), { 'deputy.mobile': '13800001111' });
    expect(p.steps[0]).toMatchObject({ key: 'deputy.mobile', sensitive: true });
    // a label that is deputy.phone's label and deputy.mobile's synonym: the held key wins, and
    // with both held the label's own key wins
    const pack = {
      id: 'test.held', version: '1.0.0', title: '测试',
      dictionary: [
        { key: 'person.phone', type: 'phone', label: '联系电话' },
        { key: 'person.mobile', type: 'phone', label: '手机号码', synonyms: ['联系电话'] },
      ],
    };
    expect(validatePack(pack).issues).toEqual([]);
    const c2 = buildAutofillContext([pack as PackDefinition]);
    expect(matchLabels(c2, [{ source: 'label-for', text: '联系电话' }], new Set(['person.mobile']))).toMatchObject({ kind: 'match', key: 'person.mobile' });
    expect(matchLabels(c2, [{ source: 'label-for', text: '联系电话' }], new Set(['person.mobile', 'person.phone']))).toMatchObject({ kind: 'match', key: 'person.phone' });
    // two synonyms of one namespace still clash
    const clash = { ...pack, dictionary: [{ key: 'person.a', type: 'text', label: '甲', synonyms: ['同名'] }, { key: 'person.b', type: 'text', label: '乙', synonyms: ['同名'] }] };
    expect(validatePack(clash).issues.map((i) => i.code)).toContain('ambiguous-synonym');
  });

  it('takes the one ID number the record holds for a generic ID label of another form\'s key', () => {
    // 证件号码 is a synonym of the deputy's 公民身份号码; a visit record holds the visitor's number
    expect(matchLabels(ctx, [{ source: 'label-for', text: '证件号码' }], new Set(['letter.idNumber', 'letter.phone']))).toMatchObject({ kind: 'match', key: 'letter.idNumber' });
    // the record holds none: reported as lacking, with the key the label names
    expect(matchLabels(ctx, [{ source: 'label-for', text: '证件号码' }], new Set(['letter.phone']))).toMatchObject({ kind: 'none', keys: ['deputy.idNumber'] });
    // phones are not one per record (mobile, landline, the unit's): a lacking phone label never takes another phone key
    expect(matchLabels(ctx, [{ source: 'label-for', text: '住宅电话' }], new Set(['letter.phone']))).toMatchObject({ kind: 'none' });
  });

  it('reads 信访 as 来信/来访 and an office as its 单位 or 部门, after the label\'s own forms', () => {
    expect(labelVariants('信访日期')).toEqual(expect.arrayContaining(['来访日期', '来信日期']));
    expect(matchLabels(ctx, [{ source: 'label-for', text: '信访日期' }], new Set(['letter.date']))).toMatchObject({ kind: 'match', key: 'letter.date' });
    expect(matchLabels(ctx, [{ source: 'label-for', text: '转送单位' }], new Set(['letter.forwardedTo']))).toMatchObject({ kind: 'match', key: 'letter.forwardedTo' });
    // the label's own form first: a key named exactly by it is not displaced by a family word
    expect(labelVariants('承办单位').indexOf('承办单位')).toBeLessThan(labelVariants('承办单位').indexOf('承办部门'));
  });

  it('normalises width, 的/之, required and unit notes', () => {
    expect(labelVariants('代表的姓名')).toContain('代表姓名');
    expect(labelVariants('联系电话(选填)')).toContain('联系电话');
    expect(labelVariants('附议人数（人）')).toContain('附议人数');
    expect(labelVariants('ＡＢＣ姓名')).toContain('abc姓名');
    expect(matchLabels(ctx, [{ source: 'table-cell', text: '人大代表之姓名' }])).toMatchObject({ kind: 'match', key: 'deputy.name' });
    // 存在 in front names no field: 存在问题及原因 is the suggestion's 问题及原因 (its 情况 and 分析,
    // as the published format of a suggestion has them: 情况, 分析, 建议)
    expect(labelVariants('存在的问题')).toContain('问题');
    expect(labelVariants('存在问题及原因')).toContain('问题原因');
    expect(matchLabels(ctx, [{ source: 'form-item', text: '存在问题及原因' }], new Set(['suggestion.reason', 'suggestion.content']))).toMatchObject({ kind: 'match', key: 'suggestion.reason' });
    expect(matchLabels(ctx, [{ source: 'form-item', text: '情况分析' }], new Set(['suggestion.reason']))).toMatchObject({ kind: 'match', key: 'suggestion.reason' });
    // 主要 before what was said says which part matters, not which field; 主要负责人 keeps it
    expect(labelVariants('来访人反映的主要内容')).toContain('来访人反映内容');
    expect(matchLabels(ctx, [{ source: 'form-item', text: '来访主要内容' }], new Set(['letter.content']))).toMatchObject({ kind: 'match', key: 'letter.content' });
    expect(labelVariants('单位主要负责人')).not.toContain('单位负责人');
    // 时段 is 时间段 shortened, either way
    expect(labelVariants('办理时段')).toContain('办理时间段');
    expect(labelVariants('接访时间段')).toContain('接访时段');
    // a word that only begins like it is left alone
    expect(labelVariants('存在性说明')).not.toContain('性说明');
    expect(visibleLabel('*姓名：')).toBe('姓名');
    expect(visibleLabel(' ＊ 联系电话:: ')).toBe('联系电话');
  });
});

describe('plain words in plans', () => {
  it('never shows keys, names or scan ids in labels and reasons', () => {
    const p = planFill(ctx, {
      url: 'x', tables: [], refused: [{ what: 'https://other.example', reason: 'cross-origin' }],
      controls: [
        ctl('联系电话：', { name: 'ctl00$ContentPlaceHolder1$txtLXDH' }),
        { id: 'c90', adapter: 'native', kind: 'radio', labels: [], name: 'ctl00$main$rblSFLR', frame: '', usable: true },
        ctl('意见和建议'),
        ctl('公民身份号码', { usable: false, unusableReason: 'covered' }),
        ctl('审核意见'),
      ],
    }, { 'deputy.name': '王芳', 'appraisal.comments': '好', 'inspection.opinions': '好' });
    const shown = p.skipped.map((s) => `${s.label}：${s.detail}`).join('\n');
    for (const bad of ['deputy.', 'letter.', 'appraisal.', 'inspection.', 'ctl00', 'rblSFLR', 'c90', '：：', 'covered', 'cross-origin']) expect(shown).not.toContain(bad);
    expect(shown).toContain('联系电话：记录中没有“联系电话”');
    expect(shown).toContain('无标签的单选项：找不到这个控件的标签');
    expect(shown).toContain('意见和建议：记录中有 2 项都叫“意见和建议”，无法确定填哪一项');
    expect(shown).toContain('公民身份号码：控件被其他内容遮住');
    expect(p.skipped.every((s) => s.detailEn && !/deputy\.|ctl00/.test(s.detailEn))).toBe(true);
    // the internals stay available to code
    expect(p.skipped.find((s) => s.name === 'ctl00$main$rblSFLR')?.control).toBe('c90');
    expect(p.skipped.find((s) => s.reason === 'ambiguous')?.candidates).toEqual(['appraisal.comments', 'inspection.opinions']);
  });
});

describe('the derivation format', () => {
  const base = { id: 'test.derive', version: '1.0.0', title: '测试' };
  const codes = (dictionary: unknown[], extra: object = {}) => validatePack({ ...base, dictionary, ...extra }).issues.map((i) => `${i.code}@${i.path.join('.')}`);
  it('reports unknown, chained and mistyped sources and wrong result types, located', () => {
    const stored = [{ key: 'a.list', type: 'people', label: '名单' }, { key: 'a.name', type: 'text', label: '名称' }, { key: 'a.rows', type: 'table', label: '表' }];
    expect(codes([...stored, { key: 'a.count', type: 'number', label: '人数', derive: { count: 'a.list' } }])).toEqual([]);
    expect(codes([...stored, { key: 'a.count', type: 'number', label: '人数', derive: { count: 'a.missing' } }])).toEqual(['unknown-reference@dictionary.3.derive.count']);
    expect(codes([...stored, { key: 'a.count', type: 'number', label: '人数', derive: { count: 'a.name' } }])).toEqual(['derive-source@dictionary.3.derive.count']);
    expect(codes([...stored, { key: 'a.count', type: 'text', label: '人数', derive: { count: 'a.list' } }])).toEqual(['derive-type@dictionary.3.type']);
    expect(codes([...stored, { key: 'a.j', type: 'text', label: '甲', derive: { join: ['a.name', 'a.k'] } }, { key: 'a.k', type: 'text', label: '乙', derive: { join: ['a.name', 'a.name'] } }]))
      .toEqual(['derive-chain@dictionary.3.derive.join.1']);
    expect(codes([...stored, { key: 'a.l', type: 'textarea', label: '行', derive: { lines: 'a.rows', columns: ['x'], numbering: 'I.' } }]).length).toBeGreaterThan(0);
    // a form may store a key that has a derivation (the stored value wins), but not read a table's unknown column
    const form = { id: 'f', title: '表', category: 'other', version: 1, sections: [{ id: 's', title: '节', fields: [
      { id: 'n', type: 'number', label: '人数', bind: 'a.count' },
      { id: 't', type: 'table', label: '表', bind: 'a.rows', columns: [{ id: 'x', type: 'text', label: '列' }] },
    ] }] };
    expect(codes([...stored, { key: 'a.count', type: 'number', label: '人数', derive: { count: 'a.list' } }], { forms: [form] })).toEqual([]);
    expect(codes([...stored, { key: 'a.count', type: 'number', label: '人数' }, { key: 'a.l', type: 'textarea', label: '行', derive: { lines: 'a.rows', columns: ['x', 'y'] } }], { forms: [form] }))
      .toEqual(['unknown-reference@dictionary.4.derive.columns.1']);
  });
});
