/**
 * Settings → 同步到办公室服务器: pair with the office server by the one-time code shown on its
 * page, sync now, and choose between both versions of a conflicting record (nothing is
 * deleted either way: the other version stays on the server).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ConflictView, SyncState } from '@lvzhi/shared';
import { recordStore } from '../lib/staff-data.ts';
import { pairWithServer, resolveConflict, syncConfig, syncNow, syncStorage, unpair, type SyncConfig } from '../lib/sync.ts';

function Values({ values }: { values: Record<string, unknown> }) {
  return <dl className="sync-values">{Object.entries(values).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd></div>)}</dl>;
}

export function SyncView() {
  const client = useQueryClient();
  // Read together and set at once: set one by one, the line first showed 待上传 0 条 and no last
  // sync while the outbox was still being read — a reader (a clerk, a test) took it as the count.
  const [loaded, setLoaded] = useState<{ config: SyncConfig | undefined; state: SyncState; pending: number }>();
  const config = loaded?.config;
  const state = loaded?.state;
  const pending = loaded?.pending ?? 0;
  const [status, setStatus] = useState<{ text: string; bad?: boolean }>();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const refresh = async () => {
    const [c, st, outbox] = await Promise.all([syncConfig(), syncStorage.state(), syncStorage.outbox()]);
    setLoaded({ config: c, state: st, pending: outbox.length });
  };
  useEffect(() => { void recordStore().then(refresh); }, []);
  const run = async (what: () => Promise<unknown>, ok: string) => {
    try { await what(); setStatus({ text: ok }); } catch (e) { setStatus({ text: (e as Error).message, bad: true }); }
    await refresh();
    await client.invalidateQueries();
  };
  return (
    <section className="card" data-testid="sync-view" aria-label="同步到办公室服务器">
      <h3>同步到办公室服务器</h3>
      {!loaded ? null : !config ? (
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => {
          const origin = new URL(server).origin;
          if (chrome.permissions?.request) await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
          await pairWithServer(server, code);
          await syncNow();
        }, '已配对并同步'); }}>
          <label>服务器地址 <input data-testid="sync-server" value={server} onChange={(e) => setServer(e.target.value)} placeholder="http://192.168.1.10:8080" required /></label>
          <label>配对码 <input data-testid="sync-code" value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" pattern="\d{8}" required /></label>
          <button type="submit" data-testid="sync-pair">配对</button>
        </form>
      ) : (
        <div>
          <p>已连接 {config.server}（{config.account.displayName}）</p>
          {/* data-last-sync: the exact moment (the text shows seconds only), for whoever waits for a sync to end */}
          <p data-testid="sync-status" data-last-sync={state?.lastSync ?? ''}>待上传 {pending} 条；上次同步 {state?.lastSync ? new Date(state.lastSync).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—'}{state?.lastError ? `；上次出错：${state.lastError}` : ''}</p>
          <button type="button" data-testid="sync-now" onClick={() => void run(syncNow, '已同步')}>立即同步</button>
          <button type="button" onClick={() => void run(unpair, '已断开')}>断开</button>
          {(state?.conflicts ?? []).map((c: ConflictView) => (
            <div key={c.id} className="sync-conflict" data-testid="sync-conflict" data-record={c.recordId}>
              <h4>冲突：{String(c.server.values['title'] ?? c.recordId)}</h4>
              <div className="sync-both">
                <div><h5>服务器上的版本</h5><Values values={c.server.values} /><button type="button" data-testid="keep-server" onClick={() => void run(() => resolveConflict(c.id, 'server'), '已保留服务器版本')}>保留这个版本</button></div>
                <div><h5>{c.pushedBy} 的版本</h5><Values values={c.theirs.values} /><button type="button" data-testid="keep-theirs" onClick={() => void run(() => resolveConflict(c.id, 'theirs'), '已保留这个版本')}>保留这个版本</button></div>
              </div>
            </div>
          ))}
          {/* a refused change has left the outbox: its pushed version is shown here so nothing typed is lost */}
          {(state?.refused ?? []).length > 0 && <ul className="bad">{state!.refused.map((r) => <li key={r.changeId} data-testid="sync-refused" data-record={r.recordId}>{r.message}{r.record && <Values values={r.record.values} />}</li>)}</ul>}
        </div>
      )}
      {status && <p role="status" className={status.bad ? 'bad' : 'ok'}>{status.text}</p>}
    </section>
  );
}
