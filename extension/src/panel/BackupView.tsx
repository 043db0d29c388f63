/**
 * Backup: export everything of this browser profile to one file, and import such a file here
 * (another computer, or after reinstalling — uninstalling deletes IndexedDB). The file is
 * encrypted with the passphrase typed here (core backup.ts / backup-crypto.ts); a wrong one
 * restores nothing. Records are merged (newer wins, nothing newer here is overwritten); a record
 * with a linked (non-data:) image is refused; installed packs go through the service worker's
 * pack checks; signing keys only when asked, and only the .p12 files the user chose to keep.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TextKey } from './i18n.ts';
import { listKeys, toBase64 } from '../lib/staff-keys.ts';
import { recordStore } from '../lib/staff-data.ts';
import { importBackupFile, type BackupImport } from '../lib/backup-import.ts';
import { todayInChina, buildBackup, passphraseProblem, sealBackup, type BackupKey } from '@lvzhi/shared';
import { FileButton } from '@lvzhi/shared/react';
import { usePanel } from './context.ts';
import { downloadBlob, downloadJson } from './download.ts';
import { AUDIT_GAP_KEY, deviceAudit } from '../lib/audit.ts';

export function BackupView() {
  const { t, lang } = usePanel();
  const client = useQueryClient();
  const [withKeys, setWithKeys] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<{ text: string; bad?: boolean }>();

  const exportAll = async () => {
    if (passphraseProblem(passphrase)) { setStatus({ text: t('passphraseTooShort'), bad: true }); return; }
    const store = await recordStore();
    const { records } = await store.list();
    const settings = await chrome.storage.local.get(null);
    let keys: BackupKey[] | undefined;
    if (withKeys) {
      keys = (await listKeys()).map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt, certificate: toBase64(k.certificate), ...(k.p12 ? { p12: toBase64(k.p12) } : {}) }));
    }
    const backup = buildBackup({ records, settings, version: chrome.runtime.getManifest().version, ...(keys ? { keys } : {}) });
    downloadBlob(`履职备份-${todayInChina()}.json`, new Blob([await sealBackup(backup, passphrase)], { type: 'application/json' }));
    await chrome.storage.local.set({ 'lvzhi.backup.last': new Date().toISOString() });
    setStatus({ text: `${t('exported')}：${records.length} ${t('recordsUnit')}` });
  };

  const importFile = async (file: File) => {
    setStatus(importSummary(await importBackupFile(file, passphrase), t, lang));
    await client.invalidateQueries();
  };

  // The audit trail and the public key of the device key that signs its head (lvzhi audit verify FILE --key KEY).
  const exportAudit = async () => {
    const log = await deviceAudit();
    const file = await log.exportFile();
    downloadJson(`履职审计记录-${todayInChina()}.json`, file);
    const gap = (await chrome.storage.local.get(AUDIT_GAP_KEY))[AUDIT_GAP_KEY];
    setStatus({ text: `${t('auditExported')}：${file.entries.length} ${t('recordsUnit')}${gap ? `；${t('auditGap')}` : ''}`, ...(gap ? { bad: true } : {}) });
  };
  const exportAuditKey = async () => {
    downloadJson('履职审计公钥.public.json', await (await deviceAudit()).publicKey());
  };

  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h" className="h2">{t('backupTitle')}</h2>
      <p className="hint">{t('backupReminder')}</p>
      <label className="row">{t('backupPassphrase')}
        <input type="password" autoComplete="new-password" data-testid="backup-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <p className="hint">{t('backupPassphraseHint')}</p>
      <label className="row"><input type="checkbox" data-testid="backup-keys" checked={withKeys} onChange={(e) => setWithKeys(e.target.checked)} />{t('backupWithKeys')}</label>
      <div className="row">
        <button type="button" className="primary" data-testid="backup-export" onClick={() => void exportAll().catch((e: unknown) => setStatus({ text: String(e), bad: true }))}>{t('exportAll')}</button>
        <label className="row">{t('importBackup')}
          <FileButton accept=".json,application/json" data-testid="backup-import" lang={lang} onFiles={(files) => { const f = files[0]; if (f) void importFile(f).catch((x: unknown) => setStatus({ text: String(x), bad: true })); }} />
        </label>
      </div>
      <h3 className="h2">{t('auditTitle')}</h3>
      <p className="hint">{t('auditHint')}</p>
      <div className="row">
        <button type="button" data-testid="audit-export" onClick={() => void exportAudit().catch((e: unknown) => setStatus({ text: String(e), bad: true }))}>{t('exportAudit')}</button>
        <button type="button" data-testid="audit-export-key" onClick={() => void exportAuditKey().catch((e: unknown) => setStatus({ text: String(e), bad: true }))}>{t('exportAuditKey')}</button>
      </div>
      {status && <p role="status" data-testid="backup-status" className={status.bad ? 'bad' : 'good'}>{status.text}</p>}
    </section>
  );
}

/** The sentence shown after an import (设置 → 导入备份 and the fill tab's first-use prompt). */
export function importSummary(r: BackupImport, t: (k: TextKey) => string, lang: string): { text: string; bad?: boolean } {
  if (!r.ok) return { text: `${t('importFailed')}：${(lang === 'en' ? r.errorEn : r.error) ?? ''}`, bad: true };
  const keysNote = r.keys ? `；${t('keysInBackup')} ${r.keys}` : '';
  const refusedNote = r.refused.length ? `；${r.refused.join('；')}` : '';
  const plainNote = r.unencrypted ? `；${t('backupUnencrypted')}` : '';
  return { text: `${t('imported')}：${r.records} ${t('recordsUnit')}（${t('keptNewer')} ${r.kept}，${t('unreadable')} ${r.badRecords}），${t('packsUnit')} ${r.packs}${keysNote}${refusedNote}${plainNote}`, ...(r.badRecords ? { bad: true } : {}) };
}
