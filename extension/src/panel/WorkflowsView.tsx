/**
 * Where each suggestion, inspection, meeting… stands: overdue first, due dates, and the next
 * step's actions (the workflow engine checks guards and required fields and says why not).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { stepRecord, type LvzhiRecord } from '@lvzhi/shared';
import { workflowRows } from '@lvzhi/shared';
import { usePanel } from './context.ts';
import { auditWorkflow } from '../lib/audit.ts';
import { recordStore } from '../lib/staff-data.ts';
import { recordLock } from '../lib/sync.ts';
import { saveRecord, usePacks, useRecords } from './data.ts';

export function WorkflowsView({ onEdit }: { onEdit(record: LvzhiRecord): void }) {
  const { t, lang } = usePanel();
  const packs = usePacks();
  const records = useRecords();
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (packs.isLoading || records.isLoading) return <p>{t('loading')}</p>;
  if (packs.error) throw packs.error;
  const pd = packs.data!;
  const all = records.data?.records ?? [];
  const now = new Date();
  const rows = workflowRows(all, pd.packs, now);

  const step = async (recordId: string, transition: string) => {
    const wf = rows.find((r) => r.recordId === recordId)?.workflow;
    if (!wf) return;
    const roles = (wf.roles ?? []).map((r) => r.id);
    // The step is taken on the record as the store holds it now, under the record's lock: the
    // list may be a moment old (another panel's save, a sync's pull), and a step on that copy
    // saved it back over the newer version — an edit gone, or a step refused for a reply that
    // had already been written.
    const result = await recordLock(recordId, async () => {
      const record = (await (await recordStore()).get(recordId).catch(() => undefined)) ?? all.find((r) => r.id === recordId);
      if (!record?.workflow) return undefined;
      const r = stepRecord(wf, pd.forms.get(record.form)?.form, record, { transition }, { name: t('clerk'), roles }, new Date());
      if (r.ok) await saveRecord(r.record);
      return r;
    });
    if (!result) return;
    if (!result.ok) {
      setErrors((e) => ({ ...e, [recordId]: result.errors.map((x) => (lang === 'en' ? x.messageEn : x.message)).join('；') }));
      return;
    }
    setErrors((e) => ({ ...e, [recordId]: '' }));
    await auditWorkflow(result.record.id, result.effects);
    await client.invalidateQueries({ queryKey: ['records'] });
  };

  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <section data-testid="workflows-view">
      <p className={overdue > 0 ? 'bad' : 'hint'} data-testid="overdue-count">{t('overdue')}：{overdue}</p>
      {rows.length === 0 && <p className="hint">{t('noWorkflows')}</p>}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {rows.map((r) => (
          <li key={r.recordId} className="card" data-testid="workflow-row" data-overdue={r.overdue}>
            <div><strong>{r.title}</strong> <span className="hint">{r.formTitle}</span></div>
            <div>{t('state')}：{r.stateTitle}{r.final ? `（${t('finished')}）` : ''}</div>
            {r.dueDate && (
              <div className={r.overdue ? 'bad' : ''}>
                {t('dueDate')}：{r.dueDate}{r.overdue ? ` · ${t('overdueBy')} ${r.daysOverdue} ${t('days')}` : r.daysOverdue !== undefined ? ` · ${t('daysLeft')} ${-r.daysOverdue} ${t('days')}` : ''}
              </div>
            )}
            <div className="row">
                <button type="button" data-testid="workflow-edit" onClick={() => { const rec = all.find((x) => x.id === r.recordId); if (rec) onEdit(rec); }}>{t('edit')}</button>
                {r.next.map((n) => <button type="button" key={n.id} data-testid="workflow-step" onClick={() => void step(r.recordId, n.id)}>{n.title}</button>)}
            </div>
            {errors[r.recordId] && <p className="bad" role="alert">{errors[r.recordId]}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
