/**
 * Who sent a runtime message. Every handler in the service worker asks one of these before it
 * acts (issue 13 part 3): a content script runs in a portal page that the portal's own scripts
 * (or an injected script) can influence, so its messages are never enough to change settings.
 *
 * - `fromExtensionPage`: the side panel, options page or a panel window — a page of this
 *   extension (its URL is under chrome-extension://<id>/). A content script's sender.url is the
 *   portal's URL, so it fails this test even though its sender.id is ours.
 * - `fromOwnContentScript`: the launcher in a tab (sender.tab set, sender.id ours); it may only
 *   ask for things about the tab it serves.
 */
export type Sender = Pick<chrome.runtime.MessageSender, 'id' | 'url' | 'tab' | 'origin'>;

export function fromExtensionPage(sender: Sender, self: { id: string; base: string } = { id: chrome.runtime.id, base: chrome.runtime.getURL('') }): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.base);
}

export function fromOwnContentScript(sender: Sender, self: { id: string } = { id: chrome.runtime.id }): boolean {
  return sender.id === self.id && sender.tab?.id !== undefined;
}

export const REFUSED_SENDER = { ok: false, error: '只有扩展自己的页面可以这样做 / only the extension\'s own pages may do this' } as const;
