/**
 * The pages' side of packs: ask the service worker (the only writer), and read the active packs
 * from chrome.storage.local for any page that shows forms (the side panel re-reads them on
 * chrome.storage.onChanged, so a studio save shows without reloading the extension).
 */
import { findForm, readPackStore, type FormDefinition } from '@lvzhi/shared';
import { PACK_STORE_KEY, type PackRequest, type PackResponse } from './packs-protocol.ts';

export async function askPacks(req: PackRequest): Promise<Extract<PackResponse, { ok: true }>> {
  const res = (await chrome.runtime.sendMessage(req)) as PackResponse | undefined;
  if (!res) throw new Error('后台没有响应 / the service worker did not answer');
  if (!res.ok) throw new Error(res.error);
  return res;
}

/** A form as a record made under `formVersion` needs it (kept versions included). */
export async function installedForm(packId: string, formId: string, formVersion?: number): Promise<FormDefinition | undefined> {
  const raw = (await chrome.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY];
  return findForm(readPackStore(raw), packId, formId, formVersion);
}

/** Calls `listener` whenever the pack store changes (any page, the worker); returns an unsubscribe. */
export function onPacksChanged(listener: () => void): () => void {
  const l = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && PACK_STORE_KEY in changes) listener();
  };
  chrome.storage.onChanged.addListener(l);
  return () => chrome.storage.onChanged.removeListener(l);
}
