/**
 * What the panel reads and writes, through React Query: the active packs (re-read when the
 * pack store changes), the records of this profile (IndexedDB), and the portal tab.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  buildAutofillContext, optionResolver,
  type AutofillContext, type FormDefinition, type LvzhiRecord, type PackDefinition, type RecordContext,
} from '@lvzhi/shared';
import { PACK_STORE_KEY, activePacks, recordStore } from '../lib/staff-data.ts';

export interface PackData {
  packs: PackDefinition[];
  forms: Map<string, { form: FormDefinition; pack: PackDefinition }>;
  optionsOf: RecordContext['optionsOf'];
  autofill: AutofillContext;
}

export function packData(packs: PackDefinition[]): PackData {
  const forms = new Map<string, { form: FormDefinition; pack: PackDefinition }>();
  for (const pack of packs) for (const form of pack.forms ?? []) forms.set(form.id, { form, pack });
  return { packs, forms, optionsOf: optionResolver(packs), autofill: buildAutofillContext(packs) };
}

export function usePacks() {
  const client = useQueryClient();
  useEffect(() => {
    const l = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && PACK_STORE_KEY in changes) void client.invalidateQueries({ queryKey: ['packs'] });
    };
    chrome.storage.onChanged.addListener(l);
    return () => chrome.storage.onChanged.removeListener(l);
  }, [client]);
  return useQuery({ queryKey: ['packs'], queryFn: async () => packData(await activePacks()), staleTime: Infinity });
}

export function useRecords() {
  return useQuery({
    queryKey: ['records'],
    queryFn: async () => {
      const store = await recordStore();
      const { records, corrupt } = await store.list();
      return { records: records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), corrupt: corrupt.length };
    },
  });
}

export async function saveRecord(record: LvzhiRecord): Promise<void> {
  await (await recordStore()).put(record);
}

/** The tab the panel works on: `?tab=ID`, else the active tab of the panel's window. */
export async function targetTabId(fromUrl: number | undefined): Promise<number | undefined> {
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}
