import { describe, expect, it } from 'vitest';
import { commandIntent, handleCommand } from './commands.ts';
import { openPanel, type PanelApi, type PendingIntent } from './panel-open.ts';

function fakeApi(hasSidePanel: boolean, failSidePanel = false) {
  const calls: string[] = [];
  let remembered: PendingIntent | undefined;
  const api: PanelApi = {
    hasSidePanel,
    openSidePanel: async (tabId) => { calls.push(`side:${tabId}`); if (failSidePanel) throw new Error('no gesture'); },
    openWindow: async (url) => { calls.push(`window:${url}`); },
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
