/**
 * The roster link (issue 12): a person field's `rosterFill`, declared in the pack, fills the
 * deputy's phone and work unit from the roster's record; never over a typed value; checked by the
 * validator against both forms.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rosterFillPatch, validatePackSet, type FieldDefinition, type PackDefinition } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let docs: Array<{ source: string; json: unknown }> = [];
const suggestionPack = () => docs.find((d) => (d.json as PackDefinition).id === 'lvzhi.suggestions')!;
const proposerOf = (p: PackDefinition) => p.forms!.find((f) => f.id === 'suggestion')!.sections.flatMap((s) => s.fields).find((f) => f.id === 'proposer')!;

beforeAll(async () => {
  const loaded = await loadPaths(['forms/packs'], ROOT);
  docs = loaded.documents.map((d) => ({ source: d.source, json: d.json }));
  expect(validatePackSet(docs).issues).toEqual([]);
});

describe('rosterFillPatch', () => {
  const field = { type: 'person', id: 'proposer', label: '领衔代表', roster: 'deputies', rosterFill: { proposerPhone: 'mobile', proposerWorkUnit: 'workUnit' } } as FieldDefinition;
  const li = { mobile: '13962345678', workUnit: '青山村委会' };
  const wang = { mobile: '13951234567', workUnit: '' };

  it('fills empty fields from the chosen person\'s profile', () => {
    expect(rosterFillPatch(field, li, {})).toEqual({ proposerPhone: '13962345678', proposerWorkUnit: '青山村委会' });
  });
  it('never replaces a typed value, but replaces what the previous person gave', () => {
    expect(rosterFillPatch(field, wang, { proposerPhone: '13962345678', proposerWorkUnit: '青山村委会' }, li)).toEqual({ proposerPhone: '13951234567' });
    expect(rosterFillPatch(field, wang, { proposerPhone: '0523-1234567' }, li)).toEqual({});
    expect(rosterFillPatch(field, li, { proposerPhone: '0523-1234567' })).toEqual({ proposerWorkUnit: '青山村委会' });
  });
  it('does nothing without a link or a profile', () => {
    expect(rosterFillPatch({ ...field, rosterFill: undefined } as FieldDefinition, li, {})).toEqual({});
    expect(rosterFillPatch(field, undefined, {})).toEqual({});
  });
});

describe('the validator checks rosterFill', () => {
  it('names an unknown target field and an unknown field of the roster\'s form, at their paths', () => {
    const pack = structuredClone(suggestionPack().json) as PackDefinition;
    (proposerOf(pack) as { rosterFill?: Record<string, string> }).rosterFill = { proposerPhon: 'mobile', proposerWorkUnit: 'workUnitt' };
    const issues = validatePackSet(docs.map((d) => (d === suggestionPack() ? { ...d, json: pack } : d))).issues;
    const msgs = issues.map((i) => `${i.path.slice(-2).join('.')}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith('rosterFill.proposerPhon: 未知的字段 "proposerPhon"，是否为 "proposerPhone"'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('rosterFill.proposerWorkUnit: 未知的字段 "workUnitt"，是否为 "workUnit"'))).toBe(true);
    expect(issues).toHaveLength(2);
  });
  it('refuses a target that cannot take one value (a people field)', () => {
    const pack = structuredClone(suggestionPack().json) as PackDefinition;
    (proposerOf(pack) as { rosterFill?: Record<string, string> }).rosterFill = { coSigners: 'name' };
    const issues = validatePackSet(docs.map((d) => (d === suggestionPack() ? { ...d, json: pack } : d))).issues;
    expect(issues.map((i) => i.code)).toEqual(['wrong-type']);
  });
});
