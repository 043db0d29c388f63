/**
 * The built-in common, suggestions and letters packs, and their example records: they pass the
 * shared validator, and hold the facts the offices rely on (56 ethnic groups with GB/T 3304
 * codes, GB/T 4762 political status, the suggestion workflow 提出→…→办结 with a three-month
 * reply period, letters counted per letter and visits per visitor…).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evaluate, idNumberFacts, idNumberProblem, isTruthy, packSchema, validateRecord,
  type FieldDefinition, type FormDefinition, type LvzhiRecord, type OptionSet, type PackDefinition, type WorkflowDefinition,
} from '@lvzhi/shared';
import { loadPaths, validateFiles } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK_DIRS = ['forms/packs/common', 'forms/packs/suggestions', 'forms/packs/letters'];
const EXAMPLES = [
  'deputy-profile', 'deputy-profile.township', 'staff-profile',
  'suggestion', 'suggestion.in-progress', 'motion', 'letter', 'visit',
].map((n) => `forms/examples/${n}.json`);
/** Files of the common pack that another worker owns: their problems are not this test's. */
const NOT_OURS = ['dictionary/meeting.json', 'dictionary/inspection.json', 'dictionary/appraisal.json'].map((f) => path.join('forms/packs/common', f));

async function loadPacks(): Promise<Map<string, PackDefinition>> {
  const loaded = await loadPaths(PACK_DIRS, ROOT);
  expect(loaded.issues).toEqual([]);
  const out = new Map<string, PackDefinition>();
  for (const d of loaded.documents) {
    const pack = packSchema.parse(d.json);
    out.set(pack.id, pack);
  }
  return out;
}

const packs = await loadPacks();
const common = packs.get('lvzhi.common')!;
const suggestions = packs.get('lvzhi.suggestions')!;
const letters = packs.get('lvzhi.letters')!;
const allPacks = [...packs.values()];

const readExample = (file: string): LvzhiRecord => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as LvzhiRecord;
const optionSet = (id: string): OptionSet => {
  const set = allPacks.flatMap((p) => p.optionSets ?? []).find((s) => s.id === id);
  if (!set) throw new Error(`no option set ${id}`);
  return set;
};
const form = (id: string): FormDefinition => {
  const f = allPacks.flatMap((p) => p.forms ?? []).find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
};
const workflow = (id: string): WorkflowDefinition => {
  const w = allPacks.flatMap((p) => p.workflows ?? []).find((x) => x.id === id);
  if (!w) throw new Error(`no workflow ${id}`);
  return w;
};
const fields = (f: FormDefinition): FieldDefinition[] => f.sections.flatMap((s) => s.fields);
const field = (f: FormDefinition, id: string): FieldDefinition => {
  const x = fields(f).find((y) => y.id === id);
  if (!x) throw new Error(`no field ${id} in ${f.id}`);
  return x;
};
const dictionary = (key: string) => common.dictionary?.find((e) => e.key === key);

describe('validator', () => {
  it('finds no problem in the three packs and their examples', async () => {
    const result = await validateFiles([...PACK_DIRS, ...EXAMPLES], ROOT);
    const ours = result.issues.filter((i) => !NOT_OURS.some((f) => i.source.endsWith(f)));
    expect(ours.map((i) => `${i.source}: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(result.packCount).toBe(3);
    expect(result.recordCount).toBe(EXAMPLES.length);
  });

  it('rejects an example once it is broken (the check can fail)', () => {
    const rec = readExample('forms/examples/suggestion.json');
    rec.values.satisfaction = '不满意';
    delete rec.values.dissatisfactionReason;
    const issues = validateRecord(rec, allPacks).issues;
    expect(issues.some((i) => i.code === 'required' && i.path.includes('dissatisfactionReason'))).toBe(true);

    const deputy = readExample('forms/examples/deputy-profile.json');
    deputy.values.gender = '女'; // the ID number says 男
    expect(validateRecord(deputy, allPacks).issues.some((i) => i.path.includes('gender'))).toBe(true);
  });
});

describe('option sets', () => {
  it('has all 56 ethnic groups with GB/T 3304 codes 01–56, then 97 其他 and 98 外国血统中国籍人士', () => {
    const set = optionSet('ethnicity');
    const groups = set.options.filter((o) => Number(o.code) <= 56);
    expect(groups).toHaveLength(56);
    expect(groups.map((o) => o.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(groups.map((o) => o.value)).size).toBe(56);
    for (const o of groups) expect(o.value.endsWith('族')).toBe(true);
    expect(set.options.slice(56).map((o) => [o.code, o.value])).toEqual([['97', '其他'], ['98', '外国血统中国籍人士']]);
    const han = set.options[0]!;
    expect([han.value, han.code]).toEqual(['汉族', '01']);
    expect(han.synonyms).toContain('汉');
    expect(set.options.find((o) => o.value === '维吾尔族')?.synonyms).toContain('维族');
    expect(set.options.find((o) => o.code === '56')?.value).toBe('基诺族');
  });

  it('has GB/T 4762 political status 01–13 with the short and long names', () => {
    const set = optionSet('political-status');
    expect(set.options.map((o) => o.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')));
    const cpc = set.options.find((o) => o.value === '中共党员')!;
    expect(cpc.code).toBe('01');
    expect(cpc.synonyms).toEqual(expect.arrayContaining(['中国共产党党员', '党员']));
    expect(set.options.map((o) => o.value)).toEqual(expect.arrayContaining(['中共预备党员', '共青团员', '九三学社社员', '台盟盟员', '无党派人士', '群众']));
    expect(set.options.find((o) => o.code === '13')?.value).toBe('群众');
  });

  it('has gender codes, education with 本科/大专, levels, statuses and satisfaction', () => {
    // GB/T 2261.1: 1 男, 2 女 first (what forms offer), then 9 未说明的性别 and 0 未知的性别
    expect(optionSet('gender').options.map((o) => [o.value, o.code])).toEqual([['男', '1'], ['女', '2'], ['未说明的性别', '9'], ['未知的性别', '0']]);
    const edu = optionSet('education').options;
    expect(edu.find((o) => o.value === '大学本科')?.synonyms).toContain('本科');
    expect(edu.find((o) => o.value === '大学专科')?.synonyms).toContain('大专');
    // GB/T 4658 top-level codes
    expect(edu.map((o) => [o.value, o.code])).toEqual([
      ['研究生', '10'], ['大学本科', '20'], ['大学专科', '30'], ['中专', '40'], ['技工学校', '50'],
      ['高中', '60'], ['初中', '70'], ['小学', '80'], ['其他', '90'],
    ]);
    expect(optionSet('deputy-level').options.map((o) => o.value)).toEqual(['全国', '省级', '市级', '县级', '镇级']);
    expect(optionSet('deputy-status').options.map((o) => o.value)).toEqual(['在任', '辞职', '罢免', '去世', '调离']);
    expect(optionSet('satisfaction').options.map((o) => o.value)).toEqual(['满意', '基本满意', '不满意']);
    expect(optionSet('suggestion-type').options.map((o) => o.value)).toEqual(['议案', '建议', '批评', '意见']);
  });
});

describe('dictionary and deputy profile', () => {
  it('marks every ID number and phone key sensitive', () => {
    const personal = (common.dictionary ?? []).filter((e) => e.type === 'idcard' || e.type === 'phone');
    expect(personal.length).toBeGreaterThanOrEqual(8);
    for (const e of personal) expect(e.sensitive, e.key).toBe(true);
  });

  it('binds every deputy.* key in the deputy profile form, with fitting field types', () => {
    const profile = form('deputy-profile');
    expect(profile.category).toBe('profile');
    const bound = new Set(fields(profile).map((f) => ('bind' in f ? f.bind : undefined)));
    const deputyKeys = (common.dictionary ?? []).filter((e) => e.key.startsWith('deputy.') && !e.derive).map((e) => e.key);
    expect(deputyKeys.length).toBeGreaterThanOrEqual(25);
    for (const k of deputyKeys) expect(bound.has(k), k).toBe(true);
    expect(field(profile, 'idNumber').type).toBe('idcard');
    expect(field(profile, 'photo').type).toBe('photo');
    expect(dictionary('deputy.idNumber')?.synonyms).toEqual(expect.arrayContaining(['身份证号', '证件号码']));
  });

  it('checks the ID number against date of birth and sex', () => {
    const values = { idNumber: '321283197205143515', birthDate: '1972-05-14', gender: '男' };
    const [birthRule] = (field(form('deputy-profile'), 'birthDate') as { rules?: { assert: unknown }[] }).rules ?? [];
    const [genderRule] = (field(form('deputy-profile'), 'gender') as { rules?: { assert: unknown }[] }).rules ?? [];
    expect(isTruthy(evaluate(birthRule!.assert, values))).toBe(true);
    expect(isTruthy(evaluate(genderRule!.assert, values))).toBe(true);
    expect(isTruthy(evaluate(birthRule!.assert, { ...values, birthDate: '1972-05-15' }))).toBe(false);
    expect(isTruthy(evaluate(genderRule!.assert, { ...values, gender: '女' }))).toBe(false);
  });

  it('builds the deputies roster from the profile form', () => {
    const roster = common.rosters?.find((r) => r.id === 'deputies');
    expect(roster).toMatchObject({ form: 'deputy-profile', nameField: 'name', fields: { term: 'term', group: 'group', level: 'level', status: 'status' } });
    const profile = form('deputy-profile');
    for (const id of Object.values(roster!.fields!)) expect(fields(profile).some((f) => f.id === id)).toBe(true);
    expect(common.rosters?.find((r) => r.id === 'staff')?.form).toBe('staff-profile');
  });
});

describe('portal mappings', () => {
  it('map only existing fields, and option transforms start from real option values', () => {
    for (const portal of [...(common.portals ?? []), ...(suggestions.portals ?? [])]) {
      const f = form(portal.form!);
      for (const m of portal.fields ?? []) {
        const target = field(f, m.field!);
        const map = m.transform?.options;
        if (!map) continue;
        expect('optionSet' in target && target.optionSet, `${portal.id}: ${m.field}`).toBeTruthy();
        const values = optionSet((target as { optionSet: string }).optionSet).options.map((o) => o.value);
        for (const k of Object.keys(map)) expect(values, `${portal.id}: ${m.field}: ${k}`).toContain(k);
      }
    }
    expect(common.portals?.map((p) => p.form)).toEqual(['deputy-profile']);
    expect(suggestions.portals?.find((p) => p.id === 'suggestion-oa')?.match).toContain('https://oa.example.gov.cn/rd/jianyi/*');
  });
});

describe('suggestion workflow', () => {
  const wf = workflow('suggestion');
  const t = (id: string) => wf.transitions.find((x) => x.id === id)!;

  it('goes 提出→分类→交办→办理→答复→满意度测评→办结', () => {
    expect(wf.forms).toEqual(['suggestion']);
    expect(form('suggestion').workflow).toBe('suggestion');
    expect(form('suggestion').eventDateField).toBe('submitDate');
    expect(wf.states.map((s) => s.id)).toEqual(['submitted', 'classified', 'assigned', 'handling', 'replied', 'rated', 'closed']);
    expect(wf.states.map((s) => s.label)).toEqual(['提出', '分类', '交办', '办理', '答复', '满意度测评', '办结']);
    expect(wf.initial).toBe('submitted');
    expect(wf.states.filter((s) => s.final).map((s) => s.id)).toEqual(['closed']);
    // the forward path visits every state in order
    const forward = wf.transitions.filter((x) => (x.kind ?? 'forward') === 'forward' && x.from.length === 1);
    let at = wf.initial;
    const path = [at];
    for (let i = 0; i < 10 && at !== 'closed'; i++) {
      const next = forward.find((x) => x.from[0] === at);
      if (!next) break;
      at = next.to;
      path.push(at);
    }
    expect(path).toEqual(wf.states.map((s) => s.id));
  });

  it('has send-back, reassignment, roles and a three-month reply period', () => {
    expect(wf.roles?.map((r) => r.id)).toEqual(['staff', 'handling-unit', 'deputy', 'director']);
    expect(wf.transitions.some((x) => x.kind === 'sendBack')).toBe(true);
    expect(t('reassign')).toMatchObject({ kind: 'reassign', to: 'assigned' });
    expect(wf.states.find((s) => s.id === 'handling')?.due).toEqual({ months: 3, from: 'assigned' });
    expect(t('assign').requires).toContain('handlingUnit');
  });

  it('cannot be rated 不满意 without a reason, and is handled again when 不满意', () => {
    const rate = t('rate').guard;
    expect(isTruthy(evaluate(rate, { satisfaction: '不满意' }))).toBe(false);
    expect(isTruthy(evaluate(rate, { satisfaction: '不满意', dissatisfactionReason: '路面修补后又出现坑槽' }))).toBe(true);
    expect(isTruthy(evaluate(rate, { satisfaction: '满意' }))).toBe(true);
    expect(isTruthy(evaluate(t('rehandle').guard, { satisfaction: '满意' }))).toBe(false);
    expect(isTruthy(evaluate(t('close').guard, { satisfaction: '不满意' }))).toBe(false);
    const reason = field(form('suggestion'), 'dissatisfactionReason') as { requiredIf?: unknown };
    expect(isTruthy(evaluate(reason.requiredIf, { satisfaction: '不满意' }))).toBe(true);
    expect(isTruthy(evaluate(reason.requiredIf, { satisfaction: '基本满意' }))).toBe(false);
  });
});

describe('motion', () => {
  it('needs five signatories for a township congress and ten for a county congress', () => {
    const rule = (field(form('motion'), 'coSigners') as { rules?: { assert: unknown }[] }).rules![0]!.assert;
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `代表${i}` }));
    expect(isTruthy(evaluate(rule, { proposerKind: '代表联名', congressLevel: '镇级', coSigners: people(4) }))).toBe(true);
    expect(isTruthy(evaluate(rule, { proposerKind: '代表联名', congressLevel: '镇级', coSigners: people(3) }))).toBe(false);
    expect(isTruthy(evaluate(rule, { proposerKind: '代表联名', congressLevel: '县级', coSigners: people(8) }))).toBe(false);
    expect(isTruthy(evaluate(rule, { proposerKind: '代表联名', congressLevel: '县级', coSigners: people(9) }))).toBe(true);
    expect(isTruthy(evaluate(rule, { proposerKind: '主席团', congressLevel: '县级' }))).toBe(true);
  });
});

describe('letters and visits', () => {
  it('counts letters per letter and visits per visitor', () => {
    expect(form('letter').category).toBe('letter');
    expect(form('visit').category).toBe('visit');
    expect(field(form('visit'), 'visitorCount')).toMatchObject({ type: 'number', unit: '人次', integer: true, min: 1 });
    expect(letters.forms?.map((f) => f.workflow)).toEqual(['letters', 'visits']);
  });

  it('goes 登记→转办→反馈→办结 with a send-back and due periods', () => {
    for (const id of ['letters', 'visits']) {
      const wf = workflow(id);
      expect(wf.states.map((s) => s.label)).toEqual(['登记', '转办', '反馈', '办结']);
      expect(wf.transitions.some((x) => x.kind === 'sendBack')).toBe(true);
      expect(wf.states.find((s) => s.id === 'forwarded')?.due).toEqual({ days: 60, from: 'registered' });
      expect(wf.transitions.find((x) => x.id === 'forward')?.requires).toContain('forwardedTo');
    }
  });
});

describe('examples', () => {
  it('carry valid ID numbers that agree with the record', () => {
    for (const file of EXAMPLES) {
      const rec = readExample(file);
      const id = rec.values.idNumber;
      if (typeof id !== 'string') continue;
      expect(idNumberProblem(id), file).toBeUndefined();
      const facts = idNumberFacts(id)!;
      if (rec.values.gender) expect(facts.gender, file).toBe(rec.values.gender);
      if (rec.values.birthDate) expect(facts.birthDate, file).toBe(rec.values.birthDate);
    }
  });

  it('have one 县级 and one 镇级 deputy, one closed and one open suggestion', () => {
    const levels = ['deputy-profile', 'deputy-profile.township'].map((n) => readExample(`forms/examples/${n}.json`).values.level);
    expect(levels).toEqual(['县级', '镇级']);
    const closed = readExample('forms/examples/suggestion.json');
    expect(closed.workflow?.state).toBe('closed');
    expect(closed.values.satisfaction).toBe('满意');
    expect(closed.values.reply).toEqual(expect.any(String));
    expect(readExample('forms/examples/suggestion.in-progress.json').workflow?.state).toBe('handling');
  });

  it('replay their workflow history from the initial state by existing transitions', () => {
    for (const file of EXAMPLES) {
      const rec = readExample(file);
      if (!rec.workflow) continue;
      const wf = workflow(rec.workflow.workflow);
      expect(form(rec.form).workflow).toBe(wf.id);
      let at = wf.initial;
      let last = '';
      for (const h of rec.workflow.history) {
        const tr = wf.transitions.find((x) => x.id === h.transition);
        expect(tr, `${file}: ${h.transition}`).toBeDefined();
        expect(h.from).toBe(at);
        expect(tr!.from).toContain(h.from);
        expect(tr!.to).toBe(h.to);
        for (const req of tr!.requires ?? []) expect(rec.values[req], `${file}: ${h.transition} needs ${req}`).toBeDefined();
        expect(h.at > last).toBe(true);
        last = h.at;
        at = h.to;
      }
      expect(rec.workflow.state).toBe(at);
      expect(rec.workflow.enteredAt).toBe(last);
    }
  });
});
