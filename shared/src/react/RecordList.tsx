/**
 * RecordList: the records of a profile with search (text, form, status, date range) and a trash
 * from which a deleted record can be restored for 30 days. It only draws and reports: the caller
 * owns the records and the store (`store.trash(id)`, `store.restore(id)`), and passes the new
 * list back in. Text is rendered as text, never HTML. Chinese by default, English with lang="en".
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  searchRecords, recordTitle, recordDate, trashDaysLeft, isPurgeDue, TRASH_DAYS,
  type FormDefinition, type LvzhiRecord, type RecordQuery,
} from '../core/index.ts';
import { installFormCss } from './FormView.tsx';
import { DateInput } from './DateInput.tsx';

const installCss = (node: HTMLElement | null): void => { if (node) installFormCss(node); };

const T = {
  zh: { search: '搜索记录', all: '全部表单', anyStatus: '全部状态', draft: '草稿', complete: '已完成', from: '从', to: '到', records: '记录', trash: '回收站', none: '没有符合条件的记录', open: '打开', remove: '删除', restore: '恢复', daysLeft: '{n} 天后永久删除', expired: `已超过 ${TRASH_DAYS} 天，无法恢复`, count: '共 {n} 条' },
  en: { search: 'Search records', all: 'All forms', anyStatus: 'Any status', draft: 'Draft', complete: 'Complete', from: 'From', to: 'To', records: 'Records', trash: 'Trash', none: 'No records match', open: 'Open', remove: 'Delete', restore: 'Restore', daysLeft: 'deleted for good in {n} days', expired: `more than ${TRASH_DAYS} days ago, cannot be restored`, count: '{n} in all' },
} as const;

export interface RecordListProps {
  records: readonly LvzhiRecord[];
  /** Forms by id, for titles, dates and the form filter. */
  forms: ReadonlyMap<string, FormDefinition>;
  lang?: 'zh' | 'en';
  onOpen?: (record: LvzhiRecord) => void;
  /** Move to the trash. */
  onTrash?: (record: LvzhiRecord) => void;
  onRestore?: (record: LvzhiRecord) => void;
  /** "Now" for the trash countdown (tests); default the current time. */
  now?: Date;
}

export function RecordList(props: RecordListProps): ReactNode {
  const lang = props.lang ?? 'zh';
  const t = T[lang];
  const [view, setView] = useState<'live' | 'trash'>('live');
  const [text, setText] = useState('');
  const [form, setForm] = useState('');
  const [status, setStatus] = useState<'' | LvzhiRecord['status']>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const now = props.now ?? new Date();
  const query: RecordQuery = { deleted: view, ...(text ? { text } : {}), ...(form ? { form } : {}), ...(status ? { status } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const shown = useMemo(() => searchRecords(props.records, query, props.forms), [props.records, props.forms, view, text, form, status, from, to]); // eslint-disable-line react-hooks/exhaustive-deps
  const trashCount = useMemo(() => props.records.filter((r) => r.deletedAt).length, [props.records]);
  const formTitle = (f: FormDefinition) => (lang === 'en' ? f.titleEn ?? f.title : f.title);
  return (
    <div className="lvz-form lvz-records" ref={installCss} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div role="tablist" className="lvz-tabs">
        <button type="button" role="tab" aria-selected={view === 'live'} onClick={() => setView('live')}>{t.records}</button>
        <button type="button" role="tab" aria-selected={view === 'trash'} onClick={() => setView('trash')}>{t.trash}（{trashCount}）</button>
      </div>
      <div className="lvz-filters" role="search">
        <input type="search" aria-label={t.search} placeholder={t.search} value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label={t.all} value={form} onChange={(e) => setForm(e.target.value)}>
          <option value="">{t.all}</option>
          {[...props.forms.values()].map((f) => <option key={f.id} value={f.id}>{formTitle(f)}</option>)}
        </select>
        <select aria-label={t.anyStatus} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">{t.anyStatus}</option>
          <option value="draft">{t.draft}</option>
          <option value="complete">{t.complete}</option>
        </select>
        <label>{t.from} <DateInput value={from || undefined} lang={lang} onValue={(v) => setFrom(v ?? '')} /></label>
        <label>{t.to} <DateInput value={to || undefined} lang={lang} onValue={(v) => setTo(v ?? '')} /></label>
      </div>
      <p className="lvz-count" aria-live="polite">{t.count.replace('{n}', String(shown.length))}</p>
      {shown.length === 0 ? <p className="lvz-empty">{t.none}</p> : (
        <ul className="lvz-record-list">
          {shown.map((r) => {
            const f = props.forms.get(r.form);
            const expired = view === 'trash' && isPurgeDue(r, now);
            return (
              <li key={r.id} data-record={r.id}>
                <div className="lvz-record-title">{recordTitle(r, f)}</div>
                <div className="lvz-sub">{f ? formTitle(f) : r.form} · {recordDate(r, f)} · {r.status === 'complete' ? t.complete : t.draft}</div>
                {view === 'live' ? (
                  <div className="lvz-actions">
                    {props.onOpen && <button type="button" onClick={() => props.onOpen!(r)}>{t.open}</button>}
                    {props.onTrash && <button type="button" aria-label={`${t.remove} ${recordTitle(r, f)}`} onClick={() => props.onTrash!(r)}>{t.remove}</button>}
                  </div>
                ) : (
                  <div className="lvz-actions">
                    <span className="lvz-sub">{expired ? t.expired : t.daysLeft.replace('{n}', String(trashDaysLeft(r, now)))}</span>
                    {props.onRestore && <button type="button" disabled={expired} aria-label={`${t.restore} ${recordTitle(r, f)}`} onClick={() => props.onRestore!(r)}>{t.restore}</button>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
