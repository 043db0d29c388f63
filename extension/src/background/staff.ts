/**
 * The staff side of the background worker: run-time registration of the launcher for allowed
 * portals, opening the panel (side panel or window), keyboard commands, daily reminders and
 * the message router for the panel and the launcher. `background.ts` imports this once.
 *
 * Who may ask what (issue 13 part 6): the panel's messages (portals) only from the extension's
 * own pages; the launcher's (open the panel, its language and place) only from this extension's
 * content script in the top frame of a web tab. The tab a panel opens for is the sender's own
 * tab, never one the message names, and the launcher sends `open` only for a trusted click.
 */
import { addUserPortal, allowTab, installPortals, pendingPackPortals, removeUserPortal, syncLauncher, userPortals } from './portals.ts';
import { chromePanelApi, openPanel } from './panel-open.ts';
import { installCommands } from './commands.ts';
import { installReminders } from './reminders.ts';
import {
  LANG_STORAGE_KEY, LAUNCHER_MOVED, LAUNCHER_OPEN, LAUNCHER_PREFS, POSITIONS_KEY, readPositions, withPosition,
  type LauncherIntent, type LauncherPrefs,
} from '../lib/launcher-protocol.ts';

type StaffMessage =
  | { type: 'lvzhi.portals.add'; pattern: string }
  | { type: 'lvzhi.portals.remove'; pattern: string }
  | { type: 'lvzhi.portals.list' }
  | { type: 'lvzhi.portals.sync' }
  | { type: 'lvzhi.portals.allowTab'; tabId: number }
  | { type: typeof LAUNCHER_OPEN; intent: LauncherIntent }
  | { type: typeof LAUNCHER_PREFS }
  | { type: typeof LAUNCHER_MOVED; position: { left: number; top: number } };

const LAUNCHER_TYPES: ReadonlySet<string> = new Set([LAUNCHER_OPEN, LAUNCHER_PREFS, LAUNCHER_MOVED]);

function isStaffMessage(m: unknown): m is StaffMessage {
  const type = (m as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (type.startsWith('lvzhi.portals.') || LAUNCHER_TYPES.has(type));
}

/** An extension page (the panel in its side panel, window or tab; the options page). */
export function fromExtensionPage(sender: chrome.runtime.MessageSender, id = chrome.runtime.id, base = chrome.runtime.getURL('')): boolean {
  return sender.id === id && (sender.url ?? '').startsWith(base);
}

/** This extension's content script in the top frame of a web page tab. */
export function fromLauncher(sender: chrome.runtime.MessageSender, id = chrome.runtime.id): boolean {
  return sender.id === id && sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:/.test(sender.url ?? '');
}

function originOf(url: string | undefined): string | undefined {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

async function launcherPrefs(origin: string | undefined): Promise<LauncherPrefs> {
  const got = await chrome.storage.local.get([LANG_STORAGE_KEY, POSITIONS_KEY]);
  const lang = got[LANG_STORAGE_KEY] === 'en' ? 'en' : 'zh';
  const position = origin ? readPositions(got[POSITIONS_KEY])[origin] : undefined;
  return { lang, ...(position ? { position } : {}) };
}

async function answer(m: StaffMessage, sender: chrome.runtime.MessageSender): Promise<unknown> {
  if (LAUNCHER_TYPES.has(m.type)) {
    if (!fromLauncher(sender)) return { ok: false, error: 'not the launcher' };
  } else if (!fromExtensionPage(sender)) {
    return { ok: false, error: '只有扩展自己的页面可以管理门户 / only the extension\'s own pages may manage portals' };
  }
  switch (m.type) {
    case 'lvzhi.portals.add': return addUserPortal(m.pattern);
    case 'lvzhi.portals.remove': return { matches: await removeUserPortal(m.pattern) };
    case 'lvzhi.portals.list': return { user: await userPortals(), matches: await syncLauncher(), pending: await pendingPackPortals() };
    case 'lvzhi.portals.sync': return { matches: await syncLauncher() };
    case 'lvzhi.portals.allowTab': return Number.isInteger(m.tabId) ? allowTab(m.tabId) : { ok: false, error: 'no tab' };
    case LAUNCHER_OPEN: {
      const tab = sender.tab!;
      const intent: LauncherIntent = m.intent === 'fill' || m.intent === 'continue' ? m.intent : 'panel';
      return { ok: true, how: await openPanel(chromePanelApi(), tab.id!, tab.windowId, intent) };
    }
    case LAUNCHER_PREFS: return launcherPrefs(originOf(sender.url));
    case LAUNCHER_MOVED: {
      const origin = originOf(sender.url);
      const p = m.position;
      if (!origin || !p || !Number.isFinite(p.left) || !Number.isFinite(p.top)) return { ok: false };
      const map = readPositions((await chrome.storage.local.get(POSITIONS_KEY))[POSITIONS_KEY]);
      await chrome.storage.local.set({ [POSITIONS_KEY]: withPosition(map, origin, p) });
      return { ok: true };
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
