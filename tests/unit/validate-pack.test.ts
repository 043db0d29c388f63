// The checks beyond shapes, each at its JSON path: references, duplicates, dependencies,
// workflows, mappings and templates. Starts from the valid mini fixture and breaks one thing.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, validatePackSet, type PackDefinition, type ValidationIssue } from '@lvzhi/shared';
import { loadPaths, validateFiles } from '@lvzhi/shared/node';

let mini: PackDefinition;
const clone = () => structuredClone(mini) as PackDefinition & Record<string, unknown>;
const check = (...packs: unknown[]) => validatePackSet(packs.map((json, i) => ({ source: `p${i}`, json })));
const at = (issues: ValidationIssue[]) => issues.map((i) => `${formatIssue({ ...i, source: '' })} [${i.code}]`);
const meeting = (p: PackDefinition) => p.forms!.find((f) => f.id === 'meeting')!;

beforeAll(async () => {
  const loaded = await loadPaths(['tests/fixtures/packs/mini']);
  mini = loaded.documents[0]!.json as PackDefinition;
  expect(check(mini).issues).toEqual([]);
});

describe('references inside a pack', () => {
  it('a field bound to a missing dictionary key, with a suggestion', () => {
    const p = clone();
    (p.forms![0]!.sections[0]!.fields[0] as { bind?: string }).bind = 'deputy.nmae';
    expect(at(check(p).issues)).toEqual(['$.forms[0].sections[0].fields[0].bind: 未知的字典键 "deputy.nmae"，是否为 "deputy.name"？（可用：deputy.name, deputy.gender, deputy.idNumber, meeting.date, meeting.present） [unknown-reference]']);
  });

  it('a field whose type does not fit its dictionary key', () => {
    const p = clone();
    (p.forms![0]!.sections[0]!.fields[0] as { bind?: string }).bind = 'meeting.date';
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['forms.0.sections.0.fields.0.bind', 'bind-type']]);
  });

  it('duplicate field ids across sections, and duplicate option values', () => {
    const p = clone();
    meeting(p).sections[1]!.fields.push({ id: 'title', type: 'text', label: '重复' });
    p.optionSets![0]!.options.push({ value: '男' });
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code]).sort()).toEqual([
      ['forms.1.sections.1.fields.2.id', 'duplicate-id'],
      ['optionSets.0.options.2.value', 'duplicate-id'],
    ]);
  });

  it('a choice field without options, and a default that is not an option', () => {
    const p = clone();
    const gender = p.forms![0]!.sections[0]!.fields[1] as Record<string, unknown>;
    delete gender.optionSet; delete gender.bind;
    const p2 = clone();
    Object.assign(p2.forms![0]!.sections[0]!.fields[1]!, { default: '未知' });
    expect(check(p).issues.map((i) => i.code)).toEqual(['missing']);
    expect(check(p2).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['forms.0.sections[0].fields.1.default'.replace('[0]', '.0'), 'unknown-option']]);
  });

  it('an invalid regular expression and an inverted range', () => {
    const p = clone();
    Object.assign(p.forms![0]!.sections[0]!.fields[0]!, { pattern: '([a-z' , minLength: 9, maxLength: 3 });
    expect(check(p).issues.map((i) => i.code).sort()).toEqual(['bad-pattern', 'range']);
  });

  it('a signature whose signer field is missing; a roster whose name field is missing', () => {
    const p = clone();
    Object.assign(meeting(p).sections[2]!.fields[0]!, { signerField: 'host' });
    p.rosters![0]!.nameField = 'fullName';
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code]).sort()).toEqual([
      ['forms.1.sections.2.fields.0.signerField', 'unknown-reference'],
      ['rosters.0.nameField', 'unknown-reference'],
    ]);
  });

  it('a table column expression may read row.*, a form-level one may not', () => {
    const p = clone();
    Object.assign(meeting(p).sections[0]!.fields[0]!, { visibleIf: { var: 'row.yes' } });
    expect(check(p).issues.map((i) => i.code)).toEqual(['unknown-field']);
  });
});

describe('workflows', () => {
  const wf = (p: PackDefinition) => p.workflows![0]!;
  it('a dead end: a state that is not final and has no way out', () => {
    const p = clone();
    wf(p).states.push({ id: 'limbo', label: '搁置' });
    wf(p).transitions.push({ id: 'park', label: '搁置', from: ['recording'], to: 'limbo' });
    expect(at(check(p).issues)).toEqual(['$.workflows[0].states[4].id: 状态 "limbo"（搁置）不是结束状态，却没有任何流转可以离开 [dead-end-state]']);
  });

  it('a loop that never reaches a final state', () => {
    const p = clone();
    wf(p).states.push({ id: 'a', label: '甲' }, { id: 'b', label: '乙' });
    wf(p).transitions.push({ id: 'to-a', label: '甲', from: ['preparing'], to: 'a' }, { id: 'ab', label: '乙', from: ['a'], to: 'b' }, { id: 'ba', label: '回', from: ['b'], to: 'a' });
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['workflows.0.states.4.id', 'dead-end-state'], ['workflows.0.states.5.id', 'dead-end-state']]);
  });

  it('transitions to unknown states, unknown roles, unknown required fields, no final state', () => {
    const p = clone();
    wf(p).transitions[0]!.to = 'recordng';
    wf(p).transitions[1]!.roles = ['clerk'];
    wf(p).transitions[1]!.requires = ['titel'];
    const codes = check(p).issues.map((i) => [i.path.join('.'), i.code]);
    expect(codes).toContainEqual(['workflows.0.transitions.0.to', 'unknown-reference']);
    expect(codes).toContainEqual(['workflows.0.transitions.1.roles.0', 'unknown-reference']);
    expect(codes).toContainEqual(['workflows.0.transitions.1.requires.0', 'unknown-reference']);
    const q = clone();
    for (const s of wf(q).states) delete (s as { final?: boolean }).final;
    expect(check(q).issues.map((i) => i.code)).toContain('no-final-state');
  });

  it('a workflow and its form must name each other', () => {
    const p = clone();
    delete (meeting(p) as { workflow?: string }).workflow;
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['workflows.0.forms.0', 'not-linked']]);
  });
});

describe('portal mappings and templates', () => {
  it('unknown keys and fields, too-broad patterns, bad origins', () => {
    const p = clone();
    const portal = p.portals![0]!;
    portal.fields![0]!.key = 'meeting.dat';
    portal.fields![1]!.field = 'votes.itme';
    portal.match.push('https://*/*');
    portal.frames = [{ origin: 'form.example.gov.cn' }];
    expect(check(p).issues.map((i) => [i.path.join('.'), i.code]).sort()).toEqual([
      ['portals.0.fields.0.key', 'unknown-reference'],
      ['portals.0.fields.1.field', 'unknown-reference'],
      ['portals.0.frames.0.origin', 'bad-origin'],
      ['portals.0.match.1', 'too-broad'],
    ]);
  });

  it('a template slot naming a field of the wrong type', () => {
    const p = clone();
    Object.assign(p.templates![0]!.parts[3]!, { field: 'title' });
    expect(at(check(p).issues)).toEqual(['$.templates[0].parts[3].field: "title" 是 text 字段，此处需要 table [wrong-type]']);
  });
});

describe('packs that require other packs', () => {
  const family = (requires: Record<string, string>) => ({
    id: 'demo.family', version: '1.0.0', title: '家族包', requires,
    forms: [{ id: 'visit', version: 1, title: '走访', category: 'activity', sections: [{ id: 's', title: '走访', fields: [
      { id: 'who', type: 'text', label: '姓名', bind: 'deputy.name' },
      { id: 'sex', type: 'radio', label: '性别', optionSet: 'gender' },
      { id: 'with', type: 'people', label: '同行代表' },
    ] }] }],
  });

  it('resolves dictionary keys, option sets and rosters of a required pack', () => {
    const r = check(family({ 'demo.mini': '^1.0.0' }), mini);
    expect(r.issues).toEqual([]);
    expect(r.packs.map((p) => p.id)).toEqual(['demo.mini', 'demo.family']);
  });

  it('a missing dependency, an incompatible version, a bad range', () => {
    expect(at(check(family({ 'demo.common': '^1.0.0' })).issues)).toContain('$.requires["demo.common"]: 缺少依赖的包 "demo.common"（需要 ^1.0.0） [missing-dependency]');
    expect(check(family({ 'demo.mini': '^2.0.0' }), mini).issues.map((i) => i.code)).toEqual(['incompatible-dependency']);
    expect(check(family({ 'demo.mini': 'latest!' }), mini).issues.map((i) => i.code)).toEqual(['bad-range']);
  });

  it('a cycle between packs', () => {
    const a = { id: 'demo.a', version: '1.0.0', title: '甲', requires: { 'demo.b': '*' } };
    const b = { id: 'demo.b', version: '1.0.0', title: '乙', requires: { 'demo.a': '*' } };
    expect(check(a, b).issues.map((i) => i.code)).toContain('dependency-cycle');
  });

  it('a key redefined by a dependant is refused where it is redefined', () => {
    const f = { ...family({ 'demo.mini': '^1.0.0' }), dictionary: [{ key: 'deputy.name', type: 'text', label: '代表名' }] };
    expect(check(f, mini).issues.map((i) => [i.source, i.path.join('.'), i.code])).toEqual([['p0', 'dictionary.0.key', 'duplicate-id']]);
  });

  it('one broken pack is reported once, not in every pack that needs it', () => {
    const broken = clone();
    (broken.forms![0]!.sections[0]!.fields[0] as { bind?: string }).bind = 'deputy.nmae';
    const r = check(family({ 'demo.mini': '^1.0.0' }), broken);
    expect(r.issues.map((i) => i.source)).toEqual(['p1']);
    expect(r.packs).toEqual([]);
  });
});

describe('validateFiles: issues land in the file that holds them', () => {
  it('maps a folder pack issue into forms/meeting.json', async () => {
    const { mkdtemp, cp, readFile, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-'));
    await cp('tests/fixtures/packs/mini', dir, { recursive: true });
    const file = path.join(dir, 'forms/meeting.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"var": "hasVotes"', '"var": "hasVote"'));
    const r = await validateFiles([dir]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ source: file, path: ['sections', 1, 'visibleIf', 'var'], code: 'unknown-field', line: 25 });
  });
});
