/**
 * Storage: records are parsed with zod when read; a corrupt entry is quarantined and reported
 * while the rest still loads; drafts are saved debounced and flushed, so a reload in the middle
 * of typing loses nothing; trash. Runs on the in-memory backend and on the IndexedDB backend
 * (fake-indexeddb in Node; the browser test uses Chromium's real IndexedDB).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, createRecordStore, DraftSaver, MemoryBackend, type LvzhiRecord, type RawBackend, type RecordStore } from '@lvzhi/shared';
import { IndexedDbBackend } from '@lvzhi/shared/dom';

const rec = (id: string, values: Record<string, unknown> = {}): LvzhiRecord => ({
  id, pack: 'lvzhi.meetings', form: 'presidium-monthly', formVersion: 1, status: 'draft',
  createdAt: '2024-04-26T09:00:00+08:00', updatedAt: '2024-04-26T09:00:00+08:00', values,
});

let dbn = 0;
const backends: Array<[string, () => Promise<RawBackend>]> = [
  ['memory', async () => new MemoryBackend()],
  ['indexeddb', async () => IndexedDbBackend.open(`test-${++dbn}`)],
];

afterEach(() => { vi.useRealTimers(); });

describe.each(backends)('%s backend', (_name, open) => {
  it('round-trips records and lists them', async () => {
    const store = createRecordStore(await open());
    await store.put(rec('a', { title: '四月例会' }));
    await store.put(rec('b'));
    expect(await store.get('a')).toEqual(rec('a', { title: '四月例会' }));
    expect((await store.list()).records.map((r) => r.id).sort()).toEqual(['a', 'b']);
    await expect(store.put({ ...rec('bad'), status: 'done' } as unknown as LvzhiRecord)).rejects.toThrow(/not valid/);
    store.close();
  });

  it('a corrupt entry is quarantined and reported; the others still load', async () => {
    const backend = await open();
    const reported: string[] = [];
    const store = createRecordStore(backend, { onCorrupt: (e) => reported.push(e.key) });
    await store.put(rec('good', { title: '完好' }));
    await backend.put('broken', { id: 'broken', form: 'presidium-monthly', values: '半截' });
    await backend.put('wrong-key', rec('other'));
    const { records, corrupt } = await store.list();
    expect(records.map((r) => r.id)).toEqual(['good']);
    expect(corrupt.map((c) => c.key).sort()).toEqual(['broken', 'wrong-key']);
    expect(reported.sort()).toEqual(['broken', 'wrong-key']);
    const q = await store.quarantined();
    expect(q.find((e) => e.key === 'broken')).toMatchObject({ raw: { values: '半截' } });
    expect(q.find((e) => e.key === 'broken')!.reason).toMatch(/pack|values/);
    // moved out: the next load is clean, the raw value is kept for repair
    expect((await store.list()).corrupt).toEqual([]);
    expect(await store.get('broken')).toBeUndefined();
    store.close();
  });

  it('trash: restore within 30 days, purge after', async () => {
    const store = createRecordStore(await open());
    await store.put(rec('t'));
    await store.trash('t', new Date('2024-04-01T00:00:00Z'));
    expect((await store.get('t'))!.deletedAt).toBe('2024-04-01T08:00:00+08:00');
    await store.restore('t', new Date('2024-04-20T00:00:00Z'));
    expect((await store.get('t'))!.deletedAt).toBeUndefined();
    await store.trash('t', new Date('2024-04-01T00:00:00Z'));
    expect(await store.purgeTrash(new Date('2024-04-30T00:00:00Z'))).toEqual([]);
    expect(await store.purgeTrash(new Date('2024-05-02T00:00:00Z'))).toEqual(['t']);
    expect(await store.get('t')).toBeUndefined();
    store.close();
  });

  it('a reload in the middle of typing: the flush on page hide writes the pending draft', async () => {
    const backend = await open();
    const store = createRecordStore(backend);
    const saver = new DraftSaver(store, { delayMs: 10_000 });
    let r = rec('typing');
    for (const ch of '青山镇人大主席团四月例会') {
      r = { ...r, values: { title: `${(r.values['title'] as string | undefined) ?? ''}${ch}` } };
      saver.save(r);
    }
    expect(saver.dirty).toBe(true);
    expect(await store.get('typing')).toBeUndefined(); // debounce not fired yet
    await saver.flush(); // what pagehide does
    // "reload": a new store over the same backend
    const reopened = createRecordStore(backend);
    expect((await reopened.get('typing'))!.values['title']).toBe('青山镇人大主席团四月例会');
    store.close();
  });
});

describe('DraftSaver', () => {
  it('debounces: one write after the pause, with the last value', async () => {
    vi.useFakeTimers();
    const store = createMemoryStore();
    const put = vi.spyOn(store, 'put');
    const saver = new DraftSaver(store, { delayMs: 500 });
    saver.save(rec('d', { title: '一' }));
    await vi.advanceTimersByTimeAsync(300);
    saver.save(rec('d', { title: '一二' }));
    await vi.advanceTimersByTimeAsync(499);
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await saver.flush();
    expect(put).toHaveBeenCalledTimes(1);
    expect((await store.get('d'))!.values['title']).toBe('一二');
  });

  it('writes in order even when a write is slow', async () => {
    const backend = new MemoryBackend();
    const slow: RawBackend = Object.assign(Object.create(backend) as MemoryBackend, {
      put: async (k: string, v: unknown) => { if ((v as LvzhiRecord).values['n'] === 1) await new Promise((res) => setTimeout(res, 30)); return backend.put(k, v); },
    });
    const store: RecordStore = createRecordStore(slow);
    const saver = new DraftSaver(store, { delayMs: 1 });
    saver.save(rec('o', { n: 1 }));
    const first = saver.flush();
    saver.save(rec('o', { n: 2 }));
    await Promise.all([first, saver.flush()]);
    expect((await store.get('o'))!.values['n']).toBe(2);
  });

  it('reports a failed write instead of losing it silently', async () => {
    const store = createMemoryStore();
    const errors: unknown[] = [];
    const saver = new DraftSaver(store, { delayMs: 1, onError: (e) => errors.push(e) });
    saver.save({ ...rec('e'), createdAt: 'yesterday' });
    await saver.flush();
    expect(errors).toHaveLength(1);
  });
});
