/**
 * Backup: export everything of this browser profile to one file, and import such a file here
 * (another computer, or after reinstalling — uninstalling deletes IndexedDB). Records are
 * merged (newer wins, nothing newer here is overwritten); installed packs go through the
 * service worker's pack checks; signing keys only when asked (see lib/staff-backup.ts).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TextKey } from './i18n.ts';
import { buildBackup, readBackup, recordsToImport, settingsToImport, type BackupKey } from '../lib/staff-backup.ts';
import { listKeys, toBase64 } from '../lib/staff-keys.ts';
import { PACK_STORE_KEY, recordStore } from '../lib/staff-data.ts';
import { todayInChina, readPackStore, activeVersion } from '@lvzhi/shared';
import { usePanel } from './context.ts';
import { downloadJson } from './download.ts';

export function BackupView() {
  const { t } = usePanel();
  const client = useQueryClient();
  const [withKeys, setWithKeys] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad?: boolean }>();

  const exportAll = async () => {
    const store = await recordStore();
    const { records } = await store.list();
    const settings = await chrome.storage.local.get(null);
    let keys: BackupKey[] | undefined;
    if (withKeys) {
      keys = (await listKeys()).map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt, certificate: toBase64(k.certificate), ...(k.p12 ? { p12: toBase64(k.p12) } : {}) }));
    }
    const backup = buildBackup({ records, settings, version: chrome.runtime.getManifest().version, ...(keys ? { keys } : {}) });
    downloadJson(`履职备份-${todayInChina()}.json`, backup);
    await chrome.storage.local.set({ 'lvzhi.backup.last': new Date().toISOString() });
    setStatus({ text: `${t('exported')}：${records.length} ${t('recordsUnit')}` });
  };

  const importFile = async (file: File) => {
    setStatus(await importBackupFile(file, t));
    await client.invalidateQueries();
  };

  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h" className="h2">{t('backupTitle')}</h2>
      <p className="hint">{t('backupReminder')}</p>
      <label className="row"><input type="checkbox" data-testid="backup-keys" checked={withKeys} onChange={(e) => setWithKeys(e.target.checked)} />{t('backupWithKeys')}</label>
      <div className="row">
        <button type="button" className="primary" data-testid="backup-export" onClick={() => void exportAll().catch((e: unknown) => setStatus({ text: String(e), bad: true }))}>{t('exportAll')}</button>
        <label className="row">{t('importBackup')}
          <input type="file" accept=".json,application/json" data-testid="backup-import" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f).catch((x: unknown) => setStatus({ text: String(x), bad: true })); e.target.value = ''; }} />
        </label>
      </div>
      {status && <p role="status" data-testid="backup-status" className={status.bad ? 'bad' : 'good'}>{status.text}</p>}
    </section>
  );
}

/**
 * Imports a backup file into this profile (records merged, newer wins; packs through the worker's
 * checks; settings not overwritten): the one import used by 设置 → 导入备份 and by the fill tab's
 * first-use prompt. The caller invalidates its queries.
 */
export async function importBackupFile(file: File, t: (k: TextKey) => string): Promise<{ text: string; bad?: boolean; records?: number }> {
  const read = readBackup(await file.text());
  if (!read.backup) return { text: read.error ?? t('importFailed'), bad: true };
  const b = read.backup;
  const store = await recordStore();
  const { records } = await store.list();
  const { write, kept } = recordsToImport(records, b.records);
  for (const r of write) await store.put(r);
  // Installed packs: offered to the worker one by one, so they pass the same checks as a file import.
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
  const keysNote = b.keys?.length ? `；${t('keysInBackup')} ${b.keys.length}` : '';
  return { text: `${t('imported')}：${write.length} ${t('recordsUnit')}（${t('keptNewer')} ${kept}，${t('unreadable')} ${read.badRecords}），${t('packsUnit')} ${packs}${keysNote}`, records: write.length };
}
