/**
 * Allowed portals: add a site (asks for its host permission, then the background registers the
 * launcher for it), list and remove them.
 */
import { useEffect, useState } from 'react';
import { patternFromInput, permissionOrigin } from '../lib/staff-portals.ts';
import { usePanel } from './context.ts';
import { usePacks } from './data.ts';
import { downloadJson } from './download.ts';
import { localPackOf } from './local-pack-client.ts';
import { localEntryCount } from '../lib/local-mapping.ts';

interface PortalList { user: string[]; matches: string[]; pending?: string[] }

export function PortalsView() {
  const { t } = usePanel();
  const packs = usePacks();
  const local = localPackOf(packs.data);
  const [list, setList] = useState<PortalList>({ user: [], matches: [] });
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');

  const refresh = async () => setList((await chrome.runtime.sendMessage({ type: 'lvzhi.portals.list' })) as PortalList);
  useEffect(() => { void refresh(); }, []);

  const add = async () => {
    const pattern = patternFromInput(input);
    if (!pattern) { setMessage(t('portalInvalid')); return; }
    // Must run in the click's user gesture.
    const granted = await chrome.permissions.request({ origins: [permissionOrigin(pattern)] }).catch(() => false);
    if (!granted) { setMessage(t('portalDenied')); return; }
    const r = (await chrome.runtime.sendMessage({ type: 'lvzhi.portals.add', pattern })) as { ok: boolean; error?: string };
    setMessage(r.ok ? `${t('portalAdded')}：${pattern}` : (r.error ?? t('portalDenied')));
    setInput('');
    await refresh();
  };

  // The packs' own portals need their sites' permission too; asked for in one click.
  const grantPending = async () => {
    const origins = [...new Set((list.pending ?? []).map(permissionOrigin))];
    const granted = await chrome.permissions.request({ origins }).catch(() => false);
    setMessage(granted ? t('portalAdded') : t('portalDenied'));
    await chrome.runtime.sendMessage({ type: 'lvzhi.portals.sync' });
    await refresh();
  };

  const remove = async (pattern: string) => {
    await chrome.runtime.sendMessage({ type: 'lvzhi.portals.remove', pattern });
    await refresh();
  };

  return (
    <section aria-labelledby="portals-h">
      <h2 id="portals-h" className="h2">{t('portalTitle')}</h2>
      <p className="hint">{t('portalHint')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void add(); }} className="row">
        <input data-testid="portal-input" aria-label={t('portalInput')} placeholder={t('portalInput')} value={input} onChange={(e) => setInput(e.target.value)} style={{ flex: 1 }} />
        <button type="submit" data-testid="portal-add">{t('portalAdd')}</button>
      </form>
      {message && <p role="status" data-testid="portal-message">{message}</p>}
      {list.user.length === 0 ? <p className="hint">{t('portalNone')}</p> : (
        <ul data-testid="portal-list">
          {list.user.map((p) => (
            <li key={p}>
              <code>{p}</code>{list.matches.includes(p) ? ' ✓' : ''}{' '}
              <button type="button" onClick={() => void remove(p)}>{t('portalRemove')}</button>
            </li>
          ))}
        </ul>
      )}
      {(list.pending?.length ?? 0) > 0 && (
        <div className="card" data-testid="portal-pending">
          <div>{t('portalPending')}</div>
          <ul>{list.pending!.map((p) => <li key={p}><code>{p}</code></li>)}</ul>
          <button type="button" data-testid="portal-grant" onClick={() => void grantPending()}>{t('portalGrant')}</button>
        </div>
      )}
      <div className="card" data-testid="local-mappings">
        <p className="hint">{t('exportLocalHint')}</p>
        {local ? (
          <button type="button" data-testid="export-local" onClick={() => downloadJson(`${local.id}-${local.version}.json`, local)}>{t('exportLocal')}（{localEntryCount(local)} {t('localEntries')}）</button>
        ) : <p className="hint">{t('exportLocalNone')}</p>}
      </div>
    </section>
  );
}
