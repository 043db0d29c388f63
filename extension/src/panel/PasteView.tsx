/**
 * 粘贴通知: text from a notice or a Word document → proposed fields (core `proposeFromText`),
 * every proposal shown with its value, the text it came from and what it would replace, each
 * with a checkbox. Nothing is written until 填入勾选的项; fields that already hold a value start
 * unticked. Phone and ID numbers are shown to the user only, never logged.
 */
import { useState } from 'react';
import { proposeFromText, type FormEngine, type Proposal, type RosterEntry } from '@lvzhi/shared';
import { usePanel } from './context.ts';
import type { PackData } from './data.ts';

export function PasteView({ engine, pd, rosters, onClose }: { engine: FormEngine; pd: PackData; rosters: Record<string, RosterEntry[]>; onClose(): void }) {
  const { t, lang } = usePanel();
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<Proposal[]>();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<number>();

  const find = () => {
    const ps = proposeFromText(text, engine.form, { packs: pd.packs, ctx: { optionsOf: pd.optionsOf }, rosters, values: engine.getValues() });
    setProposals(ps);
    setTicked(new Set(ps.filter((p) => p.preselect).map((p) => p.fieldId)));
    setApplied(undefined);
  };
  const apply = () => {
    if (!proposals) return;
    const chosen = proposals.filter((p) => ticked.has(p.fieldId));
    engine.setValues(Object.fromEntries(chosen.map((p) => [p.fieldId, structuredClone(p.value)])));
    setApplied(chosen.length);
    setProposals(undefined);
  };
  const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join('、') : v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : String(v));

  return (
    <section className="card" data-testid="paste-view">
      <h3 className="h3">{t('pasteTitle')}</h3>
      <p className="hint">{t('pasteHelp')}</p>
      <textarea data-testid="paste-text" rows={6} style={{ width: '100%' }} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="button" className="primary" data-testid="paste-find" disabled={!text.trim()} onClick={find}>{t('pasteFind')}</button>
        <button type="button" data-testid="paste-close" onClick={onClose}>{t('importCancel')}</button>
      </div>
      {applied !== undefined && <p className="good" role="status" data-testid="paste-applied">{t('pasteApplied')}：{applied}</p>}
      {proposals && proposals.length === 0 && <p className="warn" data-testid="paste-none">{t('pasteNone')}</p>}
      {proposals && proposals.length > 0 && (
        <>
          <table className="plan" data-testid="paste-proposals"><tbody>
            {proposals.map((p) => (
              <tr key={p.fieldId} data-testid="paste-proposal" data-field={p.fieldId}>
                <td><input type="checkbox" aria-label={lang === 'en' ? p.labelEn : p.label} checked={ticked.has(p.fieldId)}
                  onChange={(e) => setTicked((s) => { const n = new Set(s); if (e.target.checked) n.add(p.fieldId); else n.delete(p.fieldId); return n; })} /></td>
                <td>{lang === 'en' ? p.labelEn : p.label}</td>
                <td data-testid="paste-value"><strong>{p.display}</strong>
                  {p.current !== undefined && <div className="warn">{t('pasteReplaces')}：{show(p.current)}</div>}
                  <div className="hint">{t('pasteFrom')}：{p.source}</div>
                </td>
              </tr>
            ))}
          </tbody></table>
          <button type="button" className="primary" data-testid="paste-apply" disabled={ticked.size === 0} onClick={apply}>{t('pasteApply')}（{ticked.size}）</button>
        </>
      )}
    </section>
  );
}
