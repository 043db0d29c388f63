/**
 * 自动填写 for the portal tab: pick the record, see the plan (which portal field gets which value,
 * what is skipped and why), confirm the fill, see the report, undo. 从页面读取 reads the page back
 * into a new draft. The plan is made here (core planFill over the page's scan); the page only
 * scans and writes. A page that navigated or changed since the plan is not filled.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  bestFormForLabels, createRecord, describeCompleteness, describePlan, isoInChina, missingRequired, readDraftName, dictionaryView, formValuesFromDictionary, planFill, readBackValues, recordTitle,
  type FillPlan, type FillReport, type LvzhiRecord, type PortalMapping, type SkipReason,
} from '@lvzhi/shared';
import { scanOptionsFor } from '@lvzhi/shared/dom';
import { matchesPattern } from '../lib/staff-portals.ts';
import { usePanel } from './context.ts';
import { saveRecord, targetTabId, usePacks, useRecords } from './data.ts';
import { askPage } from './page-client.ts';
import { nameDraft } from './intake-data.ts';
import { focusFieldOnOpen } from './RecordsView.tsx';
import type { TextKey } from './i18n.ts';

const REASONS: Record<SkipReason, TextKey> = {
  'no-label': 'skipNoLabel', 'no-match': 'skipNoMatch', ambiguous: 'skipAmbiguous', 'no-value': 'skipNoValue', 'no-option': 'skipNoOption',
  unusable: 'skipUnusable', 'mapping-skip': 'skipMapping', unsupported: 'skipUnsupported', password: 'skipPassword', 'cross-origin': 'skipCrossOrigin', duplicate: 'skipDuplicate',
  'missing-part': 'skipMissingPart',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'planned'; plan: FillPlan; scanId: string }
  | { kind: 'filled'; plan: FillPlan; report: FillReport }
  | { kind: 'undone'; restored: number; failed: Array<{ label: string; error: string }> };

export function FillView({ selected, autoPlan, onAutoPlanDone, onReadBack }: { selected: LvzhiRecord | undefined; autoPlan: number; onAutoPlanDone(): void; onReadBack(r: LvzhiRecord): void }) {
  const { t, tabId: tabFromUrl, lang } = usePanel();
  const packs = usePacks();
  const records = useRecords();
  const client = useQueryClient();
  const [tabId, setTabId] = useState<number>();
  const [page, setPage] = useState<{ url: string; title: string } | null | undefined>(undefined);
  const [recordId, setRecordId] = useState<string>('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<{ text: string; bad?: boolean; fix?: string }>();
  const [busy, setBusy] = useState(false);

  const connect = useCallback(async () => {
    const id = await targetTabId(tabFromUrl);
    setTabId(id);
    if (id === undefined) { setPage(null); return; }
    const hello = await askPage(id, { type: 'lvzhi.page.hello' });
    setPage(hello?.ok && hello.kind === 'hello' ? { url: hello.url, title: hello.title } : null);
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

  const pd = packs.data;
  const list = useMemo(() => (records.data?.records ?? []).filter((r) => !r.deletedAt), [records.data]);
  // The portal mapping: the one whose URL patterns match the page, or the one the user picks
  // (a portal moved to a new address, a test copy), or none (matching by labels alone).
  const [mappingChoice, setMappingChoice] = useState<string>('auto');
  const detected: PortalMapping | undefined = useMemo(() => {
    if (!pd || !page) return undefined;
    return [...pd.autofill.portals.values()].find((m) => m.match.some((p) => matchesPattern(p, page.url)));
  }, [pd, page]);
  const mapping: PortalMapping | undefined = mappingChoice === 'auto' ? detected : mappingChoice === 'none' ? undefined : pd?.autofill.portals.get(mappingChoice);

  // Default record: the one chosen in the records tab, else the latest of the mapping's form.
  useEffect(() => {
    if (selected) setRecordId(selected.id);
    else if (!recordId && mapping?.form) setRecordId(list.find((r) => r.form === mapping.form)?.id ?? '');
  }, [selected, mapping, list, recordId]);

  const record = list.find((r) => r.id === recordId) ?? (selected?.id === recordId ? selected : undefined);

  const makePlan = useCallback(async () => {
    if (!pd || tabId === undefined || !record) return;
    // Required means required: an incomplete record is not used to fill (staffdata, issue 12).
    const c = missingRequired(record, pd.packs);
    if (!c.ok) { setMessage({ text: `${t('incompleteUse')}${describeCompleteness(c, lang)}`, bad: true, fix: c.missing[0]?.fieldId ?? c.invalid[0]?.fieldId ?? '' }); return; }
    setBusy(true);
    setMessage(undefined);
    try {
      const form = pd.forms.get(record.form)?.form;
      const answer = await askPage(tabId, { type: 'lvzhi.page.scan', options: scanOptionsFor(mapping) });
      if (!answer?.ok || answer.kind !== 'scan') { setMessage({ text: answer && !answer.ok ? answer.message : t('noPage'), bad: true }); return; }
      const values = form ? dictionaryView(form, record.values) : record.values;
      const plan = planFill(pd.autofill, answer.scan, values, { ...(mapping ? { mapping } : {}), ...(form ? { form } : {}) });
      setPhase({ kind: 'planned', plan, scanId: answer.scanId });
    } finally {
      setBusy(false);
    }
  }, [pd, tabId, record, mapping, t, lang]);

  useEffect(() => {
    if (autoPlan > 0 && record && page) { onAutoPlanDone(); void makePlan(); }
  }, [autoPlan, record, page, makePlan, onAutoPlanDone]);

  const fill = async () => {
    if (phase.kind !== 'planned' || tabId === undefined) return;
    setBusy(true);
    try {
      const answer = await askPage(tabId, { type: 'lvzhi.page.fill', scanId: phase.scanId, plan: phase.plan });
      if (!answer) { setMessage({ text: t('pageGone'), bad: true }); setPhase({ kind: 'idle' }); return; }
      if (!answer.ok) { setMessage({ text: answer.message, bad: true }); setPhase({ kind: 'idle' }); return; }
      if (answer.kind === 'fill') setPhase({ kind: 'filled', plan: phase.plan, report: answer.report });
    } finally {
      setBusy(false);
    }
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

  return (
    <section data-testid="fill-view">
      <div className="card">
        {page === undefined ? <span>{t('loading')}</span> : page === null ? (
          <span className="warn" data-testid="no-portal">{t('noPage')} <button type="button" onClick={() => void connect()}>{t('retry')}</button></span>
        ) : (
          <div>
            <div data-testid="page-title"><strong>{page.title}</strong></div>
            <div className="hint" style={{ wordBreak: 'break-all' }}>{page.url}</div>
            <label className="row hint">
              {t('mapping')}
              <select data-testid="fill-mapping" value={mappingChoice} onChange={(e) => { setMappingChoice(e.target.value); setPhase({ kind: 'idle' }); }} style={{ flex: 1, minWidth: 0 }}>
                <option value="auto">{detected ? `${t('detected')}：${lang === 'en' ? detected.titleEn ?? detected.title : detected.title}` : `${t('detected')}：${t('noMapping')}`}</option>
                <option value="none">{t('noMapping')}</option>
                {[...(pd?.autofill.portals.values() ?? [])].map((m) => <option key={m.id} value={m.id}>{lang === 'en' ? m.titleEn ?? m.title : m.title}</option>)}
              </select>
            </label>
          </div>
        )}
      </div>
      <label className="row">
        {t('recordToUse')}
        <select data-testid="fill-record" value={recordId} onChange={(e) => { setRecordId(e.target.value); setPhase({ kind: 'idle' }); }} style={{ flex: 1, minWidth: 0 }}>
          <option value="">{t('chooseRecord')}</option>
          {list.map((r) => <option key={r.id} value={r.id}>{recordTitle(r, pd?.forms.get(r.form)?.form)}（{pd?.forms.get(r.form)?.form.title ?? r.form}）</option>)}
        </select>
      </label>
      <div className="row" style={{ margin: '8px 0' }}>
        <button type="button" className="primary" data-testid="autofill" disabled={!record || !page || busy} onClick={() => void makePlan()}>{t('autofill')}</button>
        <button type="button" data-testid="read-page" disabled={!page || busy} onClick={() => void readPage()}>{t('readPage')}</button>
      </div>
      {message && <p role="status" data-testid="fill-message" className={message.bad ? 'bad' : ''}>{message.text}
        {message.fix && record && <button type="button" className="link" data-testid="fill-fix-record" onClick={() => { focusFieldOnOpen(message.fix!); onReadBack(record); }}>{t('goToField')}</button>}</p>}
      {phase.kind === 'planned' && (
        <div data-testid="fill-plan">
          <h3 className="h3">{t('planTitle')}（{phase.plan.steps.length + phase.plan.tables.length}）</h3>
          <table className="plan"><tbody>
            {describePlan(phase.plan).map((line, i) => <tr key={i} data-testid="plan-step"><td>{line}</td></tr>)}
            {phase.plan.tables.map((tb) => <tr key={tb.table} data-testid="plan-step"><td>{tb.label} ← {tb.rows.length} {t('rows')}</td></tr>)}
          </tbody></table>
          {phase.plan.skipped.length > 0 && (
            <details>
              <summary>{t('skipped')}（{phase.plan.skipped.length}）</summary>
              <ul data-testid="plan-skipped">{phase.plan.skipped.map((s, i) => <li key={i}>{s.label || s.control}：{t(REASONS[s.reason])}{s.detail ? `（${s.detail}）` : ''}</li>)}</ul>
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
          {phase.report.failed.length > 0 && <ul className="bad" data-testid="report-failed">{phase.report.failed.map((f, i) => <li key={i}>{f.label}：{f.error}</li>)}</ul>}
          {phase.report.skipped.length > 0 && <p className="hint">{t('skipped')}：{phase.report.skipped.length}</p>}
          <p className="hint">{t('checkThenSubmit')}</p>
          <button type="button" data-testid="undo-fill" onClick={() => void undo()}>{t('undo')}</button>
        </div>
      )}
      {phase.kind === 'undone' && (
        <div>
          <p data-testid="undo-done">{t('undone')}：{phase.restored}</p>
          {phase.failed.length > 0 && (
            <ul className="warn" data-testid="undo-failed">{phase.failed.map((f, i) => <li key={i} data-testid="undo-failed-item">{f.label}：{f.error}（{t('undoByHand')}）</li>)}</ul>
          )}
        </div>
      )}
    </section>
  );
}
