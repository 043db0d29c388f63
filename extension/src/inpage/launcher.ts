/**
 * The content script registered at run time for allowed portals (see background/portals.ts).
 * It is kept light: the launcher overlay plus the page side of autofill (scan, fill, undo,
 * read back) answering the side panel. No React, no pack schema, no PDF code: the plan is
 * made in the panel, this side only reads and writes the page.
 */
import { mountOverlay, type OverlayPosition } from './overlay.ts';
import { handlePageMessage, isPageMessage } from './page-bridge.ts';

declare global {
  interface Window { __lvzhiLauncher?: boolean }
}

function uiLang(): 'zh' | 'en' {
  return (navigator.language || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

function start(): void {
  if (window.__lvzhiLauncher) return;
  window.__lvzhiLauncher = true;
  const t0 = performance.now();

  chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isPageMessage(message)) return false;
    handlePageMessage(message).then(
      (answer) => {
        if (answer.status) overlay.setStatus(answer.status);
        sendResponse(answer);
      },
      (error: unknown) => sendResponse({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  const overlay = mountOverlay({
    lang: uiLang(),
    onFill: () => void chrome.runtime.sendMessage({ type: 'lvzhi.launcher.open', intent: 'fill' }).catch(() => undefined),
    onPanel: () => void chrome.runtime.sendMessage({ type: 'lvzhi.launcher.open', intent: 'panel' }).catch(() => undefined),
    // chrome.storage.local is closed to content scripts (issue 13 part 3): the worker keeps the position.
    onMoved: (pos: OverlayPosition) => void chrome.runtime.sendMessage({ type: 'lvzhi.launcher.position', pos }).catch(() => undefined),
  });

  // How long the overlay took, measured from DOMContentLoaded (the bench reads it).
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const dcl = nav?.domContentLoadedEventStart || t0;
  overlay.host.dataset['readyMs'] = String(Math.max(0, performance.now() - dcl).toFixed(1));
  overlay.host.dataset['ready'] = 'true';

  void (chrome.runtime.sendMessage({ type: 'lvzhi.launcher.position' }) as Promise<{ pos?: OverlayPosition } | undefined>).then((got) => {
    const pos = got?.pos;
    if (pos && typeof pos.left === 'number' && typeof pos.top === 'number') overlay.setPosition(pos);
  }).catch(() => undefined);
}

if (window.top === window) start();
