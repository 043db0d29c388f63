/**
 * Drafts are saved as they are typed: each change schedules a save after a short pause
 * (debounce), and `flush()` writes the pending one at once — call it when the page is hidden or
 * closed (see `flushOnPageHide` in @lvzhi/shared/dom). Saves are serialised: a slow write is
 * never overtaken by an older one. With a `journal`, each change is also written ahead at once.
 */
import type { LvzhiRecord } from '../record-schema.ts';
import type { RecordStore } from './store.ts';
import type { DraftJournalLike } from './journal.ts';
import { canonicalJson } from '../audit/chain.ts';

/**
 * Compare-and-save (issue 13 part 10). Two panels open on one record each saved over the other:
 * an edit vanished without any crash. With this option each write first checks, inside one
 * critical section per record (`exclusive`: a Web Lock in the browser), that the store still
 * holds the version this editor last saw; if someone else saved in between, nothing is written,
 * `onConflict` gets both versions, and saving pauses until the user chooses (`resolve`).
 */
export interface ConflictOptions {
  /** The record as the store held it when the editor opened (undefined: not stored yet). */
  base: LvzhiRecord | undefined;
  /** Runs `fn` as the only writer of record `id` (navigator.locks in the browser). Default: no lock. */
  exclusive?: <T>(id: string, fn: () => Promise<T>) => Promise<T>;
  onConflict: (mine: LvzhiRecord, theirs: LvzhiRecord | undefined) => void;
}

const sameVersion = (a: LvzhiRecord | undefined, b: LvzhiRecord | undefined) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

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
  conflicts?: ConflictOptions;
}

export class DraftSaver {
  private pending: LvzhiRecord | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private base: LvzhiRecord | undefined;
  /** Set while a conflict waits for the user's choice: nothing is written meanwhile. */
  private held: { mine: LvzhiRecord; theirs: LvzhiRecord | undefined } | undefined;
  readonly delayMs: number;

  constructor(private readonly store: RecordStore, private readonly options: DraftSaverOptions = {}) {
    this.delayMs = options.delayMs ?? 600;
    this.base = options.conflicts?.base;
  }

  /** The conflict waiting for the user's choice, if any. */
  get conflict(): { mine: LvzhiRecord; theirs: LvzhiRecord | undefined } | undefined { return this.held; }

  /**
   * The user chose: 'mine' writes this editor's latest version over the other one; 'theirs'
   * drops this editor's pending change (the editor then shows the other version).
   */
  resolve(keep: 'mine' | 'theirs', latestMine?: LvzhiRecord): Promise<void> {
    const held = this.held;
    if (!held) return this.chain;
    this.held = undefined;
    this.base = held.theirs;
    if (keep === 'mine') {
      this.save(latestMine ?? this.pending ?? held.mine);
      return this.flush();
    }
    this.cancel();
    return this.chain;
  }

  private async write(record: LvzhiRecord): Promise<boolean> {
    const c = this.options.conflicts;
    if (!c) { await this.store.put(record); return true; }
    const run = c.exclusive ?? (<T>(_id: string, fn: () => Promise<T>) => fn());
    return run(record.id, async () => {
      if (this.held) { this.held = { ...this.held, mine: record }; return false; }
      const current = await this.store.get(record.id);
      if (!sameVersion(current, this.base)) {
        this.held = { mine: record, theirs: current };
        c.onConflict(record, current);
        return false;
      }
      await this.store.put(record);
      this.base = (await this.store.get(record.id)) ?? record;
      return true;
    });
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
      this.chain = this.chain.then(() => this.write(record)).then(
        (written) => { if (!written) return; this.options.journal?.committed(record); this.options.onSaved?.(record); },
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
