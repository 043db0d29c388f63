/**
 * 设置 → 单位默认值: organiser, place, host, recorder, township name… by dictionary key, filled
 * into new records (never over a value that is there). Labels come from the packs' dictionary.
 */
import { useEffect, useState } from 'react';
import { OFFICE_DEFAULT_KEYS, type OfficeDefaults } from '@lvzhi/shared';
import { usePanel } from './context.ts';
import { usePacks } from './data.ts';
import { useOfficeDefaults, useSaveOfficeDefaults } from './intake-data.ts';

export function DefaultsView() {
  const { t, lang } = usePanel();
  const packs = usePacks();
  const stored = useOfficeDefaults();
  const save = useSaveOfficeDefaults();
  const [draft, setDraft] = useState<OfficeDefaults>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (stored.data) setDraft(stored.data); }, [stored.data]);
  if (!packs.data || !stored.data) return <p>{t('loading')}</p>;
  const dict = new Map(packs.data.packs.flatMap((p) => p.dictionary ?? []).map((d) => [d.key, d]));
  const keys = OFFICE_DEFAULT_KEYS.filter((k) => dict.has(k));
  return (
    <section data-testid="defaults-view">
      <h2 className="h2">{t('defaultsTitle')}</h2>
      <p className="hint">{t('defaultsHelp')}</p>
      {keys.map((k) => {
        const d = dict.get(k)!;
        return (
          <label key={k} className="row" style={{ marginBottom: 4 }}>
            <span style={{ minWidth: 96 }}>{lang === 'en' ? d.labelEn ?? d.label : d.label}</span>
            <input data-testid={`default-${k}`} value={draft[k] ?? ''} maxLength={200} style={{ flex: 1 }}
              onChange={(e) => { setSaved(false); setDraft({ ...draft, [k]: e.target.value }); }} />
          </label>
        );
      })}
      <div className="row">
        <button type="button" className="primary" data-testid="defaults-save" onClick={() => void save(draft).then(() => setSaved(true))}>{t('defaultsSave')}</button>
        {saved && <span className="good" role="status" data-testid="defaults-saved">{t('defaultsSaved')}</span>}
      </div>
    </section>
  );
}
