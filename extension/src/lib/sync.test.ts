/**
 * The extension's outbox store (IndexedDB `lvzhi-sync`): version 2 adds an index by record id,
 * which the pull asks before writing a pulled version. A browser that queued changes under
 * version 1 keeps them through the upgrade, and they count as waiting.
 * (fake-indexeddb in Node; the office browser test uses Chromium's real IndexedDB from empty.)
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { OutboxEntry } from '@lvzhi/shared';
import { syncStorage } from './sync.ts';

const entry = (changeId: string, id: string): OutboxEntry => ({
  changeId, queuedAt: '2026-12-06T08:00:00.000Z',
  record: { id, pack: 'lvzhi.suggestions', form: 'suggestion', formVersion: 1, status: 'draft', createdAt: '2024-03-10T09:00:00+08:00', updatedAt: '2024-03-10T09:00:00+08:00', values: { content: '离线时写下的内容' } },
});

describe('sync outbox in IndexedDB', () => {
  it('keeps the changes queued under version 1 and finds them by record id after the upgrade', async () => {
    const v1 = await openDB('lvzhi-sync', 1, { upgrade(d) { d.createObjectStore('outbox', { keyPath: 'changeId' }); } });
    await v1.put('outbox', entry('c-1', 'sug-1'));
    v1.close();
    expect((await syncStorage.outbox()).map((e) => e.changeId)).toEqual(['c-1']);
    expect(await syncStorage.hasPending!('sug-1')).toBe(true);
    expect(await syncStorage.hasPending!('sug-2')).toBe(false);
    await syncStorage.add(entry('c-2', 'sug-2'));
    expect(await syncStorage.hasPending!('sug-2')).toBe(true);
    await syncStorage.remove(['c-1', 'c-2']);
    expect(await syncStorage.hasPending!('sug-1')).toBe(false);
    expect(await syncStorage.hasPending!('sug-2')).toBe(false);
  });
});
