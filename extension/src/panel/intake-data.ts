/**
 * What data intake keeps beside the records: the rosters person and people fields pick from
 * (derived from the profile records, so a deputy typed or imported once is offered everywhere),
 * the office defaults (`lvzhi.officeDefaults`, by dictionary key) and the names of drafts read
 * from portal pages (`lvzhi.draftNames`, record id → name). Both keys are `lvzhi.*`, so the
 * backup carries them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import * as z from 'zod';
import { emptyRoster, readOfficeDefaults, syncRoster, type LvzhiRecord, type OfficeDefaults, type RosterEntry } from '@lvzhi/shared';
import type { PackData } from './data.ts';

export const DEFAULTS_KEY = 'lvzhi.officeDefaults';
export const DRAFT_NAMES_KEY = 'lvzhi.draftNames';

/** Roster entries by roster id, from the live records of each roster's form. */
export function rostersOf(pd: PackData, records: readonly LvzhiRecord[]): Record<string, RosterEntry[]> {
  const out: Record<string, RosterEntry[]> = {};
  for (const pack of pd.packs) {
    for (const def of pack.rosters ?? []) {
      out[def.id] = syncRoster(emptyRoster(def.id), def, records.filter((r) => !r.deletedAt)).entries.filter((e) => e.active);
    }
  }
  return out;
}

export function useRosters(pd: PackData | undefined, records: readonly LvzhiRecord[] | undefined): Record<string, RosterEntry[]> {
  return useMemo(() => (pd && records ? rostersOf(pd, records) : {}), [pd, records]);
}

export async function loadOfficeDefaults(): Promise<OfficeDefaults> {
  return readOfficeDefaults((await chrome.storage.local.get(DEFAULTS_KEY))[DEFAULTS_KEY]);
}

export function useOfficeDefaults() {
  return useQuery({ queryKey: ['officeDefaults'], queryFn: loadOfficeDefaults });
}

export function useSaveOfficeDefaults() {
  const client = useQueryClient();
  return async (d: OfficeDefaults) => {
    await chrome.storage.local.set({ [DEFAULTS_KEY]: readOfficeDefaults(d) });
    await client.invalidateQueries({ queryKey: ['officeDefaults'] });
  };
}

const draftNamesSchema = z.record(z.string().max(200), z.string().max(200));

export async function loadDraftNames(): Promise<Record<string, string>> {
  const parsed = draftNamesSchema.safeParse((await chrome.storage.local.get(DRAFT_NAMES_KEY))[DRAFT_NAMES_KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

export function useDraftNames() {
  return useQuery({ queryKey: ['draftNames'], queryFn: loadDraftNames });
}

/** Names a draft (kept at most for the 500 newest names). */
export async function nameDraft(id: string, name: string): Promise<void> {
  const names = await loadDraftNames();
  names[id] = name;
  const kept = Object.entries(names).slice(-500);
  await chrome.storage.local.set({ [DRAFT_NAMES_KEY]: Object.fromEntries(kept) });
}
