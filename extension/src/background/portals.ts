/**
 * Run-time registration of the in-page launcher (the spike of issue 7). Plasmo would declare a
 * content script statically for <all_urls> (or fixed matches) under a hashed name; instead the
 * build writes `lvzhi-launcher.js` with a fixed name (scripts/build-content.mjs) and this module
 * registers it with `chrome.scripting.registerContentScripts` for exactly the allowed portals:
 * the enabled packs' portal mappings, the portals the user added, and policy — each only when
 * the extension holds the host permission (optional host permissions, asked for when a portal
 * is added). It re-syncs on install, start-up, storage and permission changes.
 */
import {
  ALLOWED_PORTALS_POLICY, withinAllowedPortals, sitePattern, LAUNCHER_ID, LAUNCHER_SCRIPT, PAGE_WORLD_INJECT, PAGE_WORLD_SCRIPT, USER_PORTALS_KEY, isPortalPattern, launcherMatches, packPortalPatterns, permissionOrigin, samePatterns,
} from '../lib/staff-portals.ts';
import { PACK_STORE_KEY, activePacks } from '../lib/staff-data.ts';

/** Extra pattern sources other modules add (e.g. the pack store's enabled packs, policy). */
const extraSources: Array<() => Promise<readonly string[]>> = [];

export function addPortalSource(source: () => Promise<readonly string[]>): void {
  extraSources.push(source);
}

export async function userPortals(): Promise<string[]> {
  const got = await chrome.storage.local.get(USER_PORTALS_KEY);
  const list = got[USER_PORTALS_KEY];
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && isPortalPattern(p)) : [];
}

/** The portal patterns of the enabled packs. */
async function packPatterns(): Promise<string[]> {
  return packPortalPatterns(await activePacks());
}

async function grantedOrigins(): Promise<Set<string>> {
  const all = await chrome.permissions.getAll();
  return new Set(all.origins ?? []);
}

function covers(granted: Set<string>, origin: string): boolean {
  if (granted.has(origin) || granted.has('<all_urls>')) return true;
  const m = /^(https?):\/\/([^/]+)\/\*$/.exec(origin);
  if (!m) return false;
  const [, scheme, host] = m;
  for (const g of granted) {
    const gm = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(g);
    if (!gm) continue;
    const [, gs, gh] = gm;
    if (gs !== '*' && gs !== scheme) continue;
    if (gh === '*' || gh === host) return true;
    if (gh?.startsWith('*.') && (host === gh.slice(2) || host?.endsWith(gh.slice(1)))) return true;
  }
  return false;
}

/** The managed policy's allowedPortals (empty: no restriction). */
async function policyPortals(): Promise<string[]> {
  try {
    const got = (await chrome.storage.managed.get(ALLOWED_PORTALS_POLICY))[ALLOWED_PORTALS_POLICY];
    return Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  } catch {
    return [];
  }
}

let syncing: Promise<string[]> = Promise.resolve([]);

/** Brings the registration in line with the allowed portals; returns the patterns registered. */
export function syncLauncher(): Promise<string[]> {
  syncing = syncing.catch(() => []).then(doSync);
  return syncing;
}

async function doSync(): Promise<string[]> {
  const sources: string[][] = [await packPatterns().catch(() => []), await userPortals()];
  for (const s of extraSources) {
    try {
      sources.push([...(await s())]);
    } catch {
      // a source that fails (e.g. the pack store being migrated) keeps the others working
    }
  }
  const granted = await grantedOrigins();
  // The managed policy's allowedPortals bound every source (issue 13 part 4): a registration
  // outside it is dropped here, at the next sync.
  const allowed = await policyPortals();
  const matches = launcherMatches(sources, (o) => covers(granted, o)).filter((p) => withinAllowedPortals(p, allowed));
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [LAUNCHER_ID] });
  const current = existing[0];
  if (matches.length === 0) {
    if (current) await chrome.scripting.unregisterContentScripts({ ids: [LAUNCHER_ID] });
    return [];
  }
  const script: chrome.scripting.RegisteredContentScript = {
    id: LAUNCHER_ID,
    js: [LAUNCHER_SCRIPT],
    matches,
    runAt: 'document_end',
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (!current) await chrome.scripting.registerContentScripts([script]);
  else if (!samePatterns([...(current.matches ?? [])].sort(), matches)) await chrome.scripting.updateContentScripts([script]);
  return matches;
}

/** Adds a portal pattern the user allowed (the host permission is asked for by the page that calls this). */
export async function addUserPortal(pattern: string): Promise<{ ok: boolean; matches: string[]; error?: string }> {
  if (!isPortalPattern(pattern)) return { ok: false, matches: [], error: `不是有效的门户地址：${pattern}` };
  if (!withinAllowedPortals(pattern, await policyPortals())) return { ok: false, matches: [], error: `单位策略不允许此门户：${pattern}` };
  const list = await userPortals();
  if (!list.includes(pattern)) await chrome.storage.local.set({ [USER_PORTALS_KEY]: [...list, pattern] });
  const matches = await syncLauncher();
  return { ok: matches.includes(pattern), matches, ...(matches.includes(pattern) ? {} : { error: '没有该网站的访问权限' }) };
}

/**
 * One click to allow (issue 12 part 2): the panel has just been granted the tab's site (in the
 * click's gesture); add the site as a portal (through addUserPortal, so whatever restricts
 * portals applies) and put the launcher into the open tab at once, so no reload is needed.
 */
export async function allowTab(tabId: number): Promise<{ ok: boolean; pattern?: string; matches?: string[]; error?: string }> {
  const tab = await chrome.tabs.get(tabId);
  const pattern = tab.url ? sitePattern(tab.url) : undefined;
  if (!pattern) return { ok: false, error: '该标签页不是网站页面' };
  const added = await addUserPortal(pattern);
  if (!added.ok) return { ...added, pattern };
  await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: [LAUNCHER_SCRIPT] });
  return { ok: true, pattern, matches: added.matches };
}

/** Portal patterns of the enabled packs that still lack a host permission (the panel offers to grant them). */
export async function pendingPackPortals(): Promise<string[]> {
  const granted = await grantedOrigins();
  const all = [...new Set((await packPatterns().catch(() => [] as string[])).filter(isPortalPattern))];
  return all.filter((p) => !covers(granted, permissionOrigin(p))).sort();
}

export async function removeUserPortal(pattern: string): Promise<string[]> {
  const list = await userPortals();
  await chrome.storage.local.set({ [USER_PORTALS_KEY]: list.filter((p) => p !== pattern) });
  return syncLauncher();
}

export function installPortals(): void {
  chrome.runtime.onInstalled.addListener(() => void syncLauncher());
  chrome.runtime.onStartup.addListener(() => void syncLauncher());
  chrome.permissions.onAdded.addListener(() => void syncLauncher());
  chrome.permissions.onRemoved.addListener(() => void syncLauncher());
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && (USER_PORTALS_KEY in changes || PACK_STORE_KEY in changes)) || area === 'managed') void syncLauncher();
  });
  // The launcher (isolated world) asks, before its first scan, for its MAIN-world helper in the frames of
  // its own tab: undo of a radio group needs the framework's state, which only the page world sees.
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if ((message as { type?: unknown } | null)?.type !== PAGE_WORLD_INJECT) return false;
    const tabId = sender.tab?.id;
    if (sender.id !== chrome.runtime.id || tabId === undefined || sender.frameId !== 0) { sendResponse({ ok: false }); return false; }
    chrome.scripting.executeScript({ target: { tabId, allFrames: true }, world: 'MAIN', injectImmediately: true, files: [PAGE_WORLD_SCRIPT] })
      .then(() => sendResponse({ ok: true }), (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
}
