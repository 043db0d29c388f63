/**
 * The data the staff pages and the background share: the active packs and the record store of
 * this browser profile (IndexedDB, @lvzhi/shared/dom).
 */
import { activePacks as storeActivePacks, readPackStore, validatePackSet, withAuditTrail, type PackDefinition, type RecordStore } from '@lvzhi/shared';
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

/**
 * The packs in use: the pack store's enabled packs at their active versions (the options page
 * manages them; a refused update keeps the last good version there). Before the store holds
 * anything — first start — the built-in packs. A store that cannot be read also falls back to
 * the built-ins, so the panel keeps working.
 */
export async function activePacks(): Promise<PackDefinition[]> {
  try {
    const raw = (await chrome.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY];
    if (raw !== undefined) {
      const installed = storeActivePacks(readPackStore(raw));
      if (installed.length > 0 || ((raw as { packs?: unknown[] } | null)?.packs?.length ?? 0) > 0) return installed;
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
