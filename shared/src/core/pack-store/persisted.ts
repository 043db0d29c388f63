/**
 * The store behind a small storage interface, so the extension passes chrome.storage.local and
 * tests pass a Map. Updates are serialised: two messages arriving together cannot both read the
 * old state and one overwrite the other.
 */
import { emptyPackStore, readPackStore } from './store.ts';
import type { PackStoreState } from './types.ts';

export interface PackStoreStorage {
  load(): Promise<unknown>;
  save(state: PackStoreState): Promise<void>;
}

export class PersistedPackStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: PackStoreStorage) {}

  async read(): Promise<PackStoreState> {
    await this.queue.catch(() => undefined);
    return readPackStore(await this.storage.load());
  }

  /**
   * Runs `change` on the latest state; saves only when the state's content changed. A write that
   * changes nothing still fires storage listeners everywhere (every open panel re-reads its
   * packs), so no-op writes are skipped.
   */
  update<R>(change: (state: PackStoreState) => Promise<{ state: PackStoreState; result: R }> | { state: PackStoreState; result: R }): Promise<R> {
    const run = this.queue.catch(() => undefined).then(async () => {
      const before = readPackStore(await this.storage.load());
      const { state, result } = await change(before);
      if (state !== before && JSON.stringify(state) !== JSON.stringify(before)) await this.storage.save(state);
      return result;
    });
    this.queue = run;
    return run;
  }
}

/** An in-memory storage (tests, and a fallback). */
export function memoryStorage(initial: unknown = emptyPackStore()): PackStoreStorage & { value: unknown } {
  const box = {
    value: JSON.parse(JSON.stringify(initial)) as unknown,
    async load() { return JSON.parse(JSON.stringify(box.value)) as unknown; },
    async save(state: PackStoreState) { box.value = JSON.parse(JSON.stringify(state)) as unknown; },
  };
  return box;
}
