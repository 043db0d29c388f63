/**
 * The staff side of the background worker: run-time registration of the launcher for allowed
 * portals, opening the panel (side panel or window), keyboard commands, daily reminders and
 * the message router for the panel and the launcher. `background.ts` imports this once.
 */
import { addUserPortal, installPortals, pendingPackPortals, removeUserPortal, syncLauncher, userPortals } from './portals.ts';
import { chromePanelApi, openPanel, type PanelIntent } from './panel-open.ts';
import { installCommands } from './commands.ts';
import { installReminders } from './reminders.ts';
import { fromExtensionPage, fromOwnContentScript, REFUSED_SENDER } from '../lib/senders.ts';

/**
 * The launcher's position, kept for it by the worker: chrome.storage.local is closed to content
 * scripts (TRUSTED_CONTEXTS), so the launcher asks here; only two numbers are ever stored.
 */
const POSITION_KEY = 'lvzhi.launcher.position';
async function launcherPosition(pos: unknown): Promise<{ ok: true; pos?: { left: number; top: number } }> {
  const p = pos as { left?: unknown; top?: unknown } | undefined;
  if (p && typeof p.left === 'number' && typeof p.top === 'number' && Number.isFinite(p.left) && Number.isFinite(p.top)) {
    await chrome.storage.local.set({ [POSITION_KEY]: { left: p.left, top: p.top } });
    return { ok: true };
  }
  const got = (await chrome.storage.local.get(POSITION_KEY))[POSITION_KEY] as { left: number; top: number } | undefined;
  return { ok: true, ...(got ? { pos: got } : {}) };
}

type StaffMessage =
  | { type: 'lvzhi.portals.add'; pattern: string }
  | { type: 'lvzhi.portals.remove'; pattern: string }
  | { type: 'lvzhi.portals.list' }
  | { type: 'lvzhi.portals.sync' }
  | { type: 'lvzhi.launcher.open'; intent: PanelIntent }
  | { type: 'lvzhi.launcher.position'; pos?: { left: number; top: number } };

function isStaffMessage(m: unknown): m is StaffMessage {
  const type = (m as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (type.startsWith('lvzhi.portals.') || type === 'lvzhi.launcher.open' || type === 'lvzhi.launcher.position');
}

async function answer(m: StaffMessage, sender: chrome.runtime.MessageSender): Promise<unknown> {
  // Sender checks (issue 13 part 3): portals only from the extension's pages; the launcher's
  // messages only from our content script in a tab, about that tab.
  if (m.type.startsWith('lvzhi.portals.') && !fromExtensionPage(sender)) return REFUSED_SENDER;
  if (m.type.startsWith('lvzhi.launcher.') && !fromOwnContentScript(sender)) return REFUSED_SENDER;
  switch (m.type) {
    case 'lvzhi.launcher.position': return launcherPosition(m.pos);
    case 'lvzhi.portals.add': return addUserPortal(m.pattern);
    case 'lvzhi.portals.remove': return { matches: await removeUserPortal(m.pattern) };
    case 'lvzhi.portals.list': return { user: await userPortals(), matches: await syncLauncher(), pending: await pendingPackPortals() };
    case 'lvzhi.portals.sync': return { matches: await syncLauncher() };
    case 'lvzhi.launcher.open': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      return { ok: true, how: await openPanel(chromePanelApi(), tabId, sender.tab?.windowId, m.intent === 'fill' ? 'fill' : 'panel') };
    }
  }
}

export function installStaffBackground(): void {
  installPortals();
  installCommands();
  installReminders();
  const side = (chrome as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (side?.setPanelBehavior) {
    void side.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else {
    chrome.action?.onClicked.addListener((tab) => {
      if (tab.id !== undefined) void openPanel(chromePanelApi(), tab.id, tab.windowId, 'panel');
    });
  }
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isStaffMessage(message)) return false;
    answer(message, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
  void syncLauncher();
}

installStaffBackground();
