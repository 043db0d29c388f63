/**
 * 自动填写 for the portal tab: pick the record (preselected: the one chosen in the records tab,
 * the record of the open fill session, the latest record of the portal mapping's form, else of
 * the form whose fields best match the page's labels), see the plan (which portal field gets
 * which value, what is skipped and why, in plain words), confirm the fill, see the report, undo.
 * A tab that is not an allowed portal gets one button that allows it (no reload). While a fill
 * session is open, fields that appear later are filled with 继续填写, and fields the clerk fills
 * or changes by hand can be remembered (记住) into the office's local mapping.
 * 从页面读取 reads the page back into a new draft. The plan is made here (core planFill over the
 * page's scan); the page only scans and writes. A page that changed since the plan is not filled.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  bestFormForLabels, createRecord, describeCompleteness, describePlan, isoInChina, missingRequired, readDraftName, dictionaryView, formValuesFromDictionary, maskSensitive, matchLabels, planFill, readBackValues, recordTitle,
  type FillPlan, type FillReport, type LvzhiRecord, type PortalMapping, type ScanResult, type SkipReason,
} from '@lvzhi/shared';
import { scanOptionsFor } from '@lvzhi/shared/dom';
import { matchesPattern, permissionOrigin, sitePattern } from '../lib/staff-portals.ts';
import { LOCAL_PACK_ID, mergeLocal, proposeEntry, type TeachProposal } from '../lib/local-mapping.ts';
import { usePanel } from './context.ts';
import { saveRecord, targetTabId, usePacks, useRecords, type PackData } from './data.ts';
import { askPage } from './page-client.ts';
import { nameDraft } from './intake-data.ts';
import { focusFieldOnOpen } from './RecordsView.tsx';
import type { TextKey } from './i18n.ts';
import { recordFieldLabel, skipLine, stepLine } from './plain-words.ts';
import { rememberEntry } from './local-pack-client.ts';
import { auditFill } from '../lib/audit.ts';
import { importSummary } from './BackupView.tsx';
import { importBackupFile } from '../lib/backup-import.ts';
import { importWholeFile } from './ImportView.tsx';
import { recordStore } from '../lib/staff-data.ts';
import { FileButton } from '@lvzhi/shared/react';
import { mostLikelyRecord, noteUsed, readLastUsed, type LastUsed } from '../lib/last-used.ts';
import { planCollections, planSize } from '../lib/plan-rows.ts';

const REASONS: Record<SkipReason, TextKey> = {
  'no-label': 'skipNoLabel', 'no-match': 'skipNoMatch', ambiguous: 'skipAmbiguous', 'no-value': 'skipNoValue', 'no-option': 'skipNoOption',
  unusable: 'skipUnusable', 'mapping-skip': 'skipMapping', unsupported: 'skipUnsupported', password: 'skipPassword', 'cross-origin': 'skipCrossOrigin', duplicate: 'skipDuplicate',
  'missing-part': 'skipMissingPart',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'planned'; plan: FillPlan; scanId: string; recordId: string }
  | { kind: 'filled'; plan: FillPlan; report: FillReport }
  | { kind: 'undone'; restored: number; failed: Array<{ label: string; error: string }> };

const MAPPING_CHOICE_KEY = 'lvzhi.mappingChoice';

/** A page's address without query and fragment (the key a chosen mapping is remembered by). */
function pageKey(url: string): string | undefined {
  try { const u = new URL(url); return /^https?:$/.test(u.protocol) ? `${u.origin}${u.pathname}` : undefined; } catch { return undefined; }
}

type PageInfo = { url: string; title: string; session?: { recordId?: string; mappingId?: string; newFields: number; edited: number } };

/**
 * Among the forms that have records, the one whose bound keys the page's labels name most often
 * (at least two controls), for preselection. A label that could be several keys counts for each
 * form that binds one of them (the form decides, as planning within a form does).
 */
function bestFormByLabels(pd: PackData, scan: ScanResult, withRecords: ReadonlySet<string>): string | undefined {
  const perControl: string[][] = [];
  for (const c of scan.controls) {
    const m = matchLabels(pd.autofill, c.labels);
    const keys = m.kind === 'match' ? [m.key] : m.kind === 'ambiguous' ? m.keys : m.keys ?? [];
    if (keys.length > 0) perControl.push(keys);
  }
  let best: { id: string; n: number } | undefined;
  for (const [id, { form }] of pd.forms) {
    if (!withRecords.has(id)) continue;
    const bound = new Set<string>();
    for (const s of form.sections) for (const f of s.fields) { const b = (f as { bind?: string }).bind; if (b) bound.add(b); }
    const n = perControl.filter((keys) => keys.some((k) => bound.has(k))).length;
    if (n >= 2 && (!best || n > best.n)) best = { id, n };
  }
  return best?.id;
}

export function FillView({ selected, autoPlan, onAutoPlanDone, autoContinue, onAutoContinueDone, onReadBack }: {
  selected: LvzhiRecord | undefined; autoPlan: number; onAutoPlanDone(): void; autoContinue: number; onAutoContinueDone(): void; onReadBack(r: LvzhiRecord): void;
}) {
  const { t, tabId: tabFromUrl, lang } = usePanel();
  const packs = usePacks();
  const records = useRecords();
  const client = useQueryClient();
  const [tabId, setTabId] = useState<number>();
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [tabUrl, setTabUrl] = useState<string>();
  const [recordId, setRecordId] = useState<string>('');
  const [firstPass, setFirstPass] = useState('');
  // Ids of the records the first-use spreadsheet import wrote (for 撤销导入).
  const [firstImported, setFirstImported] = useState<string[]>([]);
  const [why, setWhy] = useState<TextKey>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<{ text: string; bad?: boolean; fix?: string }>();
  const [busy, setBusy] = useState(false);
  // Allowing a site is for filling it: the plan follows at once when a record is chosen.
  const [planAfterAllow, setPlanAfterAllow] = useState(false);
  // Choosing a record (or a mapping) shows its plan at once, without a separate 自动填写 click.
  const [planOnChoice, setPlanOnChoice] = useState(false);
  const [proposals, setProposals] = useState<Array<TeachProposal & { saved?: boolean; chosen?: string }>>([]);

  const connect = useCallback(async () => {
    const id = await targetTabId(tabFromUrl);
    setTabId(id);
    if (id === undefined) { setPage(null); return; }
    const hello = await askPage(id, { type: 'lvzhi.page.hello' });
    if (hello?.ok && hello.kind === 'hello') {
      setPage({ url: hello.url, title: hello.title, ...(hello.session ? { session: hello.session } : {}) });
      return;
    }
    setPage(null);
    // Not an allowed portal: its address (readable with the site's permission or activeTab) lets one click allow it.
    const tab = await chrome.tabs.get(id).catch(() => undefined);
    setTabUrl(tab?.url && sitePattern(tab.url) ? tab.url : undefined);
  }, [tabFromUrl]);
  useEffect(() => {
    void connect();
    if (tabFromUrl !== undefined) return undefined;
    // In the real side panel the panel follows the active tab.
    const onActivated = () => { setPhase({ kind: 'idle' }); void connect(); };
    const onUpdated = (_id: number, info: { status?: string }) => { if (info.status === 'complete') void connect(); };
    chrome.tabs.onActivated.addListener(onActivated);
    chrome.tabs.onUpdated.addListener(onUpdated);
    return () => { chrome.tabs.onActivated.removeListener(onActivated); chrome.tabs.onUpdated.removeListener(onUpdated); };
  }, [connect, tabFromUrl]);

  // One click to allow: the permission prompt runs in this click's gesture, then the background
  // adds the site and puts the launcher into the open tab; no reload.
  const allow = async () => {
    const pattern = tabUrl ? sitePattern(tabUrl) : undefined;
    if (!pattern || tabId === undefined) { setMessage({ text: t('allowUnknown'), bad: true }); return; }
    const granted = await chrome.permissions.request({ origins: [permissionOrigin(pattern)] }).catch(() => false);
    if (!granted) { setMessage({ text: t('portalDenied'), bad: true }); return; }
    const r = (await chrome.runtime.sendMessage({ type: 'lvzhi.portals.allowTab', tabId })) as { ok: boolean; error?: string } | undefined;
    if (!r?.ok) { setMessage({ text: r?.error ?? t('portalDenied'), bad: true }); return; }
    for (let i = 0; i < 30; i++) {
      const hello = await askPage(tabId, { type: 'lvzhi.page.hello' });
      if (hello?.ok && hello.kind === 'hello') { setPage({ url: hello.url, title: hello.title }); setMessage({ text: t('allowDone') }); setPlanAfterAllow(true); return; }
      await new Promise((res) => setTimeout(res, 100));
    }
    setMessage({ text: t('noPage'), bad: true });
  };

  const pd = packs.data;
  const list = useMemo(() => (records.data?.records ?? []).filter((r) => !r.deletedAt), [records.data]);
  const localIds = useMemo(() => new Set((pd?.packs.find((p) => p.id === LOCAL_PACK_ID)?.portals ?? []).map((m) => m.id)), [pd]);
  // The portal mapping: the one whose URL patterns match the page, or the one the user picks
  // (a portal moved to a new address, a test copy), or none (matching by labels alone); the
  // office's local entries for this site come first in any case.
  const [mappingChoice, setMappingChoice] = useState<string>('auto');
  const detected: PortalMapping | undefined = useMemo(() => {
    if (!pd || !page) return undefined;
    return [...pd.autofill.portals.values()].find((m) => !localIds.has(m.id) && m.match.some((p) => matchesPattern(p, page.url)));
  }, [pd, page, localIds]);
  const local: PortalMapping | undefined = useMemo(() => {
    if (!pd || !page) return undefined;
    return [...pd.autofill.portals.values()].find((m) => localIds.has(m.id) && m.match.some((p) => matchesPattern(p, page.url)));
  }, [pd, page, localIds]);
  // A mapping chosen by hand for a portal page (a portal at an address its mapping does not name)
  // is remembered for that page — its address without query or fragment, since one host often
  // serves several forms (`lvzhi.mappingChoice`, backed up with the settings): the next visit
  // starts with it, and with its plan.
  const site = page ? pageKey(page.url) : undefined;
  const choiceNow = useRef(mappingChoice);
  choiceNow.current = mappingChoice;
  useEffect(() => {
    if (!site || !pd) return;
    void chrome.storage.local.get(MAPPING_CHOICE_KEY).then((got) => {
      const m = (got[MAPPING_CHOICE_KEY] as Record<string, unknown> | undefined)?.[site];
      if (typeof m !== 'string' || !(m === 'none' || pd.autofill.portals.has(m))) return;
      if (choiceNow.current !== 'auto') return;
      setMappingChoice(m);
      setPlanOnChoice(true);
    }).catch(() => undefined);
  }, [site, pd]);
  const chooseMapping = (m: string) => {
    setMappingChoice(m);
    if (!site) return;
    void chrome.storage.local.get(MAPPING_CHOICE_KEY).then((got) => {
      const all = { ...((got[MAPPING_CHOICE_KEY] as Record<string, string> | undefined) ?? {}) };
      if (m === 'auto') delete all[site]; else all[site] = m;
      // bounded: the 200 sites chosen last
      return chrome.storage.local.set({ [MAPPING_CHOICE_KEY]: Object.fromEntries(Object.entries(all).slice(-200)) });
    }).catch(() => undefined);
  };
  const chosen: PortalMapping | undefined = mappingChoice === 'auto' ? detected : mappingChoice === 'none' ? undefined : pd?.autofill.portals.get(mappingChoice);
  const mapping = useMemo(() => mergeLocal(chosen, local), [chosen, local]);

  // The record most likely meant: of the form the mapping or the page's labels point to, the one
  // used or changed last (a record just filled into one portal is preselected for the next).
  const [lastUsed, setLastUsed] = useState<LastUsed>();
  useEffect(() => { void readLastUsed().then(setLastUsed); }, []);
  const labelsTried = useRef(false);
  useEffect(() => {
    if (selected) { setRecordId(selected.id); return; }
    if (recordId || !pd || !page || !lastUsed) return;
    const sessionRecord = page.session?.recordId;
    if (sessionRecord && list.some((r) => r.id === sessionRecord)) { setRecordId(sessionRecord); return; }
    if (chosen?.form) {
      const id = mostLikelyRecord(list, chosen.form, lastUsed);
      if (id) { setRecordId(id); setWhy('preselected'); return; }
    }
    if (labelsTried.current || tabId === undefined || list.length === 0) return;
    labelsTried.current = true;
    void askPage(tabId, { type: 'lvzhi.page.scan', options: scanOptionsFor(mapping) }).then((answer) => {
      if (!answer?.ok || answer.kind !== 'scan') return;
      const form = bestFormByLabels(pd, answer.scan, new Set(list.map((x) => x.form)));
      const id = form ? mostLikelyRecord(list, form, lastUsed) : undefined;
      if (id) { setRecordId((cur) => cur || id); setWhy('preselectedByLabels'); }
    });
  }, [selected, chosen, list, recordId, pd, page, tabId, mapping, lastUsed]);

  const record = list.find((r) => r.id === recordId) ?? (selected?.id === recordId ? selected : undefined);
  const form = record ? pd?.forms.get(record.form)?.form : undefined;
  const fieldLabel = useCallback((key: string) => recordFieldLabel(key, form, pd?.autofill, lang), [form, pd, lang]);

  const scanAndPlan = useCallback(async (onlyNew: boolean): Promise<{ plan: FillPlan; scanId: string } | undefined> => {
    if (!pd || tabId === undefined || !record) return undefined;
    const answer = await askPage(tabId, { type: 'lvzhi.page.scan', options: scanOptionsFor(mapping), onlyNew });
    if (!answer?.ok || answer.kind !== 'scan') { setMessage({ text: answer && !answer.ok ? answer.message : t('noPage'), bad: true }); return undefined; }
    const values = form ? dictionaryView(form, record.values) : record.values;
    const plan = planFill(pd.autofill, answer.scan, values, { ...(mapping ? { mapping } : {}), ...(form ? { form } : {}) });
    return { plan, scanId: answer.scanId };
  }, [pd, tabId, record, mapping, form, t]);

  const planSeq = useRef(0);
  const makePlan = useCallback(async () => {
    if (!pd || tabId === undefined || !record) return;
    // Required means required: an incomplete record is not used to fill (staffdata, issue 12).
    const c = missingRequired(record, pd.packs);
    if (!c.ok) { setMessage({ text: `${t('incompleteUse')}${describeCompleteness(c, lang)}`, bad: true, fix: c.missing[0]?.fieldId ?? c.invalid[0]?.fieldId ?? '' }); return; }
    setBusy(true);
    setMessage(undefined);
    // Only the newest request shows its plan (the record may be changed while a scan is under way).
    const seq = ++planSeq.current;
    try {
      const made = await scanAndPlan(false);
      if (made && seq === planSeq.current) setPhase({ kind: 'planned', ...made, recordId: record.id });
    } finally {
      setBusy(false);
    }
  }, [scanAndPlan, pd, tabId, record, t, lang]);

  useEffect(() => {
    if (autoPlan > 0 && record && page) { onAutoPlanDone(); void makePlan(); }
  }, [autoPlan, record, page, makePlan, onAutoPlanDone]);

  useEffect(() => {
    if (planAfterAllow && record && page) { setPlanAfterAllow(false); void makePlan(); }
  }, [planAfterAllow, record, page, makePlan]);

  // Choosing a record is choosing what to fill: its plan is shown at once (still to be confirmed),
  // without a separate 自动填写 click.
  useEffect(() => {
    if (planOnChoice && record && page) { setPlanOnChoice(false); void makePlan(); }
  }, [planOnChoice, record, page, makePlan]);

  const sendFill = async (plan: FillPlan, scanId: string): Promise<FillReport | undefined> => {
    if (tabId === undefined) return undefined;
    const answer = await askPage(tabId, { type: 'lvzhi.page.fill', scanId, plan, session: { ...(record ? { recordId: record.id } : {}), ...(mapping ? { mappingId: mapping.id } : {}) } });
    if (!answer) { setMessage({ text: t('pageGone'), bad: true }); setPhase({ kind: 'idle' }); return undefined; }
    if (!answer.ok) { setMessage({ text: answer.message, bad: true }); setPhase({ kind: 'idle' }); return undefined; }
    const report = answer.kind === 'fill' ? answer.report : undefined;
    if (report && record) void noteUsed(record.form, record.id);
    if (report && record) void auditFill(record.id, page?.url ?? '', { filled: report.filled.length, skipped: report.skipped.length, failed: report.failed.length, ...(mapping ? { mapping: mapping.id } : {}) });
    return report;
  };

  const fill = async () => {
    if (phase.kind !== 'planned') return;
    setBusy(true);
    try {
      const report = await sendFill(phase.plan, phase.scanId);
      if (report) { setPhase({ kind: 'filled', plan: phase.plan, report }); setProposals([]); }
    } finally {
      setBusy(false);
    }
  };

  // 继续填写: only the fields that appeared since the fill, with the same record, at once.
  const continueFill = useCallback(async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const made = await scanAndPlan(true);
      if (!made) return;
      if (planSize(made.plan) === 0) { setMessage({ text: t('continueNone') }); return; }
      const report = await sendFill(made.plan, made.scanId);
      if (report) { setPhase({ kind: 'filled', plan: made.plan, report }); setMessage({ text: `${t('continueDone')}：${report.filled.length}` }); }
    } finally {
      setBusy(false);
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scanAndPlan, t]);

  useEffect(() => {
    if (autoContinue > 0 && record && page) { onAutoContinueDone(); void continueFill(); }
  }, [autoContinue, record, page, continueFill, onAutoContinueDone]);

  // After a fill: what the clerk then changes by hand, offered to remember.
  const lastPlan = phase.kind === 'filled' ? phase.plan : undefined;
  const loadEdits = useCallback(async () => {
    if (tabId === undefined || !pd || !record || !lastPlan) return;
    const answer = await askPage(tabId, { type: 'lvzhi.page.edits' });
    if (!answer?.ok || answer.kind !== 'edits') return;
    const values = form ? dictionaryView(form, record.values) : record.values;
    const next = answer.controls.map((c) => proposeEntry(pd.autofill, c, values, lastPlan, answer.controls)).filter((p): p is TeachProposal => !!p);
    setProposals((old) => next.map((p) => { const o = old.find((x) => x.control === p.control && x.label === p.label); return o?.saved ? { ...p, saved: true } : { ...p, ...(o?.chosen ? { chosen: o.chosen } : {}) }; }));
  }, [tabId, pd, record, lastPlan, form]);
  const editedSeen = useRef(0);
  useEffect(() => {
    if (phase.kind !== 'filled' || tabId === undefined) return undefined;
    const timer = setInterval(() => {
      void askPage(tabId, { type: 'lvzhi.page.hello' }).then((hello) => {
        const n = hello?.ok && hello.kind === 'hello' ? hello.session?.edited ?? 0 : 0;
        if (n !== editedSeen.current) { editedSeen.current = n; void loadEdits(); }
      });
    }, 1500);
    return () => clearInterval(timer);
  }, [phase.kind, tabId, loadEdits]);

  const remember = async (p: TeachProposal & { chosen?: string }) => {
    const key = p.chosen ?? p.key;
    if (!pd || !page || !key) return;
    const site = sitePattern(page.url);
    if (!site) return;
    const r = await rememberEntry(pd, site, { locator: p.locator, key, ...(p.transform ? { transform: p.transform } : {}) });
    if (!r.ok) { setMessage({ text: `${t('teachFailed')}：${r.error}`, bad: true }); return; }
    setProposals((old) => old.map((x) => (x === p ? { ...x, saved: true } : x)));
    await client.invalidateQueries({ queryKey: ['packs'] });
  };

  const undo = async () => {
    if (tabId === undefined) return;
    const answer = await askPage(tabId, { type: 'lvzhi.page.undo' });
    if (answer?.ok && answer.kind === 'undo') setPhase({ kind: 'undone', restored: answer.restored, failed: answer.failed });
    else setMessage({ text: answer && !answer.ok ? answer.message : t('pageGone'), bad: true });
  };

  const readPage = async () => {
    if (!pd || tabId === undefined) return;
    const answer = await askPage(tabId, { type: 'lvzhi.page.scan', options: scanOptionsFor(mapping) });
    if (!answer?.ok || answer.kind !== 'scan') { setMessage({ text: t('noPage'), bad: true }); return; }
    // The form: the mapping's, else the one the page's labels match best, else the chosen record's.
    const formId = mapping?.form ?? bestFormForLabels(answer.scan.controls.flatMap((c) => c.labels.filter((l) => l.source !== 'name').map((l) => l.text)), pd.packs)?.form.id ?? record?.form;
    const entry = formId ? pd.forms.get(formId) : undefined;
    if (!entry) { setMessage({ text: t('readNoForm'), bad: true }); return; }
    const read = readBackValues(pd.autofill, answer.scan, { ...(mapping ? { mapping } : {}), form: entry.form });
    const draft = createRecord({ pack: entry.pack, form: entry.form, ctx: { optionsOf: pd.optionsOf }, values: formValuesFromDictionary(entry.form, read.values) });
    await saveRecord(draft);
    await nameDraft(draft.id, readDraftName(page?.title ?? '', isoInChina()));
    await client.invalidateQueries({ queryKey: ['draftNames'] });
    await client.invalidateQueries({ queryKey: ['records'] });
    setMessage({ text: `${t('readDone')}：${Object.keys(read.values).length}` });
    onReadBack(draft);
  };

  if (packs.isLoading || records.isLoading) return <p>{t('loading')}</p>;
  if (packs.error) throw packs.error;

  const skipTexts = { reason: (r: SkipReason) => t(REASONS[r]), unlabeled: t('unlabeled'), maybe: t('maybe'), recordLacks: t('recordLacks'), later: t('later') };
  const isSensitive = (key: string) => pd?.autofill.entries.get(key)?.sensitive === true;

  return (
    <section data-testid="fill-view">
      <div className="card">
        {page === undefined ? <span>{t('loading')}</span> : page === null ? (
          <div data-testid="no-portal">
            <span className="warn">{t('noPage')} </span>
            {tabUrl ? (
              <div>
                <p className="hint">{t('allowHint')}</p>
                <button type="button" className="primary" data-testid="allow-site" onClick={() => void allow()}>{t('allowHere')}</button>
              </div>
            ) : <button type="button" onClick={() => void connect()}>{t('retry')}</button>}
          </div>
        ) : (
          <div>
            <div data-testid="page-title"><strong>{page.title}</strong></div>
            <div className="hint" style={{ wordBreak: 'break-all' }}>{page.url}</div>
            <label className="row hint">
              {t('mapping')}
              <select data-testid="fill-mapping" value={mappingChoice} onChange={(e) => { chooseMapping(e.target.value); setPhase({ kind: 'idle' }); setPlanOnChoice(!!recordId); }} style={{ flex: 1, minWidth: 0 }}>
                <option value="auto">{detected ? `${t('detected')}：${lang === 'en' ? detected.titleEn ?? detected.title : detected.title}` : `${t('detected')}：${t('noMapping')}`}</option>
                <option value="none">{t('noMapping')}</option>
                {[...(pd?.autofill.portals.values() ?? [])].filter((m) => !localIds.has(m.id)).map((m) => <option key={m.id} value={m.id}>{lang === 'en' ? m.titleEn ?? m.title : m.title}</option>)}
              </select>
            </label>
          </div>
        )}
      </div>
      <label className="row">
        {t('recordToUse')}
        <select data-testid="fill-record" value={recordId} onChange={(e) => { setRecordId(e.target.value); setWhy(undefined); setPhase({ kind: 'idle' }); setPlanOnChoice(!!e.target.value); }} style={{ flex: 1, minWidth: 0 }}>
          <option value="">{t('chooseRecord')}</option>
          {list.map((r) => <option key={r.id} value={r.id}>{recordTitle(r, pd?.forms.get(r.form)?.form)}（{pd?.forms.get(r.form)?.form.title ?? r.form}）</option>)}
        </select>
      </label>
      {why && record && <p className="hint" data-testid="preselected">{t(why)}</p>}
      {list.length === 0 && (
        // First use: the records come in right here, and the plan follows once the page is allowed.
        <div className="card" data-testid="first-use">
          <p className="hint">{t('firstUse')}</p>
          {/* The office's roster (or another list) as it keeps it: no secret to type. */}
          <label className="row">{t('firstUseTable')}
            <FileButton data-testid="first-import-table" accept=".xlsx,.csv" lang={lang} onFiles={(files) => {
              const f = files[0];
              if (!f || !pd) return;
              void importWholeFile(f, pd, lang, t).then(async (r) => {
                if (!r.ok) { setMessage({ text: r.text, bad: true }); return; }
                setFirstImported(r.ids);
                setMessage({ text: `${t('firstUseTableDone')}：${r.ids.length}（${r.form}）` });
                await client.invalidateQueries();
                setPlanAfterAllow(true);
              }).catch((x: unknown) => setMessage({ text: String(x), bad: true }));
            }} />
          </label>
          <label className="row">{t('backupPassphrase')}
            <input type="password" autoComplete="current-password" data-testid="first-import-passphrase" value={firstPass} onChange={(e) => setFirstPass(e.target.value)} />
          </label>
          <label className="row">{t('firstUseImport')}
            <input type="file" accept=".json,application/json" data-testid="first-import" onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              void importBackupFile(f, firstPass).then(async (r) => {
                const said = importSummary(r, t, lang);
                setMessage(said);
                await client.invalidateQueries();
                if (!said.bad) setPlanAfterAllow(true);
              }).catch((x: unknown) => setMessage({ text: String(x), bad: true }));
            }} />
          </label>
        </div>
      )}
      {firstImported.length > 0 && (
        // The one-go import can be taken back at once (a wrong file, the wrong list).
        <button type="button" className="link" data-testid="first-import-undo" onClick={() => void (async () => {
          const store = await recordStore();
          for (const id of firstImported) await store.remove(id).catch(() => undefined);
          setFirstImported([]);
          setRecordId('');
          setPhase({ kind: 'idle' });
          setMessage({ text: t('firstUseTableUndone') });
          await client.invalidateQueries();
        })()}>{t('firstUseTableUndo')}</button>
      )}
      <div className="row" style={{ margin: '8px 0' }}>
        <button type="button" className="primary" data-testid="autofill" disabled={!record || !page || busy} onClick={() => void makePlan()}>{t('autofill')}</button>
        <button type="button" data-testid="read-page" disabled={!page || busy} onClick={() => void readPage()}>{t('readPage')}</button>
        {page?.session && <button type="button" data-testid="continue-fill" disabled={!record || busy} onClick={() => void continueFill()}>{t('continueTitle')}{page.session.newFields > 0 ? ` (${page.session.newFields})` : ''}</button>}
      </div>
      {message && <p role="status" data-testid="fill-message" className={message.bad ? 'bad' : ''}>{message.text}
        {message.fix && record && <button type="button" className="link" data-testid="fill-fix-record" onClick={() => { focusFieldOnOpen(message.fix!); onReadBack(record); }}>{t('goToField')}</button>}</p>}
      {phase.kind === 'planned' && (
        <div data-testid="fill-plan" data-record-id={phase.recordId}>
          <h3 className="h3">{t('planTitle')}（{planSize(phase.plan)}）</h3>
          <table className="plan"><tbody>
            {phase.plan.steps.map((s, i) => <tr key={i} data-testid="plan-step"><td>{stepLine(s, s.sensitive ? maskSensitive(s.display) : s.display, fieldLabel, t('unlabeled'))}</td></tr>)}
            {planCollections(phase.plan).map((c) => <tr key={c.id} data-testid="plan-step"><td>{portalTable(c.label, fieldLabel(c.key), t('unlabeled'))} ← {c.rows} {t('rows')}</td></tr>)}
          </tbody></table>
          {phase.plan.skipped.length > 0 && (
            <details>
              <summary>{t('skipped')}（{phase.plan.skipped.length}）</summary>
              <ul data-testid="plan-skipped">{phase.plan.skipped.map((s, i) => <li key={i}>{skipLine(s, fieldLabel, skipTexts)}</li>)}</ul>
            </details>
          )}
          <div className="row" style={{ marginTop: 8 }}>
            <button type="button" className="primary" data-testid="confirm-fill" disabled={busy} onClick={() => void fill()}>{t('confirmFill')}</button>
            <button type="button" onClick={() => setPhase({ kind: 'idle' })}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {phase.kind === 'filled' && (
        <div data-testid="fill-report">
          <h3 className="h3">{t('reportTitle')}</h3>
          <p className="good" data-testid="report-filled">{t('filledCount')}：{phase.report.filled.length}</p>
          {phase.report.failed.length > 0 && <ul className="bad" data-testid="report-failed">{phase.report.failed.map((f, i) => <li key={i}>{stepLine({ ...f, display: '' }, '', fieldLabel, t('unlabeled')).replace(/ ← .*$/, '')}：{f.error}</li>)}</ul>}
          {phase.report.skipped.length > 0 && (
            <details>
              <summary className="hint">{t('skipped')}：{phase.report.skipped.length}</summary>
              <ul data-testid="report-skipped">{phase.report.skipped.map((s, i) => <li key={i}>{skipLine(s, fieldLabel, skipTexts)}</li>)}</ul>
            </details>
          )}
          <p className="hint">{t('checkThenSubmit')}</p>
          <button type="button" data-testid="undo-fill" onClick={() => void undo()}>{t('undo')}</button>
          {proposals.length > 0 && (
            <div className="card" data-testid="teach">
              <h3 className="h3">{t('teachTitle')}</h3>
              <p className="hint">{t('teachHint')}</p>
              <ul>
                {proposals.map((p, i) => {
                  const key = p.chosen ?? p.key;
                  return (
                    <li key={`${p.control}-${i}`} data-testid="teach-item">
                      <span data-testid="teach-label">{p.label || t('unlabeled')}</span>：{key && isSensitive(key) ? maskSensitive(p.value) : p.value}{' '}
                      <select aria-label={t('teachKey')} data-testid="teach-key" value={key ?? ''} onChange={(e) => { const v = e.target.value; setProposals((old) => old.map((x) => (x === p ? { ...x, chosen: v } : x))); }}>
                        <option value="">{t('teachChooseKey')}</option>
                        {Object.keys(form ? dictionaryView(form, record?.values ?? {}) : record?.values ?? {}).filter((k) => fieldLabel(k)).map((k) => <option key={k} value={k}>{fieldLabel(k)}</option>)}
                      </select>{' '}
                      {p.saved ? <span className="good" data-testid="teach-saved">{t('teachRemembered')}</span>
                        : <button type="button" data-testid="teach-remember" disabled={!key} onClick={() => void remember(p)}>{t('teachRemember')}</button>}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </div>
      )}
      {phase.kind === 'undone' && (
        <div>
          <p data-testid="undo-done">{t('undone')}：{phase.restored}</p>
          {phase.failed.length > 0 && (
            <ul className="warn" data-testid="undo-failed">{phase.failed.map((f, i) => <li key={i} data-testid="undo-failed-item">{stepLine({ label: f.label, display: '', key: '' }, '', () => undefined, t('unlabeled')).replace(/ ← .*$/, '')}：{f.error}（{t('undoByHand')}）</li>)}</ul>
          )}
        </div>
      )}
    </section>
  );
}

function portalTable(label: string, field: string | undefined, unlabeled: string): string {
  const l = label.replace(/[\s:：*＊]+$/u, '');
  return l || field || unlabeled;
}
