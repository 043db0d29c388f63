/**
 * The data the staff pages and the background share: the active packs and the record store of
 * this browser profile (IndexedDB, @lvzhi/shared/dom).
 */
import { readManagedPolicy, readPackStore, trustedKeyRing, validatePackSet, verifiedActivePacks, withAuditTrail, type LoadRefusal, type PackDefinition, type RecordStore } from '@lvzhi/shared';
import { openIndexedDbStore } from '@lvzhi/shared/dom';
import { withSyncOutbox } from './sync.ts';
import { AUDIT_ACTOR, auditSink, noteAuditGap } from './audit.ts';
import packsJson from '@lvzhi/forms/dist/index.json';


export const RECORDS_DB = 'lvzhi-records';
/** Where the options page's pack store lives (extension/src/lib/packs-protocol.ts, issue 8). */
export const PACK_STORE_KEY = 'lvzhi.packStore';

let builtin: PackDefinition[] | undefined;

/** The built-in packs that pass validation (a broken one is left out, the rest keep working). */
export function builtinPacks(): PackDefinition[] {
  if (!builtin) {
    const list = Array.isArray(packsJson) ? packsJson : [];
    builtin = validatePackSet(list.map((json: unknown, i) => ({ source: `builtin#${i + 1}`, json }))).packs;
  }
  return builtin;
}

/** Stored pack versions refused by the last load (shown by the panel's pack problems). */
export let lastLoadRefusals: LoadRefusal[] = [];

async function managedPolicy() {
  try {
    return readManagedPolicy(await chrome.storage.managed.get(null));
  } catch {
    return readManagedPolicy(null);
  }
}

/**
 * The packs in use: the pack store's enabled packs at their active versions (the options page
 * manages them; a refused update keeps the last good version there), each signature verified
 * again on this load with the keys trusted now (core verifiedActivePacks: storage may have been
 * changed since the pack arrived). Before the store holds anything — first start — the
 * built-in packs. A store that cannot be read also falls back to the built-ins, so the panel
 * keeps working.
 */
export async function activePacks(): Promise<PackDefinition[]> {
  try {
    const raw = (await chrome.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY];
    if (raw !== undefined) {
      const state = readPackStore(raw);
      const ring = await trustedKeyRing(state, await managedPolicy());
      const { packs, refused } = await verifiedActivePacks(state, { trusted: ring.keys, builtins: builtinPacks() });
      lastLoadRefusals = refused;
      if (refused.length > 0) console.warn('lvzhi: stored pack versions refused at load', refused.map((r) => `${r.id}@${r.version}: ${r.issues.map((i) => i.code).join(',')}`));
      if (packs.length > 0 || state.packs.length > 0) return packs;
    }
  } catch {
    // fall through to the built-ins
  }
  return builtinPacks();
}

let store: Promise<RecordStore> | undefined;
export function recordStore(): Promise<RecordStore> {
  // every change that reaches storage is audited (issue 13 part 8), then queued for the server
  store ??= openIndexedDbStore(RECORDS_DB)
    .then((s) => withAuditTrail(s, auditSink, { actor: AUDIT_ACTOR, onError: (e, input) => void noteAuditGap(e, input) }))
    .then(withSyncOutbox).catch((e: unknown) => {
    store = undefined;
    throw e;
  });
  return store;
}
