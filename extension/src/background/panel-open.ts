/**
 * Opening the staff panel: the Chrome side panel (114+) for the tab, or, where the side panel
 * API is missing (Chromium 109–113, some domestic browsers), the same page in its own window
 * bound to the tab (`sidepanel.html?tab=ID`). An intent (fill the page now) is left in session
 * storage for the panel to pick up, and also sent to a panel that is already open.
 */
export const INTENT_KEY = 'lvzhi.panel.intent';

export type PanelIntent = 'panel' | 'fill';

export interface PendingIntent { tabId: number; intent: PanelIntent; at: number }

export interface PanelApi {
  hasSidePanel: boolean;
  openSidePanel(tabId: number, windowId: number | undefined): Promise<void>;
  openWindow(url: string): Promise<void>;
  remember(intent: PendingIntent): Promise<void>;
  notifyPanel(intent: PendingIntent): Promise<void>;
  panelUrl(tabId: number): string;
}

export function chromePanelApi(): PanelApi {
  const side = (chrome as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  return {
    hasSidePanel: !!side && typeof side.open === 'function',
    openSidePanel: async (tabId, windowId) => {
      if (!side) throw new Error('no side panel');
      await side.open(windowId !== undefined ? { tabId, windowId } : { tabId });
    },
    openWindow: async (url) => {
      await chrome.windows.create({ url, type: 'popup', width: 440, height: 760 });
    },
    remember: async (intent) => {
      const area = chrome.storage.session ?? chrome.storage.local;
      await area.set({ [INTENT_KEY]: intent });
    },
    notifyPanel: async (intent) => {
      await chrome.runtime.sendMessage({ type: 'lvzhi.panel.intent', ...intent }).catch(() => undefined);
    },
    panelUrl: (tabId) => chrome.runtime.getURL(`sidepanel.html?tab=${tabId}`),
  };
}

/** Opens the panel for a tab with an intent. Returns how it was opened. */
export async function openPanel(api: PanelApi, tabId: number, windowId: number | undefined, intent: PanelIntent, now = Date.now()): Promise<'side-panel' | 'window'> {
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
  await api.openWindow(api.panelUrl(tabId));
  return 'window';
}
