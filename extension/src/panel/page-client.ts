/** The panel's side of the page bridge (src/inpage/page-bridge.ts): messages to the portal tab's top frame. */
import type { PageAnswer, PageMessage } from '../inpage/page-bridge.ts';

export async function askPage(tabId: number, message: PageMessage): Promise<PageAnswer | undefined> {
  try {
    return (await chrome.tabs.sendMessage(tabId, message, { frameId: 0 })) as PageAnswer | undefined;
  } catch {
    return undefined; // no launcher in that tab (not an allowed portal, or still loading)
  }
}
