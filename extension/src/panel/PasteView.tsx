/**
 * 粘贴通知: text from a notice or a Word document → proposed fields (core `proposeFromText`),
 * every proposal shown with its value, the text it came from and what it would replace, each
 * with a checkbox. Nothing is written until 填入勾选的项; fields that already hold a value the user
 * gave start unticked, while a value that only came from the office defaults or the last record
 * (`soft`) gives way to what the notice says (ticked). The text is read as soon as it is pasted or
 * typed (查找 is kept for the keyboard). Phone and ID numbers are shown to the user only, never logged.
 */
import { useRef, useState } from 'react';
import { proposeFromText, type FormEngine, type Proposal, type RosterEntry } from '@lvzhi/shared';
import { usePanel } from './context.ts';
import type { PackData } from './data.ts';

export function PasteView({ engine, pd, rosters, soft, onClose }: {
  engine: FormEngine; pd: PackData; rosters: Record<string, RosterEntry[]>;
  /** Field id → the value it was started with (office defaults, last record): still that value, it is not the user's. */
  soft?: ReadonlyMap<string, unknown>; onClose(): void;
}) {
  const { t, lang } = usePanel();
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<Proposal[]>();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<number>();

  const isSoft = (id: string) => soft?.has(id) === true && JSON.stringify(soft.get(id)) === JSON.stringify(engine.getValues()[id]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const find = (from = text) => {
    if (timer.current) clearTimeout(timer.current);
    if (!from.trim()) { setProposals(undefined); return; }
    const ps = proposeFromText(from, engine.form, { packs: pd.packs, ctx: { optionsOf: pd.optionsOf }, rosters, values: engine.getValues() });
    setProposals(ps);
    setTicked(new Set(ps.filter((p) => p.preselect || isSoft(p.fieldId)).map((p) => p.fieldId)));
    setApplied(undefined);
  };
  // Typing is read after a short pause; a paste at once.
  const change = (next: string, pasted: boolean) => {
    setText(next);
    if (pasted) { find(next); return; }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => find(next), 500);
  };
  const apply = () => {
    if (!proposals) return;
    const chosen = proposals.filter((p) => ticked.has(p.fieldId));
    engine.setValues(Object.fromEntries(chosen.map((p) => [p.fieldId, structuredClone(p.value)])));
    setApplied(chosen.length);
    setProposals(undefined);
    // empty for the next text (the notes after the notice): a paste then needs no select-all first
    setText('');
  };
  const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join('、') : v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : String(v));

  return (
    <section className="card" data-testid="paste-view">
      <h3 className="h3">{t('pasteTitle')}</h3>
      <p className="hint">{t('pasteHelp')}</p>
      <textarea data-testid="paste-text" rows={6} style={{ width: '100%' }} value={text} maxLength={20000} placeholder={t('pasteHelp')}
        onPaste={(e) => { const el = e.currentTarget; setTimeout(() => change(el.value, true), 0); }}
        onChange={(e) => change(e.target.value, false)} />
      <div className="row">
        <button type="button" className="primary" data-testid="paste-find" disabled={!text.trim()} onClick={() => find()}>{t('pasteFind')}</button>
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
                <td data-testid="paste-value"><strong style={{ whiteSpace: 'pre-wrap' }}>{p.display}</strong>
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
