import { describe, expect, it } from 'vitest';
import { commandIntent, handleCommand } from './commands.ts';
import { openPanel, type PanelApi, type PendingIntent } from './panel-open.ts';

function fakeApi(hasSidePanel: boolean, failSidePanel = false) {
  const calls: string[] = [];
  let remembered: PendingIntent | undefined;
  const api: PanelApi = {
    hasSidePanel,
    openSidePanel: async (tabId) => { calls.push(`side:${tabId}`); if (failSidePanel) throw new Error('no gesture'); },
    openWindow: async (url) => { calls.push(`window:${url}`); return undefined; },
    remember: async (i) => { remembered = i; },
    notifyPanel: async (i) => { calls.push(`notify:${i.intent}`); },
    panelUrl: (tabId) => `chrome-extension://x/sidepanel.html?tab=${tabId}`,
  };
  return { api, calls, remembered: () => remembered };
}

describe('keyboard shortcut handlers', () => {
  it('maps commands to intents', () => {
    expect(commandIntent('open-panel')).toBe('panel');
    expect(commandIntent('fill-page')).toBe('fill');
    expect(commandIntent('_execute_action')).toBeUndefined();
  });

  it('Alt+Shift+F opens the side panel for the tab with the fill intent', async () => {
    const f = fakeApi(true);
    expect(await handleCommand(f.api, 'fill-page', { id: 7, windowId: 1 })).toBe('side-panel');
    expect(f.calls).toEqual(['side:7', 'notify:fill']);
    expect(f.remembered()).toMatchObject({ tabId: 7, intent: 'fill' });
  });

  it('falls back to a window bound to the tab without the side panel API (Chromium < 114)', async () => {
    const f = fakeApi(false);
    expect(await handleCommand(f.api, 'open-panel', { id: 3 })).toBe('window');
    expect(f.calls).toEqual(['window:chrome-extension://x/sidepanel.html?tab=3']);
    const g = fakeApi(true, true);
    expect(await openPanel(g.api, 4, undefined, 'panel')).toBe('window');
    expect(g.calls).toEqual(['side:4', 'window:chrome-extension://x/sidepanel.html?tab=4']);
  });

  it('ignores other commands and commands without a tab', async () => {
    const f = fakeApi(true);
    expect(await handleCommand(f.api, 'something', { id: 1 })).toBeUndefined();
    expect(await handleCommand(f.api, 'fill-page', undefined)).toBeUndefined();
    expect(f.calls).toEqual([]);
  });
});

describe('one panel per tab', () => {
  it('focuses the window already open for the tab instead of opening a second', async () => {
    const calls: string[] = [];
    const windows = new Map<number, number>();
    const api: PanelApi = {
      hasSidePanel: false,
      openSidePanel: async () => undefined,
      openWindow: async (url) => { calls.push(`window:${url}`); return 40 + calls.length; },
      panelWindow: async (tabId) => windows.get(tabId),
      rememberWindow: async (tabId, id) => { windows.set(tabId, id); },
      focusWindow: async (id) => { calls.push(`focus:${id}`); },
      remember: async () => undefined,
      notifyPanel: async (i) => { calls.push(`notify:${i.intent}`); },
      panelUrl: (tabId) => `p?tab=${tabId}`,
    };
    expect(await openPanel(api, 3, 1, 'fill')).toBe('window');
    expect(await openPanel(api, 3, 1, 'continue')).toBe('focused');
    expect(await openPanel(api, 4, 1, 'panel')).toBe('window');
    expect(calls).toEqual(['window:p?tab=3', 'focus:41', 'notify:continue', 'window:p?tab=4']);
  });
});
