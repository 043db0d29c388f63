/**
 * The extension's background service worker (MV3). For now it only records, on install and
 * update, which version is installed (chrome.storage.local "lvzhi.installed") and answers a
 * `{ type: 'lvzhi.ping' }` message, so tests and the options page can see it runs. Autofill,
 * records and PDF work arrive with their issues.
 */
// First thing at every start (issue 13 part 3): chrome.storage.local holds the pack store,
// trusted keys and settings, so content scripts (which run inside portal pages) may neither
// read nor write it. What the launcher needs it asks the worker for by message.
void chrome.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
void chrome.storage.sync?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

export interface InstalledInfo {
  version: string;
  reason: string;
  /** ISO instant. */
  at: string;
}

export const INSTALLED_KEY = 'lvzhi.installed';

chrome.runtime.onInstalled.addListener((details) => {
  const info: InstalledInfo = { version: chrome.runtime.getManifest().version, reason: details.reason, at: new Date().toISOString() };
  void chrome.storage.local.set({ [INSTALLED_KEY]: info });
});

// A liveness check: answers with the version only, so any sender may ask.
chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'lvzhi.ping') {
    sendResponse({ ok: true, version: chrome.runtime.getManifest().version });
  }
  return false;
});

// Staff features (issue 7): run-time launcher registration, panel, shortcuts, reminders.
import './background/staff.ts';

// Packs, subscriptions, managed policy and the definition studio (issue 8).
import './lib/packs-background.ts';
