/**
 * Keyboard shortcuts (manifest "commands"): Alt+Shift+L opens the panel, Alt+Shift+F fills the
 * current page (the panel opens with the plan). The decision is the pure `commandIntent`
 * (unit-tested); headless Chromium cannot press extension shortcuts.
 */
import { chromePanelApi, openPanel, type PanelApi, type PanelIntent } from './panel-open.ts';

export const COMMANDS = { openPanel: 'open-panel', fillPage: 'fill-page' } as const;

export function commandIntent(command: string): PanelIntent | undefined {
  if (command === COMMANDS.openPanel) return 'panel';
  if (command === COMMANDS.fillPage) return 'fill';
  return undefined;
}

/** What a command does for a tab; returns how the panel was opened, or undefined when ignored. */
export async function handleCommand(api: PanelApi, command: string, tab: { id?: number | undefined; windowId?: number | undefined } | undefined): Promise<'side-panel' | 'window' | 'focused' | undefined> {
  const intent = commandIntent(command);
  if (!intent || tab?.id === undefined) return undefined;
  return openPanel(api, tab.id, tab.windowId, intent);
}

export function installCommands(): void {
  chrome.commands?.onCommand.addListener((command, tab) => {
    void handleCommand(chromePanelApi(), command, tab);
  });
}
