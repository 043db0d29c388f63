/**
 * The service worker's side of packs: it owns the pack store (chrome.storage.local
 * "lvzhi.packStore"), installs the built-in packs, applies the managed policy
 * (chrome.storage.managed), refreshes subscriptions on an alarm and on request (through a
 * react-query QueryClient: retries with back-off for network errors and 5xx, one fetch at a
 * time per URL), and answers the options page. Every rule (signatures, validation, managed packs
 * cannot be removed or disabled) is enforced here, in @lvzhi/shared's pack store, not in the page.
 */
import { QueryClient } from '@tanstack/react-query';
import packsJson from '@lvzhi/forms/dist/index.json';
import {
  applyPolicy, bumpVersionsForEdit, findPack, importTrustedKey, offerPack, PackKeyError, PersistedPackStore,
  readManagedPolicy, refreshSubscription, RetryableFetchError, removePack, rollBack, setPackEnabled, subscribe,
  syncBuiltins, trustedKeyRing, unsubscribe, activeVersion,
  type ChangeResult, type ManagedPolicy, type PackStoreState,
} from '@lvzhi/shared';
import {
  isPackRequest, PACK_STORE_KEY, REFRESH_ALARM,
  type PackRequest, type PackResponse, type PackStateView, type RefreshOutcome,
} from './packs-protocol.ts';

const store = new PersistedPackStore({
  load: async () => (await chrome.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY],
  save: async (state: PackStoreState) => { await chrome.storage.local.set({ [PACK_STORE_KEY]: state }); },
});

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => error instanceof RetryableFetchError && count < 3,
      retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8_000),
      staleTime: 0,
      gcTime: 0,
    },
  },
});

async function readPolicy(): Promise<ManagedPolicy> {
  try {
    return readManagedPolicy(await chrome.storage.managed.get(null));
  } catch {
    return readManagedPolicy(null); // no policy support (e.g. Firefox without a manifest)
  }
}

/**
 * When each subscription was last checked, kept apart from the pack store: a check that finds
 * nothing new must not touch the store (its listeners re-read the packs in every open panel).
 */
const CHECKS_KEY = 'lvzhi.packChecks';
async function noteCheck(url: string, at: Date): Promise<void> {
  const prev = (await chrome.storage.local.get(CHECKS_KEY))[CHECKS_KEY] as Record<string, string> | undefined;
  await chrome.storage.local.set({ [CHECKS_KEY]: { ...(prev ?? {}), [url]: at.toISOString() } });
}

async function view(): Promise<PackStateView> {
  const [stored, policy, checks] = await Promise.all([store.read(), readPolicy(), chrome.storage.local.get(CHECKS_KEY)]);
  const checkedAt = (checks[CHECKS_KEY] ?? {}) as Record<string, string>;
  const state = { ...stored, subscriptions: stored.subscriptions.map((s) => { const at = checkedAt[s.url]; return at ? { ...s, checkedAt: at } : s; }) };
  const ring = await trustedKeyRing(state, policy);
  return {
    state, policy,
    keys: ring.keys.map((k) => ({ kid: k.kid, managed: k.managed, ...(k.name ? { name: k.name } : {}) })),
    keyIssues: ring.issues,
  };
}

/** Fetches, verifies and offers one subscription; returns its outcome. */
async function refreshOne(url: string): Promise<RefreshOutcome> {
  try {
    const outcome = await queries.fetchQuery({
      queryKey: ['lvzhi.pack', url],
      queryFn: () => store.update(async (state) => {
        const ring = await trustedKeyRing(state, await readPolicy());
        return refreshSubscription(state, url, { trusted: ring.keys, now: new Date() });
      }),
    });
    await noteCheck(url, new Date());
    return { url, status: outcome.status, issues: outcome.issues };
  } catch (e) {
    const message = (e as Error).message;
    await noteCheck(url, new Date());
    await store.update((state) => ({
      state: { ...state, subscriptions: state.subscriptions.map((s) => (s.url === url ? { ...s, status: 'error' as const, issues: [{ source: url, path: [], code: 'network', message: `下载失败（已重试）：${message}`, messageEn: `download failed (retried): ${message}` }] } : s)) },
      result: null,
    }));
    return { url, status: 'error', issues: [] };
  }
}

async function refreshAll(only?: string): Promise<RefreshOutcome[]> {
  const state = await store.read();
  const urls = state.subscriptions.map((s) => s.url).filter((u) => !only || u === only);
  const out: RefreshOutcome[] = [];
  for (const url of urls) out.push(await refreshOne(url));
  return out;
}

let ready: Promise<void> | undefined;
/** Built-in packs and policy, once per service-worker start (and again when the policy changes). */
function prepare(): Promise<void> {
  ready ??= (async () => {
    const policy = await readPolicy();
    await store.update(async (state) => {
      const withBuiltins = await syncBuiltins(state, Array.isArray(packsJson) ? packsJson : [], new Date());
      return { state: applyPolicy(withBuiltins, policy, new Date()), result: null };
    });
    await ensureRefreshAlarm(policy.refreshMinutes ?? 60, true);
  })().catch((e: unknown) => { ready = undefined; throw e; });
  return ready;
}

async function applyCurrentPolicy(): Promise<void> {
  const policy = await readPolicy();
  await store.update((state) => ({ state: applyPolicy(state, policy, new Date()), result: null }));
  await ensureRefreshAlarm(policy.refreshMinutes ?? 60, false);
  await refreshAll();
}

/**
 * Creates the refresh alarm only when it is missing or its period changed. The service worker
 * starts many times an hour; re-creating the alarm on each start moved the next check to one
 * minute away every time, so packs were checked (and the store written) about every minute.
 */
async function ensureRefreshAlarm(periodInMinutes: number, firstSoon: boolean): Promise<void> {
  const existing = await chrome.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return;
  await chrome.alarms.create(REFRESH_ALARM, { periodInMinutes, ...(firstSoon && !existing ? { delayInMinutes: 1 } : {}) });
}

async function handle(req: PackRequest): Promise<PackResponse> {
  await prepare();
  const now = new Date();
  switch (req.type) {
    case 'lvzhi.packs.state':
      return { ok: true, view: await view() };
    case 'lvzhi.packs.import': {
      const offer = await store.update(async (state) => {
        const ring = await trustedKeyRing(state, await readPolicy());
        return offerPack(state, { origin: 'file', fileName: req.fileName, body: req.text }, { trusted: ring.keys, now });
      });
      return { ok: true, view: await view(), offer };
    }
    case 'lvzhi.packs.subscribe': {
      const change = await store.update((state) => subscribe(state, req.url, now));
      const refreshed = change.ok ? await refreshAll(req.url) : [];
      return { ok: true, view: await view(), change, refreshed };
    }
    case 'lvzhi.packs.unsubscribe':
      return { ok: true, view: await view(), change: await store.update((state) => unsubscribe(state, req.url)) };
    case 'lvzhi.packs.refresh':
      return { ok: true, refreshed: await refreshAll(req.url), view: await view() };
    case 'lvzhi.packs.setEnabled':
      return { ok: true, change: await store.update((state) => setPackEnabled(state, req.id, req.enabled)), view: await view() };
    case 'lvzhi.packs.remove':
      return { ok: true, change: await store.update((state) => removePack(state, req.id)), view: await view() };
    case 'lvzhi.packs.rollback':
      return { ok: true, change: await store.update((state) => rollBack(state, req.id, req.index, now)), view: await view() };
    case 'lvzhi.packs.save': {
      let changes: string[] = [];
      const offer = await store.update(async (state) => {
        const p = findPack(state, req.id);
        if (!p) return { state, result: { status: 'refused' as const, issues: [{ source: req.id, path: [], code: 'not-installed', message: `没有安装定义包 ${req.id}`, messageEn: `pack ${req.id} is not installed` }] } };
        const bump = bumpVersionsForEdit(activeVersion(p).pack, req.json);
        changes = bump.changes;
        return offerPack(state, { origin: 'studio', body: { json: bump.json }, ...(req.note ? { note: req.note } : {}) }, { trusted: [], now });
      });
      return { ok: true, offer, changes, view: await view() };
    }
    case 'lvzhi.packs.trustKey': {
      let change: ChangeResult;
      try {
        const key = await importTrustedKey(req.text);
        await store.update((state) => ({ state: state.trustedKeys.some((k) => k.kid === key.kid) ? state : { ...state, trustedKeys: [...state.trustedKeys, key.jwk] }, result: null }));
        change = { ok: true };
      } catch (e) {
        const zh = e instanceof PackKeyError ? e.message : String(e);
        const en = e instanceof PackKeyError ? e.messageEn : String(e);
        change = { ok: false, issues: [{ source: '公钥', path: [], code: 'bad-key', message: zh, messageEn: en }] };
      }
      return { ok: true, change, view: await view() };
    }
    case 'lvzhi.packs.untrustKey': {
      const change = await store.update((state) => ({ state: { ...state, trustedKeys: state.trustedKeys.filter((k) => k.kid !== req.kid) }, result: { ok: true } as ChangeResult }));
      return { ok: true, change, view: await view() };
    }
  }
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isPackRequest(message)) return false;
  // Only this extension's own pages (not content scripts in portal pages, whose sender.url is
  // the portal's) may manage packs. The options page may run in a tab, so sender.tab is no test.
  const own = sender.id === chrome.runtime.id && (sender.url ?? '').startsWith(chrome.runtime.getURL(''));
  const readOnly = message.type === 'lvzhi.packs.state';
  if (!own && !readOnly) {
    sendResponse({ ok: false, error: '只有扩展自己的设置页可以管理定义包 / only the extension\'s own pages may manage packs' } satisfies PackResponse);
    return false;
  }
  handle(message).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: (e as Error).message ?? String(e) } satisfies PackResponse));
  return true;
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void prepare().then(() => refreshAll());
});

chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void prepare().then(applyCurrentPolicy);
});

chrome.runtime.onStartup.addListener(() => { void prepare().then(() => refreshAll()); });
chrome.runtime.onInstalled.addListener(() => { void prepare().then(() => refreshAll()); });
void prepare();
