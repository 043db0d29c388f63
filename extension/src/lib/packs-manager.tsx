/**
 * The options page's pack management: installed packs (version, source, enabled, history, roll
 * back, refusal reasons), import from a file, subscriptions, trusted keys. Every change is asked
 * of the service worker, which enforces the rules; this page only shows what it answers.
 * Definition text and reasons are rendered as text, never HTML.
 */
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { activeVersion, formatIssue, type ChangeResult, type InstalledPack, type OfferResult, type ValidationIssue } from '@lvzhi/shared';
import { FileButton } from '@lvzhi/shared/react';
import { askPacks } from './packs-client.ts';
import type { PackRequest, PackStateView } from './packs-protocol.ts';

export const cell: CSSProperties = { border: '1px solid #d0d7de', padding: '6px 10px', textAlign: 'left', verticalAlign: 'top' };
const button: CSSProperties = { marginRight: 6, padding: '2px 10px', cursor: 'pointer' };
const SOURCE_ZH = { builtin: '内置', file: '文件导入', url: '订阅', managed: '单位统一管理', studio: '定义工作室' } as const;
const STATUS_ZH: Record<string, string> = { ok: '已更新', installed: '已更新', unchanged: '无变化', 'not-modified': '无变化', refused: '已拒绝', error: '下载失败' };

export const PACKS_QUERY = ['lvzhi.packs'] as const;

export function usePackView() {
  return useQuery({
    queryKey: PACKS_QUERY,
    queryFn: async () => (await askPacks({ type: 'lvzhi.packs.state' })).view,
    refetchInterval: 60_000,
    retry: 3,
  });
}

export function Issues({ issues, testId }: { issues: readonly ValidationIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul data-testid={testId} role="alert" style={{ color: '#cf222e', margin: '4px 0', paddingLeft: 18 }}>
      {issues.map((i, k) => <li key={k} style={{ whiteSpace: 'pre-wrap' }}>{formatIssue(i, 'zh')}</li>)}
    </ul>
  );
}

function usePackAction() {
  const client = useQueryClient();
  const [last, setLast] = useState<{ text: string; issues: ValidationIssue[] } | null>(null);
  const mutation = useMutation({
    mutationFn: (req: PackRequest) => askPacks(req),
    onSuccess: (res) => {
      client.setQueryData(PACKS_QUERY, res.view);
      setLast(describe(res.offer, res.change, res.refreshed));
    },
    onError: (e: Error) => setLast({ text: e.message, issues: [] }),
  });
  return { run: mutation.mutate, pending: mutation.isPending, last };
}

function describe(offer?: OfferResult, change?: ChangeResult, refreshed?: { url: string; status: string; issues: ValidationIssue[] }[]): { text: string; issues: ValidationIssue[] } {
  if (offer) {
    if (offer.status === 'installed') return { text: `已安装 ${offer.packId}@${offer.version}`, issues: [] };
    if (offer.status === 'unchanged') return { text: `${offer.packId}@${offer.version} 已是当前版本`, issues: [] };
    return { text: '已拒绝，当前版本保持不变：', issues: offer.issues };
  }
  if (change) return change.ok ? { text: '已完成', issues: [] } : { text: '未执行：', issues: change.issues };
  if (refreshed) {
    const issues = refreshed.flatMap((r) => r.issues);
    return { text: refreshed.map((r) => `${r.url}：${STATUS_ZH[r.status] ?? r.status}`).join('；') || '没有订阅', issues };
  }
  return { text: '已完成', issues: [] };
}

function Result({ last, testId }: { last: { text: string; issues: ValidationIssue[] } | null; testId: string }) {
  if (!last) return null;
  return (
    <div data-testid={testId} aria-live="polite" style={{ margin: '6px 0' }}>
      <span>{last.text}</span>
      <Issues issues={last.issues} testId={`${testId}-issues`} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ marginTop: 28 }}>
      <h2 id={id} style={{ fontSize: 18 }}>{title}</h2>
      {children}
    </section>
  );
}

function PackRow({ p, act }: { p: InstalledPack; act: (r: PackRequest) => void }) {
  const [open, setOpen] = useState(false);
  const v = activeVersion(p);
  const managed = p.source.kind === 'managed';
  return (
    <>
      <tr data-testid="store-row" data-pack-id={p.id} data-active-version={v.version} data-source={p.source.kind} data-enabled={String(p.enabled)}>
        <td style={cell}>{v.pack.title}（{p.id}）</td>
        <td style={cell} data-testid="store-version">{v.version}</td>
        <td style={cell} data-testid="store-source">{SOURCE_ZH[p.source.kind]}{'url' in p.source ? <div style={{ fontSize: 12, color: '#57606a', wordBreak: 'break-all' }}>{p.source.url}</div> : null}</td>
        <td style={cell}>
          <label>
            <input type="checkbox" data-testid="store-enabled" checked={p.enabled} disabled={managed}
              onChange={(e) => act({ type: 'lvzhi.packs.setEnabled', id: p.id, enabled: e.target.checked })} />
            {p.enabled ? '启用' : '停用'}
          </label>
        </td>
        <td style={cell}>
          <button type="button" style={button} data-testid="store-history" onClick={() => setOpen(!open)}>历史（{p.versions.length}）</button>
          {managed || p.source.kind === 'builtin' ? null : (
            <button type="button" style={button} data-testid="store-remove" onClick={() => act({ type: 'lvzhi.packs.remove', id: p.id })}>删除</button>
          )}
          {managed ? <span data-testid="store-managed" style={{ fontSize: 12, color: '#57606a' }}>由单位统一管理，不能删除或停用</span> : null}
        </td>
      </tr>
      {p.refused ? (
        <tr data-testid="store-refused-row" data-pack-id={p.id}>
          <td style={{ ...cell, background: '#fff8f8' }} colSpan={5}>
            最近一次更新被拒绝（{new Date(p.refused.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}{p.refused.version ? `，版本 ${p.refused.version}` : ''}），仍在使用 {v.version}：
            <Issues issues={p.refused.issues} testId="store-refused" />
          </td>
        </tr>
      ) : null}
      {open ? (
        <tr data-testid="store-history-row" data-pack-id={p.id}>
          <td style={cell} colSpan={5}>
            <ol style={{ margin: 0 }}>
              {p.versions.map((h, i) => (
                <li key={i} data-testid="history-entry" data-version={h.version} data-active={String(i === p.active)}>
                  {h.version} · {SOURCE_ZH[h.origin === 'studio' ? 'studio' : h.origin]} · {new Date(h.installedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
                  {h.signature ? ` · 签名密钥 ${h.signature.keyName ?? h.signature.kid.slice(0, 12)}` : ''}
                  {h.note ? ` · ${h.note}` : ''}
                  {i === p.active ? <strong> （当前）</strong> : managed ? null : (
                    <button type="button" style={{ ...button, marginLeft: 8 }} data-testid="history-rollback" onClick={() => act({ type: 'lvzhi.packs.rollback', id: p.id, index: i })}>回滚到此版本</button>
                  )}
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function PackManager({ view }: { view: PackStateView }) {
  const packs = useAction();
  const files = useAction();
  const subs = useAction();
  const keys = useAction();
  const [url, setUrl] = useState('');
  const [keyText, setKeyText] = useState('');
  return (
    <>
      <Section id="store-heading" title={`定义包管理（${view.state.packs.length} 个）`}>
        <table data-testid="store-table" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead><tr style={{ background: '#f6f8fa' }}><th style={cell}>名称</th><th style={cell}>当前版本</th><th style={cell}>来源</th><th style={cell}>状态</th><th style={cell}>操作</th></tr></thead>
          <tbody>{view.state.packs.map((p) => <PackRow key={p.id} p={p} act={packs.run} />)}</tbody>
        </table>
        <Result last={packs.last} testId="store-result" />
      </Section>

      <Section id="import-heading" title="从文件导入定义包">
        <FileButton accept=".json,application/json" data-testid="import-file" onFiles={async (chosen) => {
          const file = chosen[0];
          if (!file) return;
          files.run({ type: 'lvzhi.packs.import', fileName: file.name, text: await file.text() });
        }} />
        <Result last={files.last} testId="import-result" />
      </Section>

      <Section id="subs-heading" title="订阅远程定义包">
        <form onSubmit={(e) => { e.preventDefault(); void subscribeTo(url.trim(), subs.run); }}>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/pack.json" data-testid="subscribe-url" style={{ width: 420 }} aria-label="定义包地址" />
          <button type="submit" style={{ ...button, marginLeft: 6 }} data-testid="subscribe-button">订阅</button>
          <button type="button" style={button} data-testid="refresh-button" onClick={() => subs.run({ type: 'lvzhi.packs.refresh' })}>立即检查更新</button>
        </form>
        <table data-testid="subs-table" style={{ borderCollapse: 'collapse', width: '100%', marginTop: 8 }}>
          <thead><tr style={{ background: '#f6f8fa' }}><th style={cell}>地址</th><th style={cell}>定义包</th><th style={cell}>最近检查</th><th style={cell}>操作</th></tr></thead>
          <tbody>
            {view.state.subscriptions.map((s) => (
              <tr key={s.url} data-testid="sub-row" data-url={s.url} data-status={s.status ?? ''} data-checked={s.checkedAt ?? ''} data-managed={String(s.managed)}>
                <td style={{ ...cell, wordBreak: 'break-all' }}>{s.url}{s.managed ? <div style={{ fontSize: 12, color: '#57606a' }}>单位统一管理</div> : null}</td>
                <td style={cell}>{s.packId ? `${s.packId}@${s.version ?? ''}` : '—'}</td>
                <td style={cell}>
                  <span data-testid="sub-status">{s.status ? STATUS_ZH[s.status] : '尚未检查'}</span>
                  {s.checkedAt ? <span style={{ fontSize: 12, color: '#57606a' }}> · {new Date(s.checkedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</span> : null}
                  <Issues issues={s.issues ?? []} testId="sub-issues" />
                </td>
                <td style={cell}>
                  {s.managed ? null : <button type="button" style={button} data-testid="unsubscribe" onClick={() => subs.run({ type: 'lvzhi.packs.unsubscribe', url: s.url })}>取消订阅</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Result last={subs.last} testId="subs-result" />
      </Section>

      <Section id="keys-heading" title="受信任的签名公钥">
        <p style={{ fontSize: 13, color: '#57606a' }}>远程和统一下发的定义包必须由这里的公钥签名（lvzhi pack keygen 生成的 .public.json，或 PEM 公钥）。</p>
        <ul data-testid="key-list">
          {view.keys.map((k) => (
            <li key={k.kid} data-testid="key-row" data-kid={k.kid}>
              {k.name ?? '（未命名）'} · <code>{k.kid}</code>{k.managed ? ' · 单位统一管理' : (
                <button type="button" style={{ ...button, marginLeft: 8 }} onClick={() => keys.run({ type: 'lvzhi.packs.untrustKey', kid: k.kid })}>移除</button>
              )}
            </li>
          ))}
        </ul>
        <Issues issues={view.keyIssues} testId="policy-key-issues" />
        <textarea value={keyText} onChange={(e) => setKeyText(e.target.value)} rows={4} cols={70} data-testid="key-input" aria-label="公钥" placeholder='{"kty":"EC","crv":"P-256",…} 或 -----BEGIN PUBLIC KEY-----' />
        <div><button type="button" style={button} data-testid="key-add" onClick={() => { keys.run({ type: 'lvzhi.packs.trustKey', text: keyText }); setKeyText(''); }}>信任此公钥</button></div>
        <Result last={keys.last} testId="keys-result" />
      </Section>
    </>
  );
}

/**
 * The service worker fetches the pack URL; unless the server sends Access-Control-Allow-Origin,
 * it needs the site's host permission (optional in the manifest). Asked here, in the click that
 * subscribes (a permission prompt needs a user gesture); subscribing goes on either way.
 */
async function subscribeTo(url: string, run: (r: PackRequest) => void): Promise<void> {
  if (!url) return;
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && chrome.permissions?.request) {
      await chrome.permissions.request({ origins: [`${u.origin}/*`] }).catch(() => false);
    }
  } catch {
    // not a URL: the worker explains
  }
  run({ type: 'lvzhi.packs.subscribe', url });
}

function useAction() {
  return usePackAction();
}
