/**
 * Records: drafts first, then complete records; start a record of any form (from the last one
 * and the office defaults), import a spreadsheet, edit with the shared FormView (people fields
 * offered from the rosters the profile records make), fields proposed from a pasted notice.
 * 完成 and 用于填写 refuse a record with required fields empty, each named with a link to it. Every change is saved as a draft after a short pause
 * and when the panel is hidden or closed; if storage fails (quota), the draft stays in memory
 * and the user is asked to export it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  DraftSaver, FormEngine, migrateRecord, isoInChina, missingRequired, recordTitle, rosterFillPatch, startNewRecord, todayInChina,
  type Completeness, type LvzhiRecord, type RosterEntry,
} from '@lvzhi/shared';
import { flushOnPageHide, openDraftJournal } from '@lvzhi/shared/dom';
import type { JournalProblem } from '@lvzhi/shared';
import { FormView } from '@lvzhi/shared/react';
import { recordStore } from '../lib/staff-data.ts';
import { recordLock } from '../lib/sync.ts';
import { usePanel } from './context.ts';
import { usePacks, useRecords, type PackData } from './data.ts';
import { downloadJson } from './download.ts';
import { ImportView } from './ImportView.tsx';
import { useDraftNames, useOfficeDefaults, useRosters } from './intake-data.ts';
import { PasteView } from './PasteView.tsx';

/**
 * A field to focus when the editor opens (a link from a refusal elsewhere in the panel, e.g. the
 * fill tab's "record incomplete"): set just before the record is opened, taken once.
 */
let pendingFocus: string | undefined;
const NEW_FORM_KEY = 'lvzhi.newRecordForm';
export function focusFieldOnOpen(fieldId: string): void { pendingFocus = fieldId; }

/** Scrolls to a field of the open form and focuses its first control. */
function focusField(root: HTMLElement | null, fieldId: string): void {
  const box = root?.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldId)}"]`);
  if (!box) return;
  box.scrollIntoView({ block: 'center' });
  box.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus();
}

/** The refusal: what is missing or wrong, each a link that focuses the field. */
function Refusal({ c, lead, onGo }: { c: Completeness; lead: string; onGo(fieldId: string): void }) {
  const { t, lang } = usePanel();
  const item = (m: Completeness['missing'][number], i: number) => (
    <li key={i} data-testid="missing-field" data-field={m.fieldId}>
      <button type="button" className="link" data-testid="missing-link" onClick={() => onGo(m.fieldId)}>{lang === 'en' ? m.labelEn : m.label}</button>
      {m.code !== 'required' ? `：${lang === 'en' ? m.messageEn : m.message}` : ''}
    </li>
  );
  return (
    <div className="bad" role="alert" data-testid="incomplete">
      <strong>{lead}</strong>
      {c.missing.length > 0 && <div>{t('missingFields')}（{c.missing.length}）：<ul>{c.missing.map(item)}</ul></div>}
      {c.invalid.length > 0 && <div>{t('invalidFields')}（{c.invalid.length}）：<ul>{c.invalid.map(item)}</ul></div>}
      {c.other.length > 0 && <ul>{c.other.map((o, i) => <li key={i}>{lang === 'en' ? o.messageEn : o.message}</li>)}</ul>}
    </div>
  );
}

export function RecordsView({ onUse, initial }: { onUse(record: LvzhiRecord): void; initial?: LvzhiRecord | undefined }) {
  const { t, lang } = usePanel();
  const packs = usePacks();
  const records = useRecords();
  const client = useQueryClient();
  const [editing, setEditing] = useState<LvzhiRecord | undefined>(initial);
  // The form of the last new record is chosen again (a week of suggestions is one form after another).
  const [formId, setFormId] = useState(() => localStorage.getItem(NEW_FORM_KEY) ?? '');
  const [lastBackup, setLastBackup] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<number>();
  const [startNote, setStartNote] = useState<{ fromLast: string[]; fromDefaults: string[] }>();
  const defaults = useOfficeDefaults();
  const names = useDraftNames();
  const rosters = useRosters(packs.data, records.data?.records);
  useEffect(() => { void chrome.storage.local.get('lvzhi.backup.last').then((g) => { const v = g['lvzhi.backup.last']; if (typeof v === 'string') setLastBackup(v); }); }, []);

  if (packs.isLoading || records.isLoading) return <p>{t('loading')}</p>;
  if (packs.error) throw packs.error;
  if (records.error) throw records.error;
  const pd = packs.data!;
  const list = (records.data?.records ?? []).filter((r) => !r.deletedAt);
  const formChoice = pd.forms.has(formId) ? formId : '';

  if (editing) {
    const entry = pd.forms.get(editing.form);
    if (!entry) return <p className="bad">{t('formMissing')}：{editing.form}</p>;
    return (
      <LiveGate>
        <RecordEditor key={`${editing.id}@${editing.updatedAt}`} record={editing} pd={pd} rosters={rosters} all={records.data?.records ?? []} startNote={startNote} onClose={() => { setEditing(undefined); setStartNote(undefined); void client.invalidateQueries({ queryKey: ['records'] }); }} onUse={onUse} onReload={(r) => setEditing(r)} />
      </LiveGate>
    );
  }

  const start = (fromLast: boolean) => {
    const entry = pd.forms.get(formChoice);
    if (!entry) return;
    const s = startNewRecord({ pack: entry.pack, form: entry.form, ctx: { optionsOf: pd.optionsOf }, records: list, fromLast, defaults: defaults.data ?? {} });
    setStartNote({ fromLast: s.fromLast, fromDefaults: s.fromDefaults });
    setEditing(s.record);
  };
  // The list may be a moment old (a sync or another panel wrote since it was read): what opens
  // or is used is the record as the store holds it now, so an edit never starts from an old copy
  // and saves over what was pulled (a workflow, a reply).
  const latest = async (r: LvzhiRecord): Promise<LvzhiRecord> => (await (await recordStore()).get(r.id).catch(() => undefined)) ?? r;
  const edit = (r: LvzhiRecord) => { void latest(r).then(setEditing); };
  const use = (listed: LvzhiRecord) => void latest(listed).then((r) => {
    // 用于填写 from the list: an incomplete record opens in the editor with what is missing.
    const c = missingRequired(r, pd.packs);
    if (!c.ok) { focusFieldOnOpen(c.missing[0]?.fieldId ?? c.invalid[0]?.fieldId ?? ''); setEditing(r); return; }
    onUse(r);
  });

  const drafts = list.filter((r) => r.status === 'draft');
  const done = list.filter((r) => r.status !== 'draft');
  const row = (r: LvzhiRecord) => {
    const form = pd.forms.get(r.form)?.form;
    return (
      <li key={r.id} className="card" data-testid="record-row" data-record-id={r.id} data-status={r.status}>
        <div><strong>{recordTitle(r, form)}</strong>{names.data?.[r.id] && <span className="hint" data-testid="draft-name"> · {names.data[r.id]}</span>}</div>
        <div className="hint">{lang === 'en' ? form?.titleEn ?? form?.title : form?.title} · {r.status === 'draft' ? t('draft') : t('complete')} · {r.updatedAt.slice(0, 16).replace('T', ' ')}</div>
        <div className="row">
          <button type="button" data-testid="record-edit" onClick={() => edit(r)}>{t('edit')}</button>
          <button type="button" data-testid="record-use" onClick={() => use(r)}>{t('useForFill')}</button>
        </div>
      </li>
    );
  };
  return (
    <section>
      <p className="warn" data-testid="backup-reminder">{t('backupReminder')}{lastBackup ? ` ${t('lastBackup')}：${todayInChina(new Date(lastBackup))}` : ` ${t('neverBackedUp')}`}</p>
      <div className="row">
        <select data-testid="new-form" aria-label={t('newRecord')} value={formChoice} onChange={(e) => { setFormId(e.target.value); localStorage.setItem(NEW_FORM_KEY, e.target.value); }}>
          <option value="">{t('chooseForm')}</option>
          {[...pd.forms.values()].map(({ form }) => <option key={form.id} value={form.id}>{lang === 'en' ? form.titleEn ?? form.title : form.title}</option>)}
        </select>
        <button type="button" className="primary" data-testid="new-record" disabled={!formChoice} onClick={() => start(false)}>{t('newRecord')}</button>
        <button type="button" data-testid="new-from-last" disabled={!formChoice || !list.some((r) => r.form === formChoice)} onClick={() => start(true)}>{t('fromLast')}</button>
        <button type="button" data-testid="import-open" onClick={() => { setImporting(true); setImported(undefined); }}>{t('importSheet')}</button>
      </div>
      {imported !== undefined && imported > 0 && <p className="good" role="status" data-testid="import-done">{t('importDone')}：{imported}</p>}
      {importing && <ImportView pd={pd} onDone={(n) => { setImporting(false); setImported(n); }} />}
      {records.data && records.data.corrupt > 0 && <p className="warn">{t('corrupt')}：{records.data.corrupt}</p>}
      <h2 className="h2">{t('drafts')}（{drafts.length}）</h2>
      <ul style={{ listStyle: 'none', padding: 0 }} data-testid="draft-list">{drafts.map(row)}</ul>
      <h2 className="h2">{t('completed')}（{done.length}）</h2>
      <ul style={{ listStyle: 'none', padding: 0 }}>{done.map(row)}</ul>
    </section>
  );
}

/**
 * Every keystroke is also written synchronously to a journal in localStorage, cleared once the
 * debounced IndexedDB save commits: a panel that crashes inside the save pause loses nothing.
 * One journal per panel instance (issue 13 part 10): two panels on one record never share a
 * journal key. Each panel holds a Web Lock named after its instance for its whole life, so a
 * panel that opens a record recovers only the journals of panels that are gone (crashed or
 * closed) — a live panel's journal stays its own.
 */
const PANEL_INSTANCE = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
const PANEL_LOCK = 'lvzhi.panel:';
const locks = (): LockManager | undefined => (globalThis.navigator as Navigator | undefined)?.locks;
void locks()?.request(PANEL_LOCK + PANEL_INSTANCE, () => new Promise<void>(() => {}));
let liveInstances = new Set<string>([PANEL_INSTANCE]);
async function refreshLiveInstances(): Promise<void> {
  const held = (await locks()?.query())?.held ?? [];
  liveInstances = new Set([PANEL_INSTANCE, ...held.flatMap((l) => (l.name?.startsWith(PANEL_LOCK) ? [l.name.slice(PANEL_LOCK.length)] : []))]);
}
/** Journal problems (a full localStorage) for the open editor to show. */
const journalProblems = new Set<(p: JournalProblem) => void>();
let journal: ReturnType<typeof openDraftJournal> | undefined;
const draftJournal = () => (journal ??= openDraftJournal({
  instance: PANEL_INSTANCE,
  isOrphan: (i) => !liveInstances.has(i),
  onProblem: (p) => { for (const l of journalProblems) l(p); },
}));

/** Renders its children once the live panels are known (the journal recovers only from gone ones). */
function LiveGate({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => { void refreshLiveInstances().catch(() => undefined).finally(() => setReady(true)); }, []);
  return ready ? <>{children}</> : null;
}

function RecordEditor({ record: stored, pd, rosters, all, startNote, onClose, onUse, onReload }: { record: LvzhiRecord; pd: PackData; rosters: Record<string, RosterEntry[]>; all: readonly LvzhiRecord[]; startNote?: { fromLast: string[]; fromDefaults: string[] } | undefined; onClose(): void; onUse(r: LvzhiRecord): void; onReload(r: LvzhiRecord): void }) {
  const { t, lang } = usePanel();
  // What the journal holds from a crash inside the last save pause is merged back on open.
  const recovered = useMemo(() => draftJournal().recover(stored.id, stored), [stored]);
  const record = recovered.record ?? stored;
  const latest = pd.forms.get(record.form)!;
  // The engine belongs to the record and the form *version* it was opened with, not to the pack
  // store's objects: the store is re-read whenever any pack changes (a subscription check, an
  // edit in the studio), and rebuilding the engine then would reset the form to the values it
  // was opened with and lose everything typed since. A new version of the form is offered below,
  // and moving to it carries the current values over (migrateRecord keeps what no longer fits in
  // the attic).
  const [form, setForm] = useState(latest.form);
  const optionsRef = useRef(pd.optionsOf);
  optionsRef.current = pd.optionsOf;
  const current = useRef<LvzhiRecord>(record);
  const engine = useMemo(
    () => new FormEngine(form, { values: current.current.values, ctx: { optionsOf: (...a: Parameters<PackData['optionsOf']>) => optionsRef.current(...a) } }),
    [form],
  );
  const newerForm = latest.form.version > form.version ? latest : undefined;
  const moveToNewVersion = () => {
    if (!newerForm) return;
    const now = { ...current.current, values: engine.getValues() };
    const moved = migrateRecord(now, newerForm.form).record;
    current.current = { ...moved, packVersion: newerForm.pack.version, updatedAt: isoInChina() };
    saver.current?.save(current.current);
    setForm(newerForm.form);
  };
  const [state, setState] = useState<'saved' | 'saving' | 'memory'>('saved');
  const [refusal, setRefusal] = useState<{ c: Completeness; lead: string }>();
  // A new record starts with the paste box open: a notice pasted there is the cheapest way to fill it.
  const [pasting, setPasting] = useState(startNote !== undefined);
  // On a new record every value it starts with came from the form's defaults, the office defaults
  // or the last record, not from the user: while it is unchanged, a notice's value is ticked over it.
  const soft = useMemo(() => new Map(startNote ? Object.entries(structuredClone(record.values)) : []), [startNote, record]);
  const formRoot = useRef<HTMLDivElement>(null);
  const go = (fieldId: string) => focusField(formRoot.current, fieldId);
  // A link elsewhere asked for a field, or the record was opened because it is incomplete.
  useEffect(() => {
    const c = missingRequired(current.current, pd.packs);
    const f = pendingFocus;
    pendingFocus = undefined;
    if (f !== undefined) { setShowAll(true); setRefusal(c.ok ? undefined : { c, lead: t('incompleteUse') }); setTimeout(() => { if (f) go(f); }, 0); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [storeError, setStoreError] = useState<string>();
  const [journalError, setJournalError] = useState<string>();
  const [conflict, setConflict] = useState<{ theirs: LvzhiRecord | undefined }>();
  useEffect(() => {
    const l = (p: JournalProblem) => { if (p.kind === 'write-failed' && p.id === record.id) setJournalError(p.reason); };
    journalProblems.add(l);
    return () => { journalProblems.delete(l); };
  }, [record.id]);
  const saver = useRef<DraftSaver>();
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let stop = () => {};
    let cancelled = false;
    void recordStore().then(async (store) => {
      // the base of compare-and-save: the version this editor shows, when the store has the record
      const inStore = await store.get(stored.id).catch(() => undefined);
      if (cancelled) return;
      saver.current = new DraftSaver(store, {
        delayMs: 400,
        journal: draftJournal(),
        // compare-and-save under the record's Web Lock: another panel's save is never overwritten unseen
        conflicts: {
          base: inStore ? stored : undefined,
          exclusive: recordLock,
          onConflict: (_mine, theirs) => { setState('memory'); setConflict({ theirs }); },
        },
        onSaved: () => setState('saved'),
        onError: (e) => { setState('memory'); setStoreError(e instanceof Error ? e.message : String(e)); },
      });
      stop = flushOnPageHide(saver.current);
      if (recovered.recovered.length > 0) saver.current.save(current.current);
    });
    return () => { cancelled = true; stop(); void saver.current?.flush(); };
  }, [recovered]);

  // The roster link (a person field's rosterFill in the pack): choosing a deputy — picked, pasted
  // or carried over — fills the fields the pack names from that deputy's profile, never over a
  // value the clerk typed (rosterFillPatch). The profile is the roster entry's record.
  const linkData = useRef({ rosters, all });
  linkData.current = { rosters, all };
  useEffect(() => {
    const profileOf = (rosterId: string, v: unknown): Record<string, unknown> | undefined => {
      if (!v || typeof v !== 'object') return undefined;
      const { id, name } = v as { id?: unknown; name?: unknown };
      const entries = linkData.current.rosters[rosterId] ?? [];
      // a name typed in full (no id) counts when exactly one person on the roster has it
      const byName = typeof name === 'string' ? entries.filter((e) => e.name === name) : [];
      const entry = id !== undefined ? entries.find((e) => e.id === String(id)) : byName.length === 1 ? byName[0] : undefined;
      const recordId = entry?.recordId ?? entry?.id;
      return recordId ? linkData.current.all.find((r) => r.id === recordId && !r.deletedAt)?.values : undefined;
    };
    const offs: Array<() => void> = [];
    for (const s of form.sections) {
      for (const f of s.fields) {
        if (f.type !== 'person' || !f.rosterFill) continue;
        const rosterId = f.roster ?? 'deputies';
        const idOf = () => { const v = engine.getValues()[f.id] as { id?: unknown; name?: unknown } | undefined; return JSON.stringify([v?.id ?? null, v?.name ?? null]); };
        let last = idOf();
        let previous = profileOf(rosterId, engine.getValues()[f.id]);
        offs.push(engine.subscribeField(f.id, () => {
          if (idOf() === last) return;
          last = idOf();
          const profile = profileOf(rosterId, engine.getValues()[f.id]);
          const patch = rosterFillPatch(f, profile, engine.getValues(), previous);
          previous = profile;
          // after the change that called us has been delivered to every listener
          if (Object.keys(patch).length > 0) queueMicrotask(() => engine.setValues(patch));
        }));
      }
    }
    return () => offs.forEach((off) => off());
  }, [engine, form]);

  useEffect(() => engine.subscribe(() => {
    current.current = { ...current.current, values: engine.getValues(), updatedAt: isoInChina() };
    setState('saving');
    saver.current?.save(current.current);
  }), [engine]);

  // The one completeness check (core missingRequired): the record as it would be when complete.
  const refuse = (lead: string): boolean => {
    const c = missingRequired({ ...current.current, values: engine.getValues() }, pd.packs);
    if (c.ok) { setRefusal(undefined); return false; }
    setShowAll(true);
    setRefusal({ c, lead });
    return true;
  };
  const complete = async () => {
    const r = { ...current.current, values: engine.getValues(), updatedAt: isoInChina() };
    if (refuse(t('incomplete'))) return;
    current.current = { ...r, status: 'complete' };
    saver.current?.save(current.current);
    await saver.current?.flush();
    onClose();
  };

  return (
    <section data-testid="record-editor" data-record-id={record.id}>
      <div className="row">
        <button type="button" data-testid="editor-back" onClick={() => { void saver.current?.flush().finally(onClose); }}>← {t('back')}</button>
        <span className="hint" data-testid="save-state">{state === 'saved' ? t('savedDraft') : state === 'saving' ? t('saving') : t('inMemory')}</span>
      </div>
      <h2 className="h2">{lang === 'en' ? form.titleEn ?? form.title : form.title}</h2>
      {newerForm && (
        <div className="warn" role="status" data-testid="form-updated">
          {t('formUpdated')}
          <button type="button" data-testid="form-move" onClick={moveToNewVersion}>{t('moveToNewVersion')}</button>
        </div>
      )}
      {conflict && (
        <div className="warn" role="alert" data-testid="save-conflict">
          {t('saveConflict')}
          <button type="button" data-testid="conflict-keep-mine" onClick={() => { setConflict(undefined); setState('saving'); current.current = { ...current.current, values: engine.getValues(), updatedAt: isoInChina() }; void saver.current?.resolve('mine', current.current); }}>{t('keepMine')}</button>
          <button type="button" data-testid="conflict-take-theirs" onClick={() => { const theirs = conflict.theirs; setConflict(undefined); void saver.current?.resolve('theirs').then(() => { draftJournal().discard(record.id); if (theirs) onReload(theirs); else onClose(); }); }}>{t('takeTheirs')}</button>
          <button type="button" onClick={() => downloadJson(`履职草稿-${record.id}-本面板.json`, { ...current.current, values: engine.getValues() })}>{t('exportDraft')}</button>
        </div>
      )}
      {journalError && (
        <div className="warn" role="alert" data-testid="journal-warning">{t('journalProblem')}（{journalError}）</div>
      )}
      {storeError && (
        <div className="warn" role="alert" data-testid="quota-warning">
          {t('quotaProblem')}（{storeError}）
          <button type="button" onClick={() => downloadJson(`履职草稿-${record.id}.json`, current.current)}>{t('exportDraft')}</button>
        </div>
      )}
      {startNote && startNote.fromLast.length > 0 && <p className="hint" data-testid="from-last-note">{t('fromLastFilled')}：{startNote.fromLast.length}</p>}
      {startNote && startNote.fromDefaults.length > 0 && <p className="hint" data-testid="from-defaults-note">{t('fromDefaults')}：{startNote.fromDefaults.map((id) => form.sections.flatMap((x) => x.fields).find((f) => f.id === id)?.label ?? id).join('、')}</p>}
      <div className="row"><button type="button" data-testid="paste-open" onClick={() => setPasting(true)}>{t('pasteText')}</button></div>
      {pasting && <PasteView engine={engine} pd={pd} rosters={rosters} soft={soft} onClose={() => setPasting(false)} />}
      <div ref={formRoot}>
        <FormView engine={engine} optionsOf={pd.optionsOf} lang={lang} layout="panel" showAllErrors={showAll} rosters={rosters} {...(current.current.attic ? { attic: current.current.attic } : {})} />
      </div>
      {refusal && <Refusal c={refusal.c} lead={refusal.lead} onGo={go} />}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" className="primary" data-testid="record-complete" onClick={() => void complete()}>{t('markComplete')}</button>
        <button type="button" data-testid="editor-use" onClick={() => { if (refuse(t('incompleteUse'))) return; void saver.current?.flush(); onUse({ ...current.current, values: engine.getValues() }); }}>{t('useForFill')}</button>
      </div>
    </section>
  );
}
