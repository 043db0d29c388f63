/**
 * Imports a backup file into this profile: records merged (newer wins, nothing newer here is
 * overwritten), installed packs offered to the service worker one by one so they pass the same
 * checks as a file import, settings added but never overwritten. An encrypted backup needs its
 * passphrase; a wrong one restores nothing. The one import used by 设置 → 导入备份 and by the
 * fill tab's first-use prompt; the panel turns the result into words (BackupView importSummary)
 * and invalidates its queries.
 */
import { activeVersion, openBackup, readPackStore, recordsToImport, settingsToImport } from '@lvzhi/shared';
import { PACK_STORE_KEY, recordStore } from './staff-data.ts';

export type BackupImport =
  | { ok: false; error?: string; errorEn?: string }
  | { ok: true; records: number; kept: number; badRecords: number; packs: number; keys: number; refused: string[]; unencrypted: boolean };

export async function importBackupFile(file: File, passphrase: string): Promise<BackupImport> {
  const read = await openBackup(await file.text(), passphrase);
  if (!read.backup) return { ok: false, ...(read.error !== undefined ? { error: read.error } : {}), ...(read.errorEn !== undefined ? { errorEn: read.errorEn } : {}) };
  const b = read.backup;
  const store = await recordStore();
  const { records } = await store.list();
  const { write, kept } = recordsToImport(records, b.records);
  for (const r of write) await store.put(r);
  let packs = 0;
  const rawStore = b.settings[PACK_STORE_KEY];
  if (rawStore !== undefined) {
    for (const p of readPackStore(rawStore).packs) {
      if (p.source.kind === 'builtin' || p.source.kind === 'managed') continue;
      const res = (await chrome.runtime.sendMessage({ type: 'lvzhi.packs.import', fileName: `${p.id}.json`, text: JSON.stringify(activeVersion(p).pack) }).catch(() => undefined)) as { ok?: boolean } | undefined;
      if (res?.ok) packs++;
    }
  }
  const existing = await chrome.storage.local.get(null);
  const settings = settingsToImport(existing, b.settings, new Set([PACK_STORE_KEY]));
  if (Object.keys(settings).length) await chrome.storage.local.set(settings);
  return { ok: true, records: write.length, kept, badRecords: read.badRecords, packs, keys: b.keys?.length ?? 0, refused: read.refused, unencrypted: !!read.unencrypted };
}
