/**
 * The draft journal on `localStorage`: synchronous, small, and kept by the browser process, so it
 * survives a crash of the page's renderer (which would lose the pause of a debounced IndexedDB
 * write). One key per open draft, cleared when the IndexedDB save has committed.
 *
 *   const journal = openDraftJournal({ onProblem: (p) => console.warn(p.kind, p.reason) });
 *   const { record, recovered } = journal.recover(id, await store.get(id));
 *   const saver = new DraftSaver(store, { journal });
 *   if (recovered.length) saver.save(record);   // write the recovered typing to the store too
 */
import { DraftJournal, type DraftJournalOptions, type SyncStorage } from '../core/store/journal.ts';

/** The journal of this origin; a no-op journal when `localStorage` is not available. */
export function openDraftJournal(options: DraftJournalOptions & { storage?: SyncStorage } = {}): DraftJournal {
  let storage: SyncStorage | undefined = options.storage;
  if (!storage) {
    try { storage = globalThis.localStorage ?? undefined; } catch { storage = undefined; } // blocked storage throws on access
  }
  return new DraftJournal(storage, options);
}
