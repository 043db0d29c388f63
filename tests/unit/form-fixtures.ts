/** Shared by the form/store/roster unit tests: the built-in packs, validated, and helpers. */
import path from 'node:path';
import { optionResolver, validatePackSet, type FormDefinition, type PackDefinition, type RecordContext } from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

export const ROOT = path.resolve(import.meta.dirname, '../..');

let cache: Promise<PackDefinition[]> | undefined;
export function builtInPacks(): Promise<PackDefinition[]> {
  cache ??= (async () => {
    const loaded = await loadPaths(['forms/packs'], ROOT);
    const v = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ source: d.source, json: d.json })));
    if (!v.ok) throw new Error(`built-in packs invalid: ${v.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
    return v.packs;
  })();
  return cache;
}

export function formOf(packs: readonly PackDefinition[], id: string): { pack: PackDefinition; form: FormDefinition } {
  for (const pack of packs) {
    const form = pack.forms?.find((f) => f.id === id);
    if (form) return { pack, form };
  }
  throw new Error(`no form ${id}`);
}

export function ctxOf(packs: readonly PackDefinition[], now = new Date('2024-04-26T02:00:00Z')): RecordContext {
  return { optionsOf: optionResolver(packs), now };
}

/** A 1×1 PNG as a data URL (a drawn signature in tests). */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
