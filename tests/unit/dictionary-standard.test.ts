/**
 * The standard dictionary of the built-in packs (forms/packs/common/dictionary, sources in
 * SOURCES.md there): every record kind holds the fields real registration forms and portals ask
 * for, under the labels they use; option sets carry the national-standard codes; every key can
 * be held by a built-in form and the examples stay valid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BINDABLE, evaluate, normalizeLabel, packSchema, validateRecord,
  type DictionaryEntry, type FieldDefinition, type FormDefinition, type LvzhiRecord, type OptionSet, type PackDefinition,
} from '@lvzhi/shared';
import { loadPaths, validateFiles } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const loaded = await loadPaths(['forms/packs'], ROOT);
const packs: PackDefinition[] = loaded.documents.filter((d) => d.kind === 'pack').map((d) => packSchema.parse(d.json));
const dictionary: DictionaryEntry[] = packs.flatMap((p) => p.dictionary ?? []);
const forms: FormDefinition[] = packs.flatMap((p) => p.forms ?? []);
const optionSets: OptionSet[] = packs.flatMap((p) => p.optionSets ?? []);
const entry = (key: string) => dictionary.find((e) => e.key === key);
const set = (id: string): OptionSet => {
  const s = optionSets.find((x) => x.id === id);
  if (!s) throw new Error(`no option set ${id}`);
  return s;
};
const fields = (f: FormDefinition): FieldDefinition[] => f.sections.flatMap((s) => s.fields);
const bindOf = (f: FieldDefinition): string | undefined => ('bind' in f ? f.bind : undefined);
const namespace = (key: string) => key.slice(0, key.indexOf('.'));
const HAN = /\p{Script=Han}/u;

/** Every label a key answers to, normalised the way autofill compares labels. */
const labelsOf = (e: DictionaryEntry) => [e.label, ...(e.synonyms ?? [])].map(normalizeLabel);

/**
 * The key of `ns` that a portal label resolves to on a single-value control; undefined when none,
 * an error when several. Periods (daterange, 会议起止时间) go only into range pickers, so they
 * may share a label with the single key (会议时间).
 */
function resolve(ns: string, label: string): string | undefined {
  const n = normalizeLabel(label);
  const owners = dictionary.filter((e) => namespace(e.key) === ns && e.type !== 'daterange' && labelsOf(e).includes(n)).map((e) => e.key);
  if (owners.length > 1) throw new Error(`${label} belongs to ${owners.join(', ')}`);
  return owners[0];
}

/**
 * Labels two keys of one record (form) deliberately share, with the reason. Empty today: a new
 * entry here must say why autofill can still tell the keys apart.
 */
const SHARED_LABELS: Record<string, string> = {};

describe('dictionary entries', () => {
  it('has a Chinese label and an English labelEn for every key', () => {
    expect(dictionary.length).toBeGreaterThan(200);
    for (const e of dictionary) {
      expect(HAN.test(e.label), `${e.key}: ${e.label}`).toBe(true);
      expect(e.labelEn?.trim(), e.key).toBeTruthy();
      expect(HAN.test(e.labelEn!), `${e.key}: labelEn ${e.labelEn}`).toBe(false);
    }
  });

  it('marks every ID number and phone key sensitive, in every pack', () => {
    const personal = dictionary.filter((e) => e.type === 'idcard' || e.type === 'phone');
    expect(personal.map((e) => e.key)).toEqual(expect.arrayContaining(['deputy.idNumber', 'deputy.mobile', 'deputy.phone', 'deputy.homePhone', 'letter.idNumber', 'letter.phone', 'suggestion.proposerPhone']));
    for (const e of personal) expect(e.sensitive, e.key).toBe(true);
  });

  it('gives enum keys an existing option set with codes unique within it', () => {
    for (const e of dictionary.filter((x) => x.optionSet)) expect(() => set(e.optionSet!), e.key).not.toThrow();
    for (const s of optionSets) {
      const codes = s.options.map((o) => o.code).filter((c) => c !== undefined);
      expect(new Set(codes).size, s.id).toBe(codes.length);
    }
  });

  it('gives every enum key its options: an option set, or options on each form field bound to it (a computed 会议类型 has none of its own)', () => {
    for (const e of dictionary.filter((x) => x.type === 'enum' && !x.optionSet)) {
      for (const f of forms) {
        for (const x of fields(f).filter((y) => (y as { bind?: string }).bind === e.key)) {
          const y = x as { options?: unknown[]; optionSet?: string };
          expect(!!y.optionSet || (y.options?.length ?? 0) > 0, `${f.id}.${x.id} binds ${e.key}`).toBe(true);
        }
      }
    }
  });

  it('lets no label name two keys that one form holds', () => {
    for (const f of forms) {
      const keys = [...new Set(fields(f).map(bindOf).filter((k): k is string => !!k))];
      const owner = new Map<string, string>();
      for (const key of keys) {
        for (const label of labelsOf(entry(key)!)) {
          const other = owner.get(label);
          if (other && other !== key && !(label in SHARED_LABELS)) throw new Error(`${f.id}: "${label}" names both ${other} and ${key}`);
          owner.set(label, key);
        }
      }
    }
  });

  it('keeps a mobile, a landline and an ID number apart under their usual labels', () => {
    for (const l of ['手机', '手机号', '手机号码', '移动电话', '手　　机']) expect(resolve('deputy', l), l).toBe('deputy.mobile');
    for (const l of ['联系电话', '办公电话', '固定电话', '电话']) expect(resolve('deputy', l), l).toBe('deputy.phone');
    for (const l of ['住宅电话', '家庭电话']) expect(resolve('deputy', l), l).toBe('deputy.homePhone');
    for (const l of ['身份证号', '公民身份号码', '证件号码', '身份证号码']) expect(resolve('deputy', l), l).toBe('deputy.idNumber');
    expect(entry('deputy.mobile')?.type).toBe('phone');
    expect(entry('deputy.idNumber')?.type).toBe('idcard');
  });
});

/** What the registration forms of each record kind ask for, by the labels they print. */
const EXPECTED: Record<string, [string, string][]> = {
  deputy: [
    ['姓名', 'deputy.name'], ['曾用名', 'deputy.formerName'], ['性别', 'deputy.gender'], ['出生年月', 'deputy.birthDate'],
    ['籍贯', 'deputy.nativePlace'], ['出生地', 'deputy.birthPlace'], ['民族', 'deputy.ethnicity'], ['政治面貌', 'deputy.politicalStatus'],
    ['入党时间', 'deputy.joinPartyDate'], ['参加工作时间', 'deputy.workStartDate'], ['文化程度', 'deputy.education'], ['学历', 'deputy.education'],
    ['学位', 'deputy.degree'], ['在职教育', 'deputy.inServiceEducation'], ['毕业院校', 'deputy.graduateSchool'], ['所学专业', 'deputy.major'],
    ['专业技术职务', 'deputy.professionalTitle'], ['职称', 'deputy.professionalTitle'], ['工作单位', 'deputy.workUnit'], ['职务', 'deputy.position'],
    ['单位地址', 'deputy.workAddress'], ['通讯地址', 'deputy.address'], ['邮政编码', 'deputy.postcode'], ['电子邮箱', 'deputy.email'],
    ['代表证号', 'deputy.cardNumber'], ['代表届次', 'deputy.term'], ['当选时间', 'deputy.electedDate'], ['选区', 'deputy.district'],
    ['所属代表团', 'deputy.delegation'], ['代表小组', 'deputy.group'], ['代表小组长', 'deputy.groupLeader'], ['代表层级', 'deputy.level'],
    ['代表构成', 'deputy.composition'], ['是否连任', 'deputy.reElected'], ['所属行业', 'deputy.industry'], ['专业特长', 'deputy.expertise'],
    ['职业', 'deputy.occupation'], ['户籍所在地', 'deputy.householdAddress'], ['代表联络站', 'deputy.liaisonStation'], ['个人简历', 'deputy.resume'],
  ],
  suggestion: [
    ['建议编号', 'suggestion.number'], ['标题', 'suggestion.title'], ['案由', 'suggestion.title'], ['分类', 'suggestion.category'],
    ['届次', 'suggestion.term'], ['提出时间段', 'suggestion.period'], ['提出日期', 'suggestion.submitDate'], ['领衔代表', 'suggestion.proposer'],
    ['附议代表', 'suggestion.coSigners'], ['联名代表', 'suggestion.coSigners'], ['联名人数', 'suggestion.signerTotal'], ['附议人数', 'suggestion.coSignerCount'], ['代表团', 'suggestion.delegation'],
    ['联系电话', 'suggestion.proposerPhone'], ['通讯地址', 'suggestion.proposerAddress'], ['建议内容', 'suggestion.content'], ['理由', 'suggestion.reason'],
    ['办理方式', 'suggestion.handlingMode'], ['主办单位', 'suggestion.handlingUnit'], ['协办单位', 'suggestion.coHandlingUnits'], ['交办日期', 'suggestion.assignDate'],
    ['办理期限', 'suggestion.dueDate'], ['答复日期', 'suggestion.replyDate'], ['答复类别', 'suggestion.result'], ['公开意见', 'suggestion.disclosure'],
    ['满意度', 'suggestion.satisfaction'], ['是否重点建议', 'suggestion.isKey'], ['督办领导', 'suggestion.supervisingLeader'], ['沟通方式', 'suggestion.communication'],
    ['签发人', 'suggestion.signer'],
  ],
  inspection: [
    ['视察主题', 'inspection.subject'], ['视察类型', 'inspection.type'], ['开始时间', 'inspection.startTime'], ['结束时间', 'inspection.endTime'],
    ['地点', 'inspection.place'], ['组织单位', 'inspection.organiser'], ['带队领导', 'inspection.leader'], ['参加代表', 'inspection.deputies'],
    ['参加人数', 'inspection.deputyCount'], ['被视察单位', 'inspection.units'], ['听取汇报', 'inspection.reportsHeard'], ['发现问题', 'inspection.problems'],
    ['意见建议', 'inspection.opinions'], ['整改期限', 'inspection.rectificationDeadline'], ['整改情况', 'inspection.rectificationResult'], ['跟踪督办', 'inspection.followUp'],
    ['视察方式', 'inspection.methods'], ['视察报告', 'inspection.report'],
  ],
  appraisal: [
    ['评议对象', 'appraisal.unit'], ['评议方式', 'appraisal.method'], ['测评时间', 'appraisal.date'], ['参评人数', 'appraisal.participantCount'],
    ['满意票数', 'appraisal.satisfiedVotes'], ['基本满意票数', 'appraisal.basicallySatisfiedVotes'], ['不满意票数', 'appraisal.dissatisfiedVotes'],
    ['满意率', 'appraisal.satisfactionRate'], ['得分', 'appraisal.score'], ['等次', 'appraisal.grade'], ['整改意见条数', 'appraisal.rectificationCount'],
  ],
  meeting: [
    ['会议名称', 'meeting.title'], ['会议类型', 'meeting.type'], ['届次', 'meeting.sessionName'], ['会议时间', 'meeting.startTime'],
    ['会议地点', 'meeting.place'], ['主持人', 'meeting.host'], ['应到人数', 'meeting.expectedCount'], ['实到人数', 'meeting.presentCount'],
    ['列席人数', 'meeting.attendingCount'], ['缺席人数', 'meeting.absentCount'], ['缺席人员及原因', 'meeting.absent'], ['记录人', 'meeting.recorder'],
    ['议题', 'meeting.agenda'], ['参会人员', 'meeting.present'],
  ],
  letter: [
    ['登记编号', 'letter.number'], ['信访形式', 'letter.kind'], ['来访日期', 'letter.date'], ['信访人姓名', 'letter.name'],
    ['性别', 'letter.gender'], ['身份证号', 'letter.idNumber'], ['联系电话', 'letter.phone'], ['住址', 'letter.address'],
    ['工作单位', 'letter.workUnit'], ['来访人数', 'letter.visitorCount'], ['反映问题类别', 'letter.category'], ['问题内容', 'letter.content'],
    ['诉求', 'letter.content'], ['信访目的', 'letter.purpose'], ['涉及地区', 'letter.region'], ['是否集体访', 'letter.isCollective'],
    ['是否重复访', 'letter.isRepeat'], ['处理方式', 'letter.handling'], ['拟办意见', 'letter.proposedHandling'], ['领导批示', 'letter.leaderInstruction'],
    ['转交单位', 'letter.forwardedTo'], ['办理期限', 'letter.dueDate'], ['办理结果', 'letter.feedback'], ['反馈日期', 'letter.feedbackDate'],
    ['反馈方式', 'letter.feedbackMethod'], ['满意度', 'letter.satisfaction'],
  ],
};

describe('what each record kind can hold', () => {
  for (const [ns, pairs] of Object.entries(EXPECTED)) {
    it(`${ns}: resolves the labels real forms print to one key each`, () => {
      for (const [label, key] of pairs) expect(resolve(ns, label), `${ns}: ${label}`).toBe(key);
    });
  }

  it('binds every dictionary key in some built-in form, with a field type that fits', () => {
    const bound = new Map<string, FieldDefinition[]>();
    for (const f of forms) for (const x of fields(f)) {
      const key = bindOf(x);
      if (!key) continue;
      const e = entry(key);
      expect(e, `${f.id}.${x.id} binds ${key}`).toBeDefined();
      expect(BINDABLE[x.type] ?? [], `${f.id}.${x.id}: ${x.type} → ${e!.type}`).toContain(e!.type);
      bound.set(key, [...(bound.get(key) ?? []), x]);
    }
    // Derived keys (`derive`, e.g. forms/packs/common/dictionary/derived.json) are computed from
    // stored keys for the portals that ask for them: no form needs to hold them.
    const unbound = dictionary.filter((e) => !bound.has(e.key) && !(e as { derive?: unknown }).derive).map((e) => e.key);
    expect(unbound).toEqual([]);
  });

  it('fills the constant kind of a record (会议类型, 信访形式) from the form', () => {
    const computed = (formId: string, fieldId: string) => {
      const x = fields(forms.find((f) => f.id === formId)!).find((y) => y.id === fieldId) as { expr: unknown };
      return evaluate(x.expr, {});
    };
    expect(computed('presidium-monthly', 'meetingKind')).toBe('主席团月例会');
    expect(computed('letter', 'kind')).toBe('来信');
    expect(computed('visit', 'kind')).toBe('来访');
    const meetingTypes = set('meeting-type').options.map((o) => o.value);
    for (const f of forms.filter((x) => x.category === 'meeting' || x.category === 'training')) {
      expect(meetingTypes, f.id).toContain(computed(f.id, 'meetingKind'));
    }
    expect(set('letter-kind').options.map((o) => o.value)).toEqual(expect.arrayContaining([computed('letter', 'kind'), computed('visit', 'kind')]));
  });
});

/** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: codes 01–56. */
const GB3304 = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

/** GB/T 4762-1984 政治面貌代码, with the full names. */
const GB4762: [string, string, string][] = [
  ['01', '中共党员', '中国共产党党员'], ['02', '中共预备党员', '中国共产党预备党员'], ['03', '共青团员', '中国共产主义青年团团员'],
  ['04', '民革会员', '中国国民党革命委员会会员'], ['05', '民盟盟员', '中国民主同盟盟员'], ['06', '民建会员', '中国民主建国会会员'],
  ['07', '民进会员', '中国民主促进会会员'], ['08', '农工党党员', '中国农工民主党党员'], ['09', '致公党党员', '中国致公党党员'],
  ['10', '九三学社社员', '九三学社社员'], ['11', '台盟盟员', '台湾民主自治同盟盟员'], ['12', '无党派人士', '无党派民主人士'], ['13', '群众', '群众'],
];

describe('national-standard option sets', () => {
  it('has the 56 ethnic groups of GB/T 3304 with their codes, and 97/98', () => {
    const options = set('ethnicity').options;
    expect(options.slice(0, 56).map((o) => [o.code, o.value])).toEqual(GB3304.map((n, i) => [String(i + 1).padStart(2, '0'), n]));
    expect(options.slice(56).map((o) => o.code)).toEqual(['97', '98']);
    // the short forms portals print resolve to one option each
    const values = new Map<string, string>();
    for (const o of options) for (const l of [o.value, o.label ?? o.value, ...(o.synonyms ?? [])]) {
      const n = normalizeLabel(l);
      expect(values.get(n) ?? o.value, `${l} names two ethnic groups`).toBe(o.value);
      values.set(n, o.value);
    }
    expect(values.get('维族')).toBe('维吾尔族');
    expect(values.get('汉')).toBe('汉族');
  });

  it('has GB/T 4762 political status with the full names and the short ones', () => {
    const options = set('political-status').options;
    expect(options.map((o) => o.code)).toEqual(GB4762.map(([c]) => c));
    for (const [code, value, full] of GB4762) {
      const o = options.find((x) => x.code === code)!;
      expect(o.value).toBe(value);
      expect([o.value, o.label, ...(o.synonyms ?? [])], code).toContain(full);
    }
    expect(options.find((o) => o.value === '中共党员')?.synonyms).toEqual(expect.arrayContaining(['党员', '共产党员']));
  });

  it('has GB/T 2261.1 sex, GB/T 4658 education and GB/T 6864 degree codes', () => {
    expect(set('gender').options.map((o) => [o.code, o.value])).toEqual([['1', '男'], ['2', '女'], ['9', '未说明的性别'], ['0', '未知的性别']]);
    expect(set('education').options.map((o) => o.code)).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90']);
    expect(set('degree').options.filter((o) => o.code).map((o) => [o.code, o.value])).toEqual([['2', '博士'], ['3', '硕士'], ['4', '学士'], ['1', '名誉博士']]);
  });

  it('has the code-free sets offices use, with the A/B/C reply classes', () => {
    expect(set('deputy-level').options.map((o) => o.value)).toEqual(['全国', '省级', '市级', '县级', '镇级']);
    expect(set('deputy-composition').options.map((o) => o.value)).toEqual(expect.arrayContaining(['工人', '农民', '专业技术人员', '党政领导干部', '解放军']));
    expect(set('satisfaction').options.map((o) => o.value)).toEqual(['满意', '基本满意', '不满意']);
    expect(set('handling-mode').options.map((o) => o.value)).toEqual(['单独办理', '主办协办', '会办', '分办']);
    expect(set('letter-kind').options.map((o) => o.value)).toEqual(['来信', '来访', '网上信访', '电话']);
    expect(set('letter-handling').options.map((o) => o.value)).toEqual(expect.arrayContaining(['转交有关部门', '直接办理', '不予受理']));
    const result = set('suggestion-result').options;
    expect(result.map((o) => o.code)).toEqual(['A', 'B', 'C']);
    expect(result[0]!.synonyms).toContain('所提问题已经解决或基本解决');
    expect(result[1]!.synonyms).toContain('正在解决或列入计划解决');
    expect(result[2]!.synonyms).toContain('因条件限制或其他原因暂时不能解决');
  });
});

describe('examples', () => {
  const files = readdirSync(path.join(ROOT, 'forms/examples')).filter((f) => f.endsWith('.json')).map((f) => `forms/examples/${f}`);
  const records = files.map((f) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')) as LvzhiRecord);

  it('exist for every form and validate against the packs', async () => {
    for (const f of forms) expect(records.some((r) => r.form === f.id), f.id).toBe(true);
    const result = await validateFiles(['forms/packs', ...files], ROOT);
    expect(result.issues.map((i) => `${i.source}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(result.recordCount).toBe(files.length);
  });

  it('hold realistic values for the new fields of each kind', () => {
    const values = (name: string) => records[files.indexOf(`forms/examples/${name}.json`)]!.values;
    expect(values('deputy-profile')).toMatchObject({ formerName: expect.any(String), birthPlace: expect.any(String), workStartDate: expect.any(String), delegation: expect.any(String), workAddress: expect.any(String) });
    expect(values('suggestion')).toMatchObject({ term: '第十九届', handlingMode: '主办协办', isKey: true, disclosure: '公开' });
    expect(values('inspection')).toMatchObject({ startTime: '2024-04-26T08:30', endTime: '2024-04-26T11:45' });
    expect(values('letter')).toMatchObject({ purpose: '求决', handling: '转交有关部门', isRepeat: '否' });
    expect(values('visit')).toMatchObject({ region: expect.any(String), handling: '转交有关部门' });
    expect(values('appraisal-result')).toMatchObject({ satisfiedVotes: 101, basicallySatisfiedVotes: 13, dissatisfiedVotes: 2 });
  });

  it('are rejected once a new field holds a value outside its option set (the check can fail)', () => {
    const rec = records.find((r) => r.form === 'suggestion')!;
    const broken = { ...rec, values: { ...rec.values, handlingMode: '随便办' } };
    expect(validateRecord(broken, packs).issues.some((i) => i.path.includes('handlingMode'))).toBe(true);
    const letter = records.find((r) => r.form === 'letter')!;
    expect(validateRecord({ ...letter, values: { ...letter.values, postcode: '22540' } }, packs).issues.some((i) => i.path.includes('postcode'))).toBe(true);
  });
});
