/**
 * Drafts are saved as they are typed: each change schedules a save after a short pause
 * (debounce), and `flush()` writes the pending one at once — call it when the page is hidden or
 * closed (see `flushOnPageHide` in @lvzhi/shared/dom). Saves are serialised: a slow write is
 * never overtaken by an older one. With a `journal`, each change is also written ahead at once.
 */
import type { LvzhiRecord } from '../record-schema.ts';
import type { RecordStore } from './store.ts';
import type { DraftJournalLike } from './journal.ts';

export interface DraftSaverOptions {
  /** Pause after the last change before saving; default 600 ms. */
  delayMs?: number;
  onSaved?: (record: LvzhiRecord) => void;
  onError?: (error: unknown, record: LvzhiRecord) => void;
  /**
   * A write-ahead journal (see `DraftJournal`; `openDraftJournal` in @lvzhi/shared/dom): every
   * change is written to it at once, synchronously, and cleared when the store has the save, so
   * a crash inside the pause loses nothing.
   */
  journal?: DraftJournalLike;
}

export class DraftSaver {
  private pending: LvzhiRecord | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  readonly delayMs: number;

  constructor(private readonly store: RecordStore, private readonly options: DraftSaverOptions = {}) {
    this.delayMs = options.delayMs ?? 600;
  }

  /** Whether a change waits to be written. */
  get dirty(): boolean { return this.pending !== undefined; }

  /** Schedules `record` to be saved after the pause (a later call replaces it). */
  save(record: LvzhiRecord): void {
    this.options.journal?.write(record);
    this.pending = record;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.flush(); }, this.delayMs);
  }

  /** Writes the pending change now; resolves when it (and any write before it) is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    const record = this.pending;
    this.pending = undefined;
    if (record) {
      this.chain = this.chain.then(() => this.store.put(record)).then(
        () => { this.options.journal?.committed(record); this.options.onSaved?.(record); },
        (e: unknown) => { if (this.options.onError) this.options.onError(e, record); else throw e; },
      );
    }
    return this.chain;
  }

  /** Stops the timer without writing (e.g. the record was deleted). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
