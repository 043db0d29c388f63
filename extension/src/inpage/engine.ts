/**
 * The page engine the bridge drives: scan the page (all same-origin frames, and cross-origin
 * frames only when the portal mapping allows them), apply a plan, undo the last fill. It wraps
 * the autofill engine of @lvzhi/shared/dom (scanPage, applyPlan), imported from its autofill
 * folder directly: the package's ./dom entry also carries the IndexedDB store, whose zod record
 * schema would add ~60 KB to every portal page.
 *
 * While a fill session is open (after a fill, until undo or a new page) it also watches the page:
 * - controls that appear later (the next step of a wizard, a tab, a dialog, an added row) are
 *   counted, debounced and bounded, for the launcher's 继续填写 (N) (issue 12 part 4);
 * - controls of the session the user then fills or changes by hand (trusted input only) are
 *   kept, for the panel's 记住 (issue 12 part 5).
 */
import type { FillPlan, FillReport, ScanResult, ScannedControl } from '@lvzhi/shared';
import { PAGE_WORLD_INJECT } from '../lib/staff-portals.ts';
import { applyPlan, eventBridgePageWorld, sameOriginDocuments, scanPage, setPageWorld, type ApplyResult, type PageSession, type ScanOptions } from '@lvzhi/shared/dom/autofill';
import { PAGE_WORLD_INIT, newChannelName } from './page-world-channel.ts';

// This script runs in an isolated world: framework state (widget models and props for the scan
// and the read-back of a fill, a grid's row data, radio groups for undo) is reached through the
// MAIN-world helper (page-world.ts) on a random channel known only to the two.
const channel = newChannelName();
setPageWorld(eventBridgePageWorld({ request: `${channel}-q`, reply: `${channel}-a` }));

/** The top document and its same-origin frames, nested (the helper runs in each). */
const documents = (): Document[] => sameOriginDocuments(document);

let helper: Promise<void> | undefined;
/** Asks the background once per page for the MAIN-world helper; a fill goes on without it (undo then reports the radios). */
function ensurePageWorldHelper(): Promise<void> {
  if (helper) return helper;
  const asked = chrome.runtime.sendMessage({ type: PAGE_WORLD_INJECT }) as Promise<{ ok?: boolean } | undefined>;
  const late = new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000));
  helper = Promise.race([asked, late]).then(
    (r) => {
      if (!r?.ok) { helper = undefined; return; }
      // Tell each document's helper the channel: one event, which its listener removes after use.
      for (const d of documents()) {
        const W = d.defaultView as (Window & typeof globalThis) | null;
        if (W) d.dispatchEvent(new W.CustomEvent(PAGE_WORLD_INIT, { detail: channel }));
      }
    },
    () => { helper = undefined; },
  );
  return helper;
}

/** Bounds of the watching: a page that never stops changing costs at most this. */
const DEBOUNCE_MS = 400;
const MIN_RESCAN_GAP_MS = 1000;
const MAX_RESCANS = 300;
const MAX_EDITED = 200;
const WATCH_FOR_MS = 60 * 60 * 1000;

export interface SessionInfo { recordId?: string; mappingId?: string; newFields: number; edited: number }

export interface PageEngine {
  /** Scans the page; with `onlyNew`, the result lists only controls not seen by an earlier scan of this session. */
  scan(options?: ScanOptions, onlyNew?: boolean): Promise<ScanResult>;
  /** Ids of the plan's controls that are no longer in the page (removed since the scan). */
  missingControls(plan: FillPlan): string[];
  apply(plan: FillPlan, session?: { recordId?: string; mappingId?: string }): Promise<FillReport>;
  /** What was restored and what could not be; undefined when there is nothing to undo. */
  undo(): Promise<{ restored: number; failed: { control: string; error: string }[] } | undefined>;
  /** The open fill session, if any. */
  info(): SessionInfo | undefined;
  /** Controls of the session the user filled or changed by hand since the fill, as they read now. */
  edits(): ScannedControl[];
  /** Forgets the hand edits (after the panel took them). */
  clearEdits(): void;
  /** Called with the number of new fields whenever it changes. */
  onChange(listener: (info: SessionInfo | undefined) => void): void;
}

function elementsOf(entry: { handle: { el: Element; visible: Element; group?: Element[] } }): Element[] {
  return [entry.handle.el, entry.handle.visible, ...(entry.handle.group ?? [])];
}

class DomEngine implements PageEngine {
  private session: PageSession | undefined;
  private options: ScanOptions = {};
  private last: ApplyResult | undefined;
  private known = new WeakSet<Element>();
  private open: { recordId?: string; mappingId?: string; newFields: number; until: number; rescans: number } | undefined;
  private edited = new Set<Element>();
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRescan = 0;
  private listeners: Array<(info: SessionInfo | undefined) => void> = [];
  private inputListener = (e: Event) => this.noteInput(e);

  async scan(options: ScanOptions = {}, onlyNew = false): Promise<ScanResult> {
    this.options = options;
    // the scan reads widgets' props (a picker's format and type) through the helper too
    await ensurePageWorldHelper();
    const session = scanPage(document, options);
    this.session = session;
    const fresh = new Set<string>();
    for (const [id, entry] of session.controls) {
      if (!elementsOf(entry).some((el) => this.known.has(el))) fresh.add(id);
    }
    // Only controls the fill could use count as seen: one that was hidden (a closed tab, a
    // collapsed section, a step not shown yet) is new for 继续填写 once it shows.
    const usable = new Set(session.result.controls.filter((c) => c.usable).map((c) => c.id));
    for (const [id, entry] of session.controls) if (usable.has(id)) for (const el of elementsOf(entry)) this.known.add(el);
    if (!onlyNew) return session.result;
    return { ...session.result, controls: session.result.controls.filter((c) => fresh.has(c.id)), tables: [] };
  }

  missingControls(plan: FillPlan): string[] {
    const s = this.session;
    if (!s) return plan.steps.map((x) => x.control);
    return plan.steps.filter((step) => {
      const c = s.controls.get(step.control);
      const el = c?.handle.visible;
      return !c || !el || !el.isConnected;
    }).map((x) => x.control);
  }

  async apply(plan: FillPlan, session: { recordId?: string; mappingId?: string } = {}): Promise<FillReport> {
    if (!this.session) throw new Error('请先生成填写计划');
    await ensurePageWorldHelper();
    this.last = await applyPlan(this.session, plan);
    this.openSession(session);
    return this.last.report;
  }

  async undo(): Promise<{ restored: number; failed: { control: string; error: string }[] } | undefined> {
    if (!this.last) return undefined;
    const r = await this.last.undo();
    this.last = undefined;
    this.closeSession();
    return r;
  }

  info(): SessionInfo | undefined {
    const o = this.open;
    if (!o) return undefined;
    return { ...(o.recordId ? { recordId: o.recordId } : {}), ...(o.mappingId ? { mappingId: o.mappingId } : {}), newFields: o.newFields, edited: this.edited.size };
  }

  edits(): ScannedControl[] {
    if (this.edited.size === 0) return [];
    const now = scanPage(document, this.options);
    const out: ScannedControl[] = [];
    for (const c of now.result.controls) {
      const entry = now.controls.get(c.id);
      if (entry && elementsOf(entry).some((el) => this.edited.has(el) || [...this.edited].some((x) => el.contains(x)))) out.push(c);
    }
    return out;
  }

  clearEdits(): void {
    this.edited.clear();
    this.emit();
  }

  onChange(listener: (info: SessionInfo | undefined) => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    const info = this.info();
    for (const l of this.listeners) l(info);
  }

  private openSession(s: { recordId?: string; mappingId?: string }): void {
    const first = !this.open;
    this.open = { ...(s.recordId ? { recordId: s.recordId } : {}), ...(s.mappingId ? { mappingId: s.mappingId } : {}), newFields: 0, until: Date.now() + WATCH_FOR_MS, rescans: 0 };
    if (first) {
      this.observer = new MutationObserver(() => this.schedule());
      for (const d of documents()) {
        this.observer.observe(d.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'disabled'] });
        d.addEventListener('input', this.inputListener, true);
        d.addEventListener('change', this.inputListener, true);
      }
    }
    this.emit();
  }

  private closeSession(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of documents()) {
      d.removeEventListener('input', this.inputListener, true);
      d.removeEventListener('change', this.inputListener, true);
    }
    this.open = undefined;
    this.edited.clear();
    this.emit();
  }

  /** A person's own typing or choosing in a control of the session (never the fill's synthetic events). */
  private noteInput(e: Event): void {
    if (!e.isTrusted || !this.open || this.edited.size >= MAX_EDITED) return;
    let el = e.target instanceof Element ? e.target : null;
    for (let i = 0; el && i < 8; i++, el = el.parentElement) {
      if (this.known.has(el)) {
        if (!this.edited.has(el)) { this.edited.add(el); this.emit(); }
        return;
      }
    }
  }

  private schedule(): void {
    const o = this.open;
    if (!o) return;
    if (Date.now() > o.until || o.rescans >= MAX_RESCANS) { this.closeSessionWatchOnly(); return; }
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(DEBOUNCE_MS, this.lastRescan + MIN_RESCAN_GAP_MS - Date.now());
    this.timer = setTimeout(() => this.countNew(), wait);
  }

  private closeSessionWatchOnly(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Counts the usable controls no scan of this session has seen (without taking them into `known`). */
  private countNew(): void {
    const o = this.open;
    if (!o) return;
    this.lastRescan = Date.now();
    o.rescans += 1;
    const now = scanPage(document, this.options);
    let n = 0;
    for (const c of now.result.controls) {
      const entry = now.controls.get(c.id);
      if (c.usable && entry && !elementsOf(entry).some((el) => this.known.has(el))) n += 1;
    }
    if (n !== o.newFields) { o.newFields = n; this.emit(); }
  }
}

let engine: PageEngine | undefined;

export function pageEngine(): PageEngine {
  engine ??= new DomEngine();
  return engine;
}
