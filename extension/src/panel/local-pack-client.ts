/**
 * The panel's side of the office's local pack (`office.local`): 记住 writes one entry through the
 * pack store's own paths — the first time an import of the new pack, later the studio's save
 * (which bumps the version) — so the service worker validates and keeps history as for any
 * pack. Export gives the pack as a file for the administrator to sign and publish.
 */
import type { PackDefinition } from '@lvzhi/shared';
import { LOCAL_PACK_ID, emptyLocalPack, withLocalEntry, type TeachProposal } from '../lib/local-mapping.ts';
import type { PackResponse } from '../lib/packs-protocol.ts';
import type { PackData } from './data.ts';

type MappingTransform = TeachProposal['transform'];

export async function rememberEntry(pd: PackData, site: string, entry: { locator: TeachProposal['locator']; key: string; transform?: MappingTransform }): Promise<{ ok: true } | { ok: false; error: string }> {
  const current = pd.packs.find((p) => p.id === LOCAL_PACK_ID);
  const owner = (key: string) => {
    const p = pd.packs.find((x) => (x.dictionary ?? []).some((d) => d.key === key));
    return p ? { id: p.id, version: p.version } : undefined;
  };
  let next: PackDefinition;
  try {
    next = withLocalEntry(current ?? emptyLocalPack(), site, entry, owner);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const r = (await chrome.runtime.sendMessage(current
    ? { type: 'lvzhi.packs.save', id: LOCAL_PACK_ID, json: next, note: '记住' }
    : { type: 'lvzhi.packs.import', fileName: `${LOCAL_PACK_ID}.json`, text: JSON.stringify(next) })) as PackResponse | undefined;
  if (!r) return { ok: false, error: 'no answer' };
  if (!r.ok) return { ok: false, error: r.error };
  const status = r.offer?.status;
  if (status === 'refused') return { ok: false, error: (r.offer?.issues ?? []).map((i) => i.message).join('；') || 'refused' };
  return { ok: true };
}

/** The local pack as installed, for export; undefined when nothing was remembered yet. */
export function localPackOf(pd: PackData | undefined): PackDefinition | undefined {
  return pd?.packs.find((p) => p.id === LOCAL_PACK_ID);
}
