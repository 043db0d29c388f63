// Records against their forms: value shapes per field type, options, ID numbers, required-ness
// for complete records, table cells located by row and column, workflow state and history.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaryView, validatePackSet, validateRecord, type PackDefinition } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

let packs: PackDefinition[];
let base: Record<string, unknown> & { values: Record<string, unknown> };
const rec = (patch: (r: typeof base) => void) => { const r = structuredClone(base); patch(r); return r; };
const issues = (r: unknown) => validateRecord(r, packs).issues.map((i) => [i.path.join('.'), i.code]);

beforeAll(async () => {
  const loaded = await loadPaths(['tests/fixtures/packs/mini']);
  packs = validatePackSet(loaded.documents.map((d) => ({ source: d.source, json: d.json }))).packs;
  base = JSON.parse(readFileSync('tests/fixtures/records/mini-meeting.json', 'utf8'));
  expect(validateRecord(base, packs).issues).toEqual([]);
});

describe('validateRecord', () => {
  it('requires the required fields of a complete record, not of a draft', () => {
    const r = rec((r) => { delete r.values.title; });
    expect(issues(r)).toEqual([['values.title', 'required']]);
    expect(issues({ ...r, status: 'draft' })).toEqual([]);
  });

  it('a hidden section is not required (requiredIf and visibleIf follow the values)', () => {
    expect(issues(rec((r) => { r.values.hasVotes = false; delete r.values.votes; }))).toEqual([]);
    expect(issues(rec((r) => { delete r.values.votes; }))).toEqual([['values.votes', 'required']]);
  });

  it('locates a bad table cell by row and column, with the row number in the message', () => {
    const r = rec((r) => { (r.values.votes as Record<string, unknown>[]).push({ item: '', yes: -1, bogus: 1 }); });
    const found = validateRecord(r, packs).issues;
    expect(found.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['values.votes.1.bogus', 'unknown-field'],
      ['values.votes.1.item', 'required'],
      ['values.votes.1.yes', 'too-small'],
    ]);
    expect(found[2]!.message).toBe('第 2 行「赞成」：不能小于 0');
  });

  it('checks value types, dates, options, people and rating marks', () => {
    const r = rec((r) => {
      r.values.date = '2024-02-30';
      r.values.present = [{ name: '' }];
      r.values.rating = { prep: 5, speed: 3 };
      r.values.hasVotes = 'yes';
    });
    expect(issues(r)).toEqual([
      ['values.date', 'date'],
      ['values.present.0.name', 'empty'],
      ['values.hasVotes', 'value-type'],
      ['values.rating.prep', 'unknown-option'],
      ['values.rating.speed', 'unknown-field'],
    ]);
  });

  it('refuses stored computed values and unknown fields', () => {
    expect(issues(rec((r) => { r.values.presentCount = 3; r.values.nickname = 'x'; }))).toEqual([
      ['values.presentCount', 'computed-stored'],
      ['values.nickname', 'unknown-field'],
    ]);
  });

  it('checks ID numbers and option values on another form', () => {
    const r = { ...base, id: 'd1', form: 'deputy', formVersion: 1, workflow: undefined, values: { name: '王建国', gender: '男性', idNumber: '110105194912310021', phone: '0512-57123456' } };
    delete (r as Record<string, unknown>).workflow;
    expect(issues(r)).toEqual([['values.gender', 'unknown-option'], ['values.idNumber', 'idcard-checksum'], ['values.phone', 'phone']]);
  });

  it('a workflow state must follow its history', () => {
    const r = rec((r) => { (r.workflow as { state: string }).state = 'archived'; });
    expect(issues(r)).toEqual([['workflow.state', 'bad-history']]);
    const s = rec((r) => { (r.workflow as { history: { to: string }[] }).history[0]!.to = 'signing'; (r.workflow as { state: string }).state = 'signing'; });
    expect(issues(s)).toEqual([['workflow.history.0', 'bad-history']]);
  });

  it('a record made with a newer form version is refused; an older one may hold dropped fields', () => {
    expect(issues({ ...base, formVersion: 3 })).toEqual([['formVersion', 'newer-version']]);
    expect(issues(rec((r) => { r.formVersion = 1; r.values.oldField = 'kept'; }))).toEqual([]);
  });

  it('steps taken under an earlier workflow version stay valid after a migration', () => {
    const v2 = structuredClone(packs);
    const wf = v2[0]!.workflows![0]!;
    wf.version = 2;
    wf.transitions[0]!.id = 'open';
    const migrated = rec((r) => {
      const w = r.workflow as { version: number; history: { version?: number }[] };
      w.version = 2;
      w.history[0]!.version = 1;
    });
    expect(validateRecord(migrated, v2).issues).toEqual([]);
    const unstamped = rec((r) => { (r.workflow as { version: number }).version = 2; });
    expect(validateRecord(unstamped, v2).issues.map((i) => i.path.join('.'))).toEqual(['workflow.history.0.transition']);
  });

  it('unknown pack or form', () => {
    expect(issues({ ...base, pack: 'demo.other' })).toEqual([['pack', 'unknown-reference']]);
    expect(issues({ ...base, form: 'minutes' })).toEqual([['form', 'unknown-reference']]);
  });

  it('never throws on garbage', () => {
    for (const g of [null, 1, 'x', [], {}, { values: 5 }]) expect(validateRecord(g, packs).issues.length).toBeGreaterThan(0);
  });
});

describe('dictionaryView', () => {
  it('keys the values by dictionary key through the bindings', () => {
    const form = packs[0]!.forms!.find((f) => f.id === 'meeting')!;
    expect(dictionaryView(form, base.values)).toEqual({ 'meeting.date': '2024-03-28', 'meeting.present': base.values.present });
  });
});
