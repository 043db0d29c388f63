/**
 * Issue 13 part 10 (core): two editors on one record. Before, both saved blindly and shared
 * one journal key: the second save erased the first edit without any crash. Now each saver
 * compares the stored version with the one it last saw (under a per-record lock), keeps both
 * versions on a conflict until the user chooses, and each panel instance has its own journal
 * key; a gone instance's journal is recovered, a live one's is left alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, DraftJournal, DraftSaver, MemoryStorage, type LvzhiRecord } from '@lvzhi/shared';

const example = JSON.parse(readFileSync(new URL('../../forms/examples/deputy-profile.json', import.meta.url), 'utf8')) as LvzhiRecord;
const edit = (r: LvzhiRecord, name: string, at: string): LvzhiRecord => ({ ...r, values: { ...r.values, name }, updatedAt: at });

describe('one writer per record', () => {
  it('a second panel’s save does not erase the first panel’s edit: both versions are kept for the user', async () => {
    const store = createMemoryStore();
    await store.put(example);
    const base = (await store.get(example.id))!;
    const conflicts: Array<{ mine: LvzhiRecord; theirs: LvzhiRecord | undefined }> = [];
    const a = new DraftSaver(store, { delayMs: 5, conflicts: { base, onConflict: () => undefined } });
    const b = new DraftSaver(store, { delayMs: 5, conflicts: { base, onConflict: (mine, theirs) => conflicts.push({ mine, theirs }) } });
    a.save(edit(base, '王建国', '2026-12-06T10:00:01+08:00'));
    await a.flush();
    b.save(edit(base, '李秀英', '2026-12-06T10:00:02+08:00'));
    await b.flush();
    expect((await store.get(example.id))!.values.name).toBe('王建国');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.mine.values.name).toBe('李秀英');
    expect(conflicts[0]!.theirs!.values.name).toBe('王建国');
    // typing on in B writes nothing until the user chooses
    b.save(edit(base, '李秀英同志', '2026-12-06T10:00:03+08:00'));
    await b.flush();
    expect((await store.get(example.id))!.values.name).toBe('王建国');
    // the user keeps B's version: written over A's, knowingly
    await b.resolve('mine');
    expect((await store.get(example.id))!.values.name).toBe('李秀英同志');
    // and A, which has not seen that, now gets the conflict instead of overwriting
    let aConflict = false;
    const a2 = new DraftSaver(store, { delayMs: 5, conflicts: { base: edit(base, '王建国', '2026-12-06T10:00:01+08:00'), onConflict: () => { aConflict = true; } } });
    a2.save(edit(base, '王建国2', '2026-12-06T10:00:04+08:00'));
    await a2.flush();
    expect(aConflict).toBe(true);
    expect((await store.get(example.id))!.values.name).toBe('李秀英同志');
  });

  it('choosing the other version drops this editor’s pending change', async () => {
    const store = createMemoryStore();
    await store.put(example);
    const base = (await store.get(example.id))!;
    await store.put(edit(base, '王建国', '2026-12-06T10:00:01+08:00'));
    const b = new DraftSaver(store, { delayMs: 5, conflicts: { base, onConflict: () => undefined } });
    b.save(edit(base, '李秀英', '2026-12-06T10:00:02+08:00'));
    await b.flush();
    expect(b.conflict).toBeDefined();
    await b.resolve('theirs');
    expect(b.dirty).toBe(false);
    expect((await store.get(example.id))!.values.name).toBe('王建国');
  });

  it('runs the compare-and-save inside the per-record lock it is given', async () => {
    const store = createMemoryStore();
    const held: string[] = [];
    const s = new DraftSaver(store, { delayMs: 5, conflicts: { base: undefined, onConflict: () => undefined, exclusive: async (id, fn) => { held.push(id); return fn(); } } });
    s.save(example);
    await s.flush();
    expect(held).toEqual([example.id]);
    expect(await store.get(example.id)).toEqual(example);
  });
});

describe('a journal per panel instance', () => {
  it('two live panels keep separate journal entries; a gone panel’s entry is recovered, a live one’s is not', () => {
    const storage = new MemoryStorage();
    const live = new Set(['a', 'b']);
    const A = new DraftJournal(storage, { instance: 'a', isOrphan: (i) => !live.has(i) });
    const B = new DraftJournal(storage, { instance: 'b', isOrphan: (i) => !live.has(i) });
    A.recover(example.id, example);
    B.recover(example.id, example);
    A.write(edit(example, '赵志刚', '2026-12-06T10:00:01+08:00'));
    B.write(edit(example, '李秀英', '2026-12-06T10:00:02+08:00'));
    expect([...storage.map.keys()].sort()).toEqual([`lvzhi:journal:a:${example.id}`, `lvzhi:journal:b:${example.id}`]);
    // a third panel opens while A and B live: it takes neither
    const C = new DraftJournal(storage, { instance: 'c', isOrphan: (i) => !live.has(i) });
    expect(C.recover(example.id, example).recovered).toEqual([]);
    // A crashes (its lock is released): the next panel recovers A's typing, B's stays B's
    live.delete('a');
    const D = new DraftJournal(storage, { instance: 'd', isOrphan: (i) => !live.has(i) });
    const got = D.recover(example.id, example);
    expect(got.record!.values.name).toBe('赵志刚');
    expect(storage.map.has(`lvzhi:journal:b:${example.id}`)).toBe(true);
    expect(storage.map.has(`lvzhi:journal:a:${example.id}`)).toBe(false);
  });

  it('reports a journal write that the storage refuses (quota)', () => {
    const problems: string[] = [];
    const full = new MemoryStorage();
    full.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    const j = new DraftJournal(full, { instance: 'a', onProblem: (p) => problems.push(`${p.kind}: ${p.reason}`) });
    j.recover(example.id, example);
    j.write(edit(example, '赵志刚', '2026-12-06T10:00:01+08:00'));
    expect(problems).toEqual(['write-failed: QuotaExceededError: The quota has been exceeded.']);
  });
});
