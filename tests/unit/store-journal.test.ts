/**
 * The draft write-ahead journal: every change is written synchronously (only what differs from
 * the stored version), cleared when the store has committed the save, merged back when the
 * record opens after a crash inside the debounce pause; a corrupt or stale entry is reported and
 * ignored, never blocking the record from opening.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, DraftJournal, DraftSaver, MemoryStorage, type JournalProblem, type LvzhiRecord } from '@lvzhi/shared';
import { openDraftJournal } from '@lvzhi/shared/dom';

const rec = (id: string, values: Record<string, unknown> = {}, updatedAt = '2024-04-26T09:00:00+08:00'): LvzhiRecord => ({
  id, pack: 'lvzhi.meetings', form: 'presidium-monthly', formVersion: 1, status: 'draft',
  createdAt: '2024-04-26T09:00:00+08:00', updatedAt, values,
});
const at = (s: number) => `2024-04-26T09:00:${String(s).padStart(2, '0')}+08:00`;
const PHOTO = { name: 'p.png', type: 'image/png', size: 3, data: 'data:image/png;base64,AAAA' };

afterEach(() => { vi.useRealTimers(); });

describe('DraftJournal', () => {
  it('a crash inside the debounce pause loses nothing: the journal has every change, the store none', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const store = createMemoryStore();
    await store.put(rec('m', { title: '四月例会', photos: [PHOTO] }));
    // session 1: open, type, crash before the 600 ms pause ends
    const j1 = new DraftJournal(storage);
    const opened = j1.recover('m', await store.get('m'));
    expect(opened.recovered).toEqual([]);
    const saver = new DraftSaver(store, { journal: j1 });
    let r = opened.record!;
    for (const [i, text] of ['会', '会议', '会议通报'].entries()) {
      r = { ...r, values: { ...r.values, discussion: text }, updatedAt: at(i + 1) };
      saver.save(r);
    }
    r = { ...r, values: { discussion: '会议通报', photos: r.values['photos'] }, updatedAt: at(4) }; // title cleared
    saver.save(r);
    await vi.advanceTimersByTimeAsync(300);
    expect((await store.get('m'))!.values).toEqual({ title: '四月例会', photos: [PHOTO] });
    // only what changed is journaled: not the photo
    const raw = storage.getItem('lvzhi:journal:m')!;
    expect(JSON.parse(raw)).toMatchObject({ set: { discussion: '会议通报' }, unset: ['title'], at: at(4) });
    expect(raw).not.toContain('base64');
    saver.cancel(); // the renderer is gone: no flush, no timer
    // session 2: a new page opens the record
    const j2 = new DraftJournal(storage);
    const again = j2.recover('m', await store.get('m'));
    expect(again.record!.values).toEqual({ discussion: '会议通报', photos: [PHOTO] });
    expect(again.recovered.sort()).toEqual(['discussion', 'title']);
    expect(again.record!.updatedAt).toBe(at(4));
    // saving the recovered record clears the journal once the store has it
    const saver2 = new DraftSaver(store, { journal: j2 });
    saver2.save(again.record!);
    await saver2.flush();
    expect((await store.get('m'))!.values).toEqual({ discussion: '会议通报', photos: [PHOTO] });
    expect(storage.getItem('lvzhi:journal:m')).toBeNull();
    expect(j2.pending()).toEqual([]);
  });

  it('is cleared when the debounced save commits, and keeps what came after it', async () => {
    const storage = new MemoryStorage();
    const store = createMemoryStore();
    const j = new DraftJournal(storage);
    j.recover('n', undefined); // a new record, never stored
    let release!: () => void;
    const slow = { ...store, put: async (x: LvzhiRecord) => { await new Promise<void>((res) => { release = res; }); await store.put(x); } };
    const saver = new DraftSaver(slow, { delayMs: 10 });
    const r1 = rec('n', { title: 'a' }, at(1));
    j.write(r1);
    saver.save(r1);
    const flushing = saver.flush();
    const r2 = rec('n', { title: 'ab' }, at(2));
    j.write(r2); // typed while the first write is in flight
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await flushing;
    j.committed(r1);
    // r1 is stored; r2 is still only in the journal, now relative to r1
    expect(JSON.parse(storage.getItem('lvzhi:journal:n')!)).toMatchObject({ base: at(1), set: { title: 'ab' } });
    expect(new DraftJournal(storage).recover('n', await store.get('n')).record!.values).toEqual({ title: 'ab' });
    j.committed(r2);
    expect(storage.getItem('lvzhi:journal:n')).toBeNull();
  });

  it('recovers a record that never reached the store', () => {
    const storage = new MemoryStorage();
    const j = new DraftJournal(storage);
    j.recover('new', undefined);
    j.write(rec('new', { title: '新建' }, at(5)));
    const { record, recovered } = new DraftJournal(storage).recover('new', undefined);
    expect(record).toEqual(rec('new', { title: '新建' }, at(5)));
    expect(recovered).toEqual(['title']);
  });

  it('a corrupt entry is reported, set aside and ignored; the record still opens', () => {
    for (const bad of ['{"v":1,"id":"m","at":', JSON.stringify({ v: 1, id: 'm', at: at(1), base: null, meta: {}, set: 'x', unset: [] }), JSON.stringify({ v: 1, id: 'other', at: at(1), base: null, meta: {}, set: {}, unset: [] })]) {
      const storage = new MemoryStorage();
      storage.setItem('lvzhi:journal:m', bad);
      const problems: JournalProblem[] = [];
      const stored = rec('m', { title: '完好' });
      const { record, recovered } = new DraftJournal(storage, { onProblem: (p) => problems.push(p) }).recover('m', stored);
      expect(record).toBe(stored);
      expect(recovered).toEqual([]);
      expect(problems).toMatchObject([{ id: 'm', kind: 'corrupt' }]);
      expect(storage.getItem('lvzhi:journal:m')).toBeNull();
      expect(storage.getItem('lvzhi:journal-corrupt:m')).toBe(bad);
    }
  });

  it('an entry whose merge is not a valid record is reported and ignored', () => {
    const storage = new MemoryStorage();
    storage.setItem('lvzhi:journal:m', JSON.stringify({ v: 1, id: 'm', at: at(9), base: null, meta: { status: 'half-done' }, set: { title: 'x' }, unset: [] }));
    const problems: JournalProblem[] = [];
    const { record } = new DraftJournal(storage, { onProblem: (p) => problems.push(p) }).recover('m', undefined);
    expect(record).toBeUndefined();
    expect(problems.map((p) => p.kind)).toEqual(['corrupt']);
  });

  it('a stale entry (the store holds a newer version) is reported and not applied', () => {
    const storage = new MemoryStorage();
    const j = new DraftJournal(storage);
    j.recover('m', rec('m', { title: 'old' }, at(1)));
    j.write(rec('m', { title: 'journaled' }, at(2)));
    const problems: JournalProblem[] = [];
    const newer = rec('m', { title: 'imported from a backup' }, at(30));
    const { record } = new DraftJournal(storage, { onProblem: (p) => problems.push(p) }).recover('m', newer);
    expect(record).toBe(newer);
    expect(problems.map((p) => p.kind)).toEqual(['stale']);
    expect(storage.getItem('lvzhi:journal:m')).toBeNull();
  });

  it('a full storage is reported, and the debounced save still happens', async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); };
    const problems: JournalProblem[] = [];
    const store = createMemoryStore();
    const saver = new DraftSaver(store, { journal: new DraftJournal(storage, { onProblem: (p) => problems.push(p) }) });
    saver.save(rec('q', { title: 'x' }));
    await saver.flush();
    expect(problems.map((p) => p.kind)).toEqual(['write-failed']);
    expect((await store.get('q'))!.values).toEqual({ title: 'x' });
  });

  it('openDraftJournal without localStorage (Node) is a journal that does nothing', () => {
    const j = openDraftJournal();
    expect(() => j.write(rec('x', { a: 1 }))).not.toThrow();
    expect(j.recover('x', undefined).record).toBeUndefined();
    const storage = new MemoryStorage();
    openDraftJournal({ storage }).write(rec('x', { a: 1 }));
    expect(storage.length).toBe(1);
  });
});
