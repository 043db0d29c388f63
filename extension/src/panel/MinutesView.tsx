/**
 * Minutes: choose a meeting record, preview the minutes PDF, download it, or sign it with a key
 * of this browser (generated here, non-extractable, or imported from a .p12) and download the
 * signed file. Hand signatures are collected in the record itself (signature fields of the form).
 */
import { useEffect, useMemo, useState } from 'react';
import { missingRequired, recordTitle, type LvzhiRecord } from '@lvzhi/shared';
import type { MinutesProblem } from '@lvzhi/shared/pdf';
import { DateInput, FileButton } from '@lvzhi/shared/react';
import { listKeys, type StoredKey } from '../lib/staff-keys.ts';
import { usePanel } from './context.ts';
import { usePacks, useRecords } from './data.ts';
import { downloadBlob } from './download.ts';
import { createKey, importKey, minutesTemplate, renderMinutes, signMinutes } from './minutes.ts';
import { auditSignature } from '../lib/audit.ts';

/**
 * Required means required (issue 12, part 6): a record that is not complete gives no final
 * minutes (the core's IncompleteRecordError) and a draft's minutes are never signed; each missing
 * field is named with a link that opens the record at it (`onFix`).
 */
export function MinutesView({ onFix }: { onFix?(record: LvzhiRecord, fieldId: string): void } = {}) {
  const { t, lang } = usePanel();
  const [problems, setProblems] = useState<Array<Pick<MinutesProblem, 'field' | 'message'>>>();
  const packs = usePacks();
  const records = useRecords();
  const [recordId, setRecordId] = useState('');
  const [pdf, setPdf] = useState<Uint8Array>();
  const [previewUrl, setPreviewUrl] = useState<string>();
  const [keys, setKeys] = useState<StoredKey[]>([]);
  const [keyId, setKeyId] = useState('');
  const [keyName, setKeyName] = useState('');
  const [p12Password, setP12Password] = useState('');
  // Off by default: the key itself is kept non-extractable; the .p12 file (the key under a
  // password that may be weak) is kept only when the user wants it in backups.
  const [keepP12, setKeepP12] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad?: boolean }>();
  const [busy, setBusy] = useState(false);
  /** 印发日期: the record's (default), the meeting's, or a chosen date. */
  const [issued, setIssued] = useState<'record' | 'meeting' | 'chosen'>('record');
  const [issuedDate, setIssuedDate] = useState('');

  // The stored keys join the list (never replace it): a key made or imported before this read
  // comes back would otherwise drop out of the list while staying chosen, and 签名 did nothing.
  useEffect(() => {
    let live = true;
    void listKeys().then((k) => {
      if (!live) return;
      setKeys((ks) => [...k, ...ks.filter((x) => !k.some((y) => y.id === x.id))]);
      if (k[0]) setKeyId((id) => id || k[0]!.id);
    });
    return () => { live = false; };
  }, []);
  useEffect(() => () => { if (previewUrl) URL.revokeObjectURL(previewUrl); }, [previewUrl]);

  const pd = packs.data;
  const meetings = useMemo(() => (records.data?.records ?? []).filter((r) => {
    if (r.deletedAt || !pd) return false;
    const e = pd.forms.get(r.form);
    return !!e && !!minutesTemplate(e.pack, e.form);
  }), [records.data, pd]);
  // The meeting most likely meant is the latest one (records come newest first); another is one choice away.
  useEffect(() => {
    if (!recordId && meetings[0]) setRecordId(meetings[0].id);
  }, [recordId, meetings]);
  if (packs.isLoading || records.isLoading) return <p>{t('loading')}</p>;
  if (packs.error) throw packs.error;

  const record = meetings.find((r) => r.id === recordId);
  const fileName = (signed: boolean) => `${record ? recordTitle(record, pd?.forms.get(record.form)?.form) : '会议纪要'}${signed ? '（已签名）' : ''}.pdf`.replace(/[\\/:*?"<>|]/g, '_');

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setStatus(undefined);
    setProblems(undefined);
    try { await what(); } catch (e) {
      // an incomplete record: each missing field named, with its link (the error carries them)
      const listed = e instanceof Error && e.name === 'IncompleteRecordError' ? (e as Error & { problems?: MinutesProblem[] }).problems : undefined;
      if (listed?.length) { setStatus({ text: t('minutesIncomplete'), bad: true }); setProblems(listed); } else setStatus({ text: e instanceof Error ? e.message : String(e), bad: true });
    } finally { setBusy(false); }
  };
  // A draft's minutes are marked 草稿 and may be previewed, never signed: what it still lacks is listed.
  const draft = record?.status === 'draft';
  // (no hook here: this runs after the loading returns above)
  const gaps = draft && record && pd ? missingRequired(record, pd.packs) : undefined;
  const draftGaps = gaps ? [
    ...gaps.missing.map((p) => ({ field: p.fieldId, message: lang === 'en' ? `missing: ${p.labelEn}` : `缺少“${p.label}”` })),
    ...gaps.invalid.map((p) => ({ field: p.fieldId, message: lang === 'en' ? `${p.labelEn}: ${p.messageEn}` : `“${p.label}”：${p.message}` })),
  ] : [];
  const fixList = (items: ReadonlyArray<Pick<MinutesProblem, 'field' | 'message'>>, testid: string) => (
    <ul className="bad" data-testid={testid}>
      {items.map((p, i) => (
        <li key={`${p.field}-${i}`} data-testid="minutes-missing-field" data-field={p.field}>{p.message}
          {p.field && record && onFix && <> <button type="button" className="link" data-testid="minutes-missing-link" onClick={() => onFix(record, p.field)}>{t('goToField')}</button></>}
        </li>
      ))}
    </ul>
  );

  const render = () => run(async () => {
    if (!record || !pd) return;
    const e = pd.forms.get(record.form)!;
    const bytes = await renderMinutes(record, e.pack, e.form, {
      packs: pd.packs,
      register: records.data?.records ?? [],
      ...(issued === 'meeting' ? { issuedDate: 'meeting' } : issued === 'chosen' && issuedDate ? { issuedDate } : {}),
    });
    setPdf(bytes);
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    setPreviewUrl(URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })));
    setStatus({ text: `${t('minutesReady')}（${Math.round(bytes.length / 1024)} KB）` });
  });

  const sign = () => run(async () => {
    const key = keys.find((k) => k.id === keyId);
    if (!pdf || draft) return;
    if (!key) throw new Error(t('keyNotFound'));
    const signed = await signMinutes(pdf, key, t('signReason'));
    await auditSignature(record?.id, key.name, signed);
    downloadBlob(fileName(true), new Blob([signed as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    setStatus({ text: `${t('signedBy')} ${key.name}` });
  });

  const newKey = () => run(async () => {
    if (!keyName.trim()) return;
    const k = await createKey(keyName.trim());
    setKeys((ks) => [...ks, k]);
    setKeyId(k.id);
    setStatus({ text: `${t('keyCreated')}：${k.name}` });
  });

  const importP12 = (file: File) => run(async () => {
    const k = await importKey(new Uint8Array(await file.arrayBuffer()), p12Password, { keepP12 });
    setKeys((ks) => [...ks, k]);
    setKeyId(k.id);
    setP12Password('');
    setStatus({ text: `${t('keyImported')}：${k.name}` });
  });

  return (
    <section data-testid="minutes-view">
      <label className="row">
        {t('meeting')}
        <select data-testid="minutes-record" value={recordId} onChange={(e) => { setRecordId(e.target.value); setPdf(undefined); setPreviewUrl(undefined); setProblems(undefined); setStatus(undefined); }} style={{ flex: 1, minWidth: 0 }}>
          <option value="">{t('chooseRecord')}</option>
          {meetings.map((r) => <option key={r.id} value={r.id}>{recordTitle(r, pd?.forms.get(r.form)?.form)}</option>)}
        </select>
      </label>
      <div className="row" style={{ margin: '8px 0' }}>
        <label>
          印发日期
          <select data-testid="minutes-issued" value={issued} onChange={(e) => { setIssued(e.target.value as typeof issued); setPdf(undefined); }}>
            <option value="record">记录中的印发日期</option>
            <option value="meeting">会议日期</option>
            <option value="chosen">指定日期</option>
          </select>
        </label>
        {issued === 'chosen' && <DateInput data-testid="minutes-issued-date" aria-label="印发日期" lang={lang} value={issuedDate || undefined} onValue={(v) => setIssuedDate(v ?? '')} />}
      </div>
      <div className="row" style={{ margin: '8px 0' }}>
        <button type="button" className="primary" data-testid="minutes-preview" disabled={!record || busy} onClick={() => void render()}>{t('preview')}</button>
        <button type="button" data-testid="minutes-download" disabled={!pdf} onClick={() => pdf && downloadBlob(fileName(false), new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }))}>{t('download')}</button>
      </div>
      {status && <p role="status" data-testid="minutes-status" className={status.bad ? 'bad' : ''}>{status.text}</p>}
      {problems && fixList(problems, 'minutes-missing')}
      {previewUrl && <iframe title={t('preview')} src={previewUrl} data-testid="minutes-frame" style={{ width: '100%', height: 420, border: '1px solid #d0d7de' }} />}
      <h3 className="h3">{t('digitalSignature')}</h3>
      <div className="row">
        <select data-testid="sign-key" value={keyId} onChange={(e) => setKeyId(e.target.value)} aria-label={t('key')}>
          <option value="">{t('chooseKey')}</option>
          {keys.map((k) => <option key={k.id} value={k.id}>{k.name}{k.p12 ? '（.p12）' : ''}</option>)}
        </select>
        <button type="button" className="primary" data-testid="minutes-sign" disabled={!pdf || !keyId || busy || draft} onClick={() => void sign()}>{t('signDownload')}</button>
      </div>
      {draft && <p className="warn" data-testid="sign-draft">{t('signDraft')}</p>}
      {draft && draftGaps.length > 0 && fixList(draftGaps, 'sign-draft-missing')}
      <details>
        <summary>{t('manageKeys')}</summary>
        <div className="row">
          <input data-testid="key-name" placeholder={t('keyNamePlaceholder')} value={keyName} onChange={(e) => setKeyName(e.target.value)} />
          <button type="button" data-testid="key-create" disabled={!keyName.trim() || busy} onClick={() => void newKey()}>{t('createKey')}</button>
        </div>
        <div className="row">
          <input type="password" placeholder={t('p12Password')} value={p12Password} onChange={(e) => setP12Password(e.target.value)} />
          <FileButton accept=".p12,.pfx" data-testid="key-import" lang={lang} label={lang === 'en' ? 'Import a .p12 certificate…' : '导入 .p12 证书文件…'} showChosen={false} onFiles={(files) => { if (files[0]) void importP12(files[0]); }} />
        </div>
        <label className="row"><input type="checkbox" data-testid="key-keep-p12" checked={keepP12} onChange={(e) => setKeepP12(e.target.checked)} />{t('keepP12')}</label>
        <p className="hint">{t('keyHint')}</p>
      </details>
    </section>
  );
}
