/**
 * Opening the staff panel: the Chrome side panel (114+) for the tab, or, where the side panel
 * API is missing (Chromium 109–113, some domestic browsers) or refuses, the same page in its own
 * window bound to the tab (`sidepanel.html?tab=ID`). There is one panel per tab: a second click
 * focuses the window already open for that tab (kept in session storage, tab → window) instead
 * of opening another. An intent (fill the page now, continue on new fields) is left in session
 * storage for the panel to pick up, and also sent to a panel that is already open.
 */
import type { LauncherIntent } from '../lib/launcher-protocol.ts';

export const INTENT_KEY = 'lvzhi.panel.intent';
/** chrome.storage.session: tab id → the fallback panel window open for it. */
export const PANEL_WINDOWS_KEY = 'lvzhi.panel.windows';

export type PanelIntent = LauncherIntent;

export interface PendingIntent { tabId: number; intent: PanelIntent; at: number }

export interface PanelApi {
  hasSidePanel: boolean;
  openSidePanel(tabId: number, windowId: number | undefined): Promise<void>;
  /** Opens a window; returns its id when known. */
  openWindow(url: string): Promise<number | undefined>;
  /** The fallback window open for a tab, if it still exists. */
  panelWindow?(tabId: number): Promise<number | undefined>;
  /** Remembers the fallback window of a tab. */
  rememberWindow?(tabId: number, windowId: number): Promise<void>;
  /** Brings a window to the front. */
  focusWindow?(windowId: number): Promise<void>;
  remember(intent: PendingIntent): Promise<void>;
  notifyPanel(intent: PendingIntent): Promise<void>;
  panelUrl(tabId: number): string;
}

function sessionArea(): chrome.storage.StorageArea {
  return chrome.storage.session ?? chrome.storage.local;
}

async function windowMap(): Promise<Record<string, number>> {
  const got = (await sessionArea().get(PANEL_WINDOWS_KEY))[PANEL_WINDOWS_KEY];
  const out: Record<string, number> = {};
  if (got && typeof got === 'object') for (const [k, v] of Object.entries(got as Record<string, unknown>)) if (Number.isInteger(v)) out[k] = v as number;
  return out;
}

export function chromePanelApi(): PanelApi {
  const side = (chrome as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  return {
    hasSidePanel: !!side && typeof side.open === 'function',
    openSidePanel: async (tabId, windowId) => {
      if (!side) throw new Error('no side panel');
      await side.open(windowId !== undefined ? { tabId, windowId } : { tabId });
    },
    openWindow: async (url) => (await chrome.windows.create({ url, type: 'popup', width: 440, height: 760 }))?.id,
    panelWindow: async (tabId) => {
      const id = (await windowMap())[String(tabId)];
      if (id === undefined) return undefined;
      try {
        await chrome.windows.get(id);
        return id;
      } catch {
        return undefined; // closed since
      }
    },
    rememberWindow: async (tabId, windowId) => {
      const map = await windowMap();
      map[String(tabId)] = windowId;
      // Bounded: a worker that lives long with many tabs keeps the newest 100.
      const entries = Object.entries(map).slice(-100);
      await sessionArea().set({ [PANEL_WINDOWS_KEY]: Object.fromEntries(entries) });
    },
    focusWindow: async (windowId) => { await chrome.windows.update(windowId, { focused: true }); },
    remember: async (intent) => {
      await sessionArea().set({ [INTENT_KEY]: intent });
    },
    notifyPanel: async (intent) => {
      await chrome.runtime.sendMessage({ type: 'lvzhi.panel.intent', ...intent }).catch(() => undefined);
    },
    panelUrl: (tabId) => chrome.runtime.getURL(`sidepanel.html?tab=${tabId}`),
  };
}

/** Opens (or brings back) the one panel for a tab with an intent. Returns how. */
export async function openPanel(api: PanelApi, tabId: number, windowId: number | undefined, intent: PanelIntent, now = Date.now()): Promise<'side-panel' | 'window' | 'focused'> {
  const pending: PendingIntent = { tabId, intent, at: now };
  await api.remember(pending);
  if (api.hasSidePanel) {
    try {
      await api.openSidePanel(tabId, windowId);
      await api.notifyPanel(pending);
      return 'side-panel';
    } catch {
      // no user gesture or an old browser: fall back to the window
    }
  }
  const existing = await api.panelWindow?.(tabId);
  if (existing !== undefined) {
    await api.focusWindow?.(existing);
    await api.notifyPanel(pending);
    return 'focused';
  }
  const id = await api.openWindow(api.panelUrl(tabId));
  if (id !== undefined) await api.rememberWindow?.(tabId, id);
  return 'window';
}
