/**
 * The data the staff pages and the background share: the active packs and the record store of
 * this browser profile (IndexedDB, @lvzhi/shared/dom).
 */
import { validatePackSet, type PackDefinition, type RecordStore } from '@lvzhi/shared';
import { openIndexedDbStore } from '@lvzhi/shared/dom';
import packsJson from '@lvzhi/forms/dist/index.json';

export const RECORDS_DB = 'lvzhi-records';

let builtin: PackDefinition[] | undefined;

/** The built-in packs that pass validation (a broken one is left out, the rest keep working). */
export function builtinPacks(): PackDefinition[] {
  if (!builtin) {
    const list = Array.isArray(packsJson) ? packsJson : [];
    builtin = validatePackSet(list.map((json: unknown, i) => ({ source: `builtin#${i + 1}`, json }))).packs;
  }
  return builtin;
}

/** Other pack sources (the pack store of the options page) register here. */
const packSources: Array<() => Promise<PackDefinition[]>> = [];
export function addPackSource(source: () => Promise<PackDefinition[]>): void {
  packSources.push(source);
}

/** The packs in use: installed ones override built-ins with the same id. */
export async function activePacks(): Promise<PackDefinition[]> {
  const byId = new Map<string, PackDefinition>();
  for (const p of builtinPacks()) byId.set(p.id, p);
  for (const source of packSources) {
    try {
      for (const p of await source()) byId.set(p.id, p);
    } catch {
      // the last good packs keep working
    }
  }
  return [...byId.values()];
}

let store: Promise<RecordStore> | undefined;
export function recordStore(): Promise<RecordStore> {
  store ??= openIndexedDbStore(RECORDS_DB).catch((e: unknown) => {
    store = undefined;
    throw e;
  });
  return store;
}
