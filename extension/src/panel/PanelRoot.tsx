/**
 * The panel shell: language switch, tabs (records, fill, workflows, minutes, settings), each
 * tab in its own error boundary. React Query holds what is read from storage.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LvzhiRecord } from '@lvzhi/shared';
import { INTENT_KEY, type PendingIntent } from '../background/panel-open.ts';
import { BackupView } from './BackupView.tsx';
import { DefaultsView } from './DefaultsView.tsx';
import { FillView } from './FillView.tsx';
import { MinutesView } from './MinutesView.tsx';
import { RecordsView, focusFieldOnOpen } from './RecordsView.tsx';
import { WorkflowsView } from './WorkflowsView.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PanelContext, type PanelContextValue } from './context.ts';
import { TEXTS, type Lang, type TextKey } from './i18n.ts';
import { PackProblems } from './PackProblems.tsx';
import { PortalsView } from './PortalsView.tsx';
import { SyncView } from './SyncView.tsx';
import { PANEL_CSS } from './style.ts';
import { targetTabId } from './data.ts';
import { LANG_STORAGE_KEY } from '../lib/launcher-protocol.ts';
import { noteUsed } from '../lib/last-used.ts';

export const LANG_KEY = 'lvzhi.lang';

/** The launcher on portal pages follows the panel's language: it is kept where the background reads it. */
function shareLang(lang: Lang): void {
  void chrome.storage.local.set({ [LANG_STORAGE_KEY]: lang }).catch(() => undefined);
}

type Tab = 'records' | 'fill' | 'workflows' | 'minutes' | 'settings';
const TABS: Array<{ id: Tab; label: TextKey }> = [
  { id: 'records', label: 'tabRecords' },
  { id: 'fill', label: 'tabFill' },
  { id: 'workflows', label: 'tabWorkflows' },
  { id: 'minutes', label: 'tabMinutes' },
  { id: 'settings', label: 'tabSettings' },
];

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return stored === 'en' || stored === 'zh' ? stored : 'zh';
}

function tabFromUrl(): number | undefined {
  const v = new URLSearchParams(location.search).get('tab');
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) ? n : undefined;
}

function initialView(): Tab {
  const v = new URLSearchParams(location.search).get('view');
  return TABS.some((t) => t.id === v) ? (v as Tab) : 'records';
}

export function PanelRoot() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<Tab>(initialView);
  const [selected, setSelected] = useState<LvzhiRecord>();
  const [autoPlan, setAutoPlan] = useState(0);
  const [autoContinue, setAutoContinue] = useState(0);
  useEffect(() => { shareLang(lang); }, [lang]);
  // Opened over a web page (the toolbar icon on a portal) without a view asked for: the page is
  // what the clerk came to fill, so the fill tab comes first; elsewhere the records.
  useEffect(() => {
    if (new URLSearchParams(location.search).has('view')) return;
    void targetTabId(tabFromUrl()).then((id) => (id === undefined ? undefined : chrome.tabs.get(id))).then((tab) => {
      if (tab?.url && /^https?:/.test(tab.url)) setTab((cur) => (cur === 'records' ? 'fill' : cur));
    }).catch(() => undefined);
  }, []);
  const [intentNote, setIntentNote] = useState(false);
  // A record another tab asked to open (a minutes link, 回读, a workflow): the records view opens
  // it once; the clerk's own click on a tab drops it, or 记录 reopened that record over the list.
  const [editRequest, setEditRequest] = useState<LvzhiRecord>();

  // The launcher's 自动填写 and the Alt+Shift+F shortcut open the panel with a fill intent:
  // go to the fill tab and make the plan (the user still confirms it).
  const takeIntent = useCallback((i: PendingIntent | undefined) => {
    if (!i || Date.now() - i.at > 60_000) return;
    const mine = tabFromUrl();
    if (mine !== undefined && mine !== i.tabId) return;
    if (i.intent === 'fill') { setTab('fill'); setAutoPlan((n) => n + 1); setIntentNote(true); }
    if (i.intent === 'continue') { setTab('fill'); setAutoContinue((n) => n + 1); }
  }, []);
  useEffect(() => {
    const area = chrome.storage.session ?? chrome.storage.local;
    void area.get(INTENT_KEY).then((got) => { takeIntent(got[INTENT_KEY] as PendingIntent | undefined); void area.remove(INTENT_KEY); }).catch(() => undefined);
    const l = (m: unknown) => {
      const x = m as { type?: string } & Partial<PendingIntent>;
      if (x?.type === 'lvzhi.panel.intent' && typeof x.tabId === 'number' && (x.intent === 'fill' || x.intent === 'panel' || x.intent === 'continue')) takeIntent({ tabId: x.tabId, intent: x.intent, at: x.at ?? Date.now() });
    };
    chrome.runtime.onMessage.addListener(l);
    return () => chrome.runtime.onMessage.removeListener(l);
  }, [takeIntent]);
  const client = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }), []);
  const ctx: PanelContextValue = useMemo(() => ({ lang, t: (k: TextKey) => TEXTS[lang][k], tabId: tabFromUrl() }), [lang]);
  const t = ctx.t;
  const guard = (part: string, node: ReactNode) => (
    <ErrorBoundary key={`${part}-${lang}`} part={part} title={t('errorTitle')} retry={t('errorRetry')} whatLabel={t('errorWhat')}>{node}</ErrorBoundary>
  );
  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, next);
    setLang(next);
  };
  return (
    <QueryClientProvider client={client}>
      <PanelContext.Provider value={ctx}>
        <style>{PANEL_CSS}</style>
        <div className="panel" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <header className="header">
            <h1 className="h1">{t('appTitle')}</h1>
            <button type="button" className="link" data-testid="lang-switch" onClick={switchLang}>{t('language')}</button>
          </header>
          <nav className="tabs" role="tablist">
            {TABS.map((x) => (
              <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`tab-${x.id}`} className={tab === x.id ? 'tab on' : 'tab'} onClick={() => { setEditRequest(undefined); setTab(x.id); }}>{t(x.label)}</button>
            ))}
          </nav>
          {guard('packs', <PackProblems />)}
          <main className="body">
            {intentNote && tab === 'fill' && <p className="hint" data-testid="intent-note">{t('intentFill')}</p>}
            {tab === 'records' && guard(t('tabRecords'), <RecordsView key={editRequest?.id ?? 'list'} initial={editRequest} onUse={(r) => { setSelected(r); setTab('fill'); void noteUsed(r.form, r.id); }} />)}
            {tab === 'fill' && guard(t('tabFill'), <FillView selected={selected} autoPlan={autoPlan} onAutoPlanDone={() => setAutoPlan(0)} autoContinue={autoContinue} onAutoContinueDone={() => setAutoContinue(0)} onReadBack={(r) => { setEditRequest(r); setTab('records'); }} />)}
            {tab === 'workflows' && guard(t('tabWorkflows'), <WorkflowsView onEdit={(r) => { setEditRequest(r); setTab('records'); }} />)}
            {tab === 'minutes' && guard(t('tabMinutes'), <MinutesView onFix={(r, field) => { focusFieldOnOpen(field); setEditRequest(r); setTab('records'); }} />)}
            {tab === 'settings' && guard(t('tabSettings'), <><PortalsView /><DefaultsView /><BackupView /><SyncView /></>)}
          </main>
        </div>
      </PanelContext.Provider>
    </QueryClientProvider>
  );
}
