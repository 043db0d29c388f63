/**
 * 记录 → 导入表格: an office's spreadsheet (roster, list of suggestions, meeting list) as records
 * of a form. The file is read here (.csv by papaparse, .xlsx by exceljs's browser build); the
 * columns are matched and every row converted and checked by the core's `importTable` (the same
 * one the CLI's `lvzhi import roster` uses). The preview shows the column mapping and every error
 * by row and column. Nothing is half-imported: all rows, or — only when the user says so — the
 * rows without errors; a storage failure part-way takes back what this import wrote.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  bestFormForLabels, columnLetter, csvToTable, exportFields, formatImportError, importTable, normalizeLabel, SpreadsheetFileError,
  type ImportResult, type LvzhiRecord, type SheetTable,
} from '@lvzhi/shared';
import { recordStore } from '../lib/staff-data.ts';
import { FileButton } from '@lvzhi/shared/react';
import { usePanel } from './context.ts';
import type { PackData } from './data.ts';

type Loaded = { file: string; table: SheetTable };

export async function readTable(file: File): Promise<SheetTable | string> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return 'importXls';
  if (name.endsWith('.csv')) {
    const { table } = csvToTable(await file.text(), file.name);
    return table;
  }
  if (name.endsWith('.xlsx')) {
    const { readXlsxInBrowser } = await import('@lvzhi/shared/dom/xlsx');
    const sheets = await readXlsxInBrowser(await file.arrayBuffer(), file.name);
    return sheets[0] ?? 'importNoSheet';
  }
  return 'importBadType';
}

/**
 * First use (填写 tab, no records yet): the office's spreadsheet imported in one go — its form
 * found from the header, every row converted and checked as in 导入表格. All rows or none: a file
 * with an error in any row imports nothing and says where (row and column), and the full preview
 * (记录 → 导入表格) can still import the rows without errors. Returns the written record ids for undo.
 */
export async function importWholeFile(file: File, pd: PackData, lang: string, t: (k: 'importXls' | 'importNoSheet' | 'importBadType' | 'importNoForm' | 'importFailed' | 'importErrors') => string): Promise<{ ok: true; ids: string[]; form: string } | { ok: false; text: string }> {
  let table: SheetTable | string;
  try { table = await readTable(file); } catch (e) {
    if (e instanceof SpreadsheetFileError) return { ok: false, text: `${file.name}：${lang === 'en' ? e.en : e.zh}` };
    return { ok: false, text: `${file.name}：${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof table === 'string') return { ok: false, text: t(table as 'importXls') };
  const detected = bestFormForLabels(table.header, pd.packs);
  const entry = detected ? pd.forms.get(detected.form.id) : undefined;
  if (!entry) return { ok: false, text: t('importNoForm') };
  const result = importTable(entry.form, table, { pack: entry.pack, packs: pd.packs, idPrefix: `import-${entry.form.id}-${Date.now().toString(36)}` });
  const title = lang === 'en' ? entry.form.titleEn ?? entry.form.title : entry.form.title;
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => (lang === 'en' ? `row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.messageEn}` : formatImportError(e)));
    return { ok: false, text: `${file.name}（${title}）${t('importErrors')}（${result.errors.length}）：${first.join('；')}` };
  }
  const store = await recordStore();
  const written: string[] = [];
  try {
    for (const r of result.records) { await store.put(r); written.push(r.id); }
  } catch (e) {
    for (const id of written) await store.remove(id).catch(() => undefined);
    return { ok: false, text: `${t('importFailed')}（${e instanceof Error ? e.message : String(e)}）` };
  }
  return { ok: true, ids: written, form: title };
}

export function ImportView({ pd, onDone }: { pd: PackData; onDone(count: number): void }) {
  const { t, lang } = usePanel();
  const client = useQueryClient();
  const [loaded, setLoaded] = useState<Loaded>();
  const [formChoice, setFormChoice] = useState('auto');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const detected = loaded ? bestFormForLabels(loaded.table.header, pd.packs) : undefined;
  const entry = formChoice === 'auto' ? (detected ? pd.forms.get(detected.form.id) : undefined) : pd.forms.get(formChoice);
  const stamp = Date.now().toString(36);
  let result: ImportResult | undefined;
  if (loaded && entry) result = importTable(entry.form, loaded.table, { pack: entry.pack, packs: pd.packs, idPrefix: `import-${entry.form.id}-${stamp}` });

  const choose = async (file: File | undefined) => {
    setError(undefined);
    setLoaded(undefined);
    if (!file) return;
    try {
      const table = await readTable(file);
      if (typeof table === 'string') { setError(t(table as 'importXls')); return; }
      setLoaded({ file: file.name, table });
    } catch (e) {
      // A file that is no .xlsx says what it is instead (an .xls, a web page, CSV), in the panel's language.
      if (e instanceof SpreadsheetFileError) setError(`${file.name}：${lang === 'en' ? e.en : e.zh}`);
      else setError(`${file.name}：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const save = async (records: LvzhiRecord[]) => {
    setBusy(true);
    const store = await recordStore();
    const written: string[] = [];
    try {
      for (const r of records) { await store.put(r); written.push(r.id); }
      await client.invalidateQueries({ queryKey: ['records'] });
      onDone(records.length);
    } catch (e) {
      // all or none: take back what this import wrote
      for (const id of written) await store.remove(id).catch(() => undefined);
      setError(`${t('importFailed')}（${e instanceof Error ? e.message : String(e)}）`);
    } finally {
      setBusy(false);
    }
  };

  const fieldOf = (header: string) => {
    if (!entry) return undefined;
    const k = normalizeLabel(header);
    return exportFields(entry.form).find((f) => [f.id, f.label ?? '', f.labelEn ?? ''].some((n) => n && normalizeLabel(n) === k));
  };

  return (
    <section className="card" data-testid="import-view">
      <h2 className="h2">{t('importTitle')}</h2>
      <p className="hint">{t('importHelp')}</p>
      <label className="row">{t('importFile')}
        <FileButton data-testid="import-file" accept=".xlsx,.csv,.xls" lang={lang} onFiles={(files) => void choose(files[0])} />
      </label>
      <label className="row">{t('importForm')}
        <select data-testid="import-form" value={formChoice} onChange={(e) => setFormChoice(e.target.value)}>
          <option value="auto">{t('importDetect')}{detected ? `：${lang === 'en' ? detected.form.titleEn ?? detected.form.title : detected.form.title}` : ''}</option>
          {[...pd.forms.values()].map(({ form }) => <option key={form.id} value={form.id}>{lang === 'en' ? form.titleEn ?? form.title : form.title}</option>)}
        </select>
      </label>
      {error && <p className="bad" role="alert" data-testid="import-error">{error}</p>}
      {loaded && !entry && <p className="bad" role="alert" data-testid="import-error">{t('importNoForm')}</p>}
      {loaded && entry && result && (
        <div data-testid="import-preview">
          <p>{loaded.file} · {t('importRows')}：<strong data-testid="import-row-count">{loaded.table.rows.length}</strong> · {lang === 'en' ? entry.form.titleEn ?? entry.form.title : entry.form.title}</p>
          <table className="plan"><tbody>
            <tr><th>{t('importColumns')}</th><td>{loaded.table.header.map((h, i) => {
              const f = fieldOf(h);
              return <span key={i} style={{ marginRight: 6 }}>{columnLetter(i)} {h}{f && normalizeLabel(f.label ?? '') !== normalizeLabel(h) ? ` → ${f.label}` : ''}</span>;
            })}</td></tr>
          </tbody></table>
          {result.unmatchedColumns.length > 0 && <p className="warn" data-testid="import-unmatched">{t('importUnmatched')}：{result.unmatchedColumns.join('、')}</p>}
          {(result.skippedColumns?.length ?? 0) > 0 && <p className="warn" data-testid="import-skipped">{t('importSkippedFiles')}：{result.skippedColumns!.join('、')}</p>}
          {!result.ok && (
            <>
              <h3 className="h3 bad">{t('importErrors')}（{result.errors.length}）</h3>
              <ul className="bad" data-testid="import-errors">{result.errors.slice(0, 200).map((e, i) => <li key={i} data-testid="import-error-item" data-row={e.row} data-column={e.column}>{lang === 'en' ? `row ${e.row}${e.column ? ` column ${e.column}` : ''}${e.header ? ` (${e.header})` : ''}: ${e.messageEn}` : formatImportError(e)}</li>)}</ul>
              <p className="warn" data-testid="import-nothing">{t('importNothing')}</p>
            </>
          )}
          <div className="row">
            <button type="button" className="primary" data-testid="import-all" disabled={!result.ok || busy} onClick={() => result?.ok && void save(result.records)}>{t('importAll')}{result.ok ? `（${result.records.length}）` : ''}</button>
            {!result.ok && result.validRecords.length > 0 && (
              <button type="button" data-testid="import-valid" disabled={busy} onClick={() => !result!.ok && void save(result!.validRecords)}>{t('importValidOnly')}（{result.validRecords.length}）</button>
            )}
            <button type="button" data-testid="import-cancel" onClick={() => onDone(0)}>{t('importCancel')}</button>
          </div>
        </div>
      )}
      {!loaded && <button type="button" data-testid="import-cancel" onClick={() => onDone(0)}>{t('importCancel')}</button>}
    </section>
  );
}
