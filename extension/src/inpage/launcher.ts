/**
 * The content script registered at run time for allowed portals (see background/portals.ts).
 * It is kept light: the launcher overlay plus the page side of autofill (scan, fill, undo,
 * read back) answering the side panel. No React, no pack schema, no PDF code: the plan is
 * made in the panel, this side only reads and writes the page.
 *
 * It reads nothing from extension storage itself: its language (the panel's) and its place on
 * this portal come from the background (`lvzhi.launcher.prefs`), which knows the tab's origin
 * from the message's sender, not from anything the page says.
 */
import { mountOverlay, type OverlayPosition } from './overlay.ts';
import { handlePageMessage, isPageMessage } from './page-bridge.ts';
import { pageEngine } from './engine.ts';
import { LAUNCHER_MOVED, LAUNCHER_OPEN, LAUNCHER_PREFS, type LauncherIntent, type LauncherPrefs } from '../lib/launcher-protocol.ts';

// One launcher per document, without a page-visible global: a symbol-keyed flag on the
// isolated world's own window wrapper, which the page's world does not share.
const MOUNTED = Symbol.for('lvzhi.launcher.mounted');

function start(): void {
  const w = window as unknown as Record<symbol, boolean>;
  if (w[MOUNTED]) return;
  w[MOUNTED] = true;
  const t0 = performance.now();

  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only the extension's own pages (the panel) drive the page engine.
    if (!isPageMessage(message) || sender.id !== chrome.runtime.id || !(sender.url ?? '').startsWith(chrome.runtime.getURL(''))) return false;
    handlePageMessage(message).then(
      (answer) => {
        if (answer.status) overlay.setStatus(answer.status);
        sendResponse(answer);
      },
      (error: unknown) => sendResponse({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  const open = (intent: LauncherIntent) => void chrome.runtime.sendMessage({ type: LAUNCHER_OPEN, intent }).catch(() => undefined);
  const overlay = mountOverlay({
    lang: 'zh',
    onFill: () => open('fill'),
    onPanel: () => open('panel'),
    onMore: () => open('continue'),
    onMoved: (pos: OverlayPosition) => void chrome.runtime.sendMessage({ type: LAUNCHER_MOVED, position: pos }).catch(() => undefined),
  });
  pageEngine().onChange((info) => overlay.setMore(info?.newFields ?? 0));

  // How long the overlay took, measured from DOMContentLoaded (the bench reads it).
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const dcl = nav?.domContentLoadedEventStart || t0;
  overlay.host.dataset['readyMs'] = String(Math.max(0, performance.now() - dcl).toFixed(1));

  const ready = () => { overlay.host.dataset['ready'] = 'true'; };
  void (chrome.runtime.sendMessage({ type: LAUNCHER_PREFS }) as Promise<LauncherPrefs | undefined>).then((prefs) => {
    overlay.setLang(prefs?.lang === 'en' ? 'en' : 'zh');
    const pos = prefs?.position;
    if (pos && typeof pos.left === 'number' && typeof pos.top === 'number') overlay.setPosition(pos);
    ready();
  }, () => { overlay.setLang('zh'); ready(); });
}

if (window.top === window) start();
