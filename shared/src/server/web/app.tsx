/**
 * The server's browser pages, one bundle (esbuild, built by `npm run build` or at first use):
 * - sign-in;
 * - 承办单位: the suggestions assigned to the unit, each with the steps it may take; a step
 *   that needs fields opens the shared FormView on the sections holding them;
 * - 代表: the mobile rating page reached by link or QR code (满意 / 基本满意 / 不满意);
 * - the office (管理员、工作人员、记录人): pairing code for the extension, overdue list,
 *   the year's figures with their exports, rating links.
 * All data comes from the JSON API; record text is rendered as text by React.
 */
import { createRoot } from 'react-dom/client';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormEngine, optionResolver, type FormDefinition, type LvzhiRecord, type PackDefinition } from '../../core/index.ts';
import { FormView } from '../../react/index.ts';

interface Me { account: { displayName: string; role: string; unit?: string }; roleLabel: { zh: string }; csrf: string | null }
interface Step { id: string; label: string; kind: string; requires: string[] }

let csrf: string | null = null;

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T & { ok?: boolean; error?: string } }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  let json = {} as T & { ok?: boolean; error?: string };
  try { json = await res.json(); } catch { /* empty */ }
  return { status: res.status, json };
}

function Login({ onDone }: { onDone: () => void }): ReactNode {
  const [error, setError] = useState('');
  return (
    <form aria-label="登录" onSubmit={async (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const r = await api<{ csrf: string }>('POST', '/api/login', { username: String(f.get('username') ?? ''), password: String(f.get('password') ?? '') });
      if (r.status === 200) { csrf = r.json.csrf; onDone(); } else setError(r.json.error ?? `HTTP ${r.status}`);
    }}>
      <h1>履职 · 登录</h1>
      <p><label>用户名 <input name="username" autoComplete="username" required /></label></p>
      <p><label>密码 <input name="password" type="password" autoComplete="current-password" required /></label></p>
      <button className="primary" type="submit">登录</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}

/** The sections of the form holding the fields a step needs. */
function formForStep(form: FormDefinition, step: Step): FormDefinition {
  const need = new Set(step.requires);
  return { ...form, sections: form.sections.filter((s) => s.fields.some((f) => need.has(f.id))) };
}

function StepForm({ record, step, packs, onDone }: { record: LvzhiRecord; step: Step; packs: PackDefinition[]; onDone: (msg: string) => void }): ReactNode {
  const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === record.form);
  const sub = useMemo(() => (form ? formForStep(form, step) : undefined), [form, step]);
  const ctx = useMemo(() => ({ optionsOf: optionResolver(packs) }), [packs]);
  const engine = useMemo(() => (sub ? new FormEngine(sub, { values: record.values, ctx }) : undefined), [sub, record, ctx]);
  const [errors, setErrors] = useState<string[]>([]);
  if (!sub || !engine) return <p className="error">找不到表单 {record.form}</p>;
  const fieldIds = new Set(sub.sections.flatMap((s) => s.fields.map((f) => f.id)));
  return (
    <div>
      <FormView engine={engine} optionsOf={ctx.optionsOf} layout="page" />
      <button className="primary" onClick={async () => {
        const values = engine.getValues();
        const patch = Object.fromEntries(Object.entries(values).filter(([k]) => fieldIds.has(k)));
        const r = await api<{ issues?: Array<{ message: string }> }>('POST', `/api/records/${encodeURIComponent(record.id)}/step`, { transition: step.id, patch });
        if (r.status === 200) onDone(`已${step.label}`);
        else setErrors(r.json.issues?.map((i) => i.message) ?? [r.json.error ?? `HTTP ${r.status}`]);
      }}>提交：{step.label}</button>
      {errors.length > 0 && <ul role="alert" className="error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}

function UnitPage({ me }: { me: Me }): ReactNode {
  const [tasks, setTasks] = useState<Array<{ record: LvzhiRecord; next: Step[] }>>([]);
  const [packs, setPacks] = useState<PackDefinition[]>([]);
  const [open, setOpen] = useState<{ id: string; step: Step } | undefined>();
  const [message, setMessage] = useState('');
  const load = async () => {
    const [t, d] = await Promise.all([api<{ tasks: typeof tasks }>('GET', '/api/unit/tasks'), api<{ packs: PackDefinition[] }>('GET', '/api/definitions')]);
    setTasks(t.json.tasks ?? []);
    setPacks(d.json.packs ?? []);
  };
  useEffect(() => { void load(); }, []);
  return (
    <div>
      <h1>{me.account.unit} · 交办的建议</h1>
      {message && <p role="status" className="ok">{message}</p>}
      {tasks.length === 0 && <p>暂无交办的建议。</p>}
      {tasks.map(({ record, next }) => (
        <section key={record.id} data-record={record.id} style={{ background: '#fff', padding: 12, margin: '12px 0', borderRadius: 8 }}>
          <h2>{String(record.values['title'] ?? record.id)}</h2>
          <p>编号：{String(record.values['number'] ?? '—')}　状态：<span data-state>{record.workflow?.state}</span>　交办日期：{String(record.values['assignDate'] ?? '—')}</p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{String(record.values['content'] ?? '')}</p>
          {next.map((s) => (
            <button key={s.id} onClick={async () => {
              if (s.requires.length > 0) { setOpen({ id: record.id, step: s }); return; }
              const r = await api('POST', `/api/records/${encodeURIComponent(record.id)}/step`, { transition: s.id });
              setMessage(r.status === 200 ? `已${s.label}` : r.json.error ?? `HTTP ${r.status}`);
              await load();
            }}>{s.label}</button>
          ))}
          {open?.id === record.id && <StepForm record={record} step={open.step} packs={packs} onDone={async (m) => { setOpen(undefined); setMessage(m); await load(); }} />}
        </section>
      ))}
    </div>
  );
}

function RatePage(): ReactNode {
  const token = location.pathname.split('/').pop() ?? '';
  const [info, setInfo] = useState<{ title: string; unit: string | null; reply: string | null; replyDate: string | null } | undefined>();
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [unhappy, setUnhappy] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => {
    void api<NonNullable<typeof info>>('GET', `/api/rate/${encodeURIComponent(token)}`).then((r) => (r.status === 200 ? setInfo(r.json) : setError(r.json.error ?? '链接无效')));
  }, [token]);
  const send = async (satisfaction: string) => {
    const r = await api('POST', `/api/rate/${encodeURIComponent(token)}`, { satisfaction, ...(satisfaction === '不满意' ? { dissatisfactionReason: reason } : {}) });
    if (r.status === 200) setDone(`已提交：${satisfaction}。谢谢！`); else setError(r.json.error ?? `HTTP ${r.status}`);
  };
  if (done) return <p role="status" className="ok" style={{ fontSize: 22 }}>{done}</p>;
  if (error && !info) return <p role="alert" className="error">{error}</p>;
  if (!info) return <p>加载中…</p>;
  return (
    <div className="rate">
      <h1 style={{ fontSize: 22 }}>代表满意度测评</h1>
      <h2 style={{ fontSize: 18 }}>{info.title}</h2>
      <p>承办单位：{info.unit ?? '—'}　答复日期：{info.replyDate ?? '—'}</p>
      <p style={{ whiteSpace: 'pre-wrap', background: '#fff', padding: 10 }}>{info.reply ?? ''}</p>
      <button className="primary" onClick={() => void send('满意')}>满意</button>
      <button onClick={() => void send('基本满意')}>基本满意</button>
      {!unhappy && <button onClick={() => setUnhappy(true)}>不满意</button>}
      {unhappy && (
        <div>
          <label>不满意理由（必填）<textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={4} style={{ width: '100%' }} /></label>
          <button disabled={reason.trim() === ''} onClick={() => void send('不满意')}>提交：不满意</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}

function OfficePage({ me }: { me: Me }): ReactNode {
  const [code, setCode] = useState('');
  const [rows, setRows] = useState<Array<{ recordId: string; title: string; stateTitle: string; stateId: string; dueDate?: string; overdue: boolean }>>([]);
  const [sentences, setSentences] = useState<string[]>([]);
  const [link, setLink] = useState<{ id: string; url: string; qrSvg: string } | undefined>();
  const year = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);
  useEffect(() => {
    void api<{ rows: typeof rows }>('GET', '/api/workflows').then((r) => setRows(r.json.rows ?? []));
    if (['admin', 'staff'].includes(me.account.role)) void api<{ sentences: Array<{ text: string }> }>('GET', `/api/stats?period=${year}`).then((r) => setSentences((r.json.sentences ?? []).map((s) => s.text)));
  }, [me, year]);
  return (
    <div>
      <h1>履职 · {me.account.displayName}（{me.roleLabel.zh}）</h1>
      <section>
        <h2>连接浏览器扩展</h2>
        <button onClick={async () => { const r = await api<{ code: string }>('POST', '/api/pairing-code', {}); setCode(r.json.code ?? ''); }}>获取配对码</button>
        {code && <p>配对码（10分钟内有效，只能用一次）：<strong data-pairing-code style={{ fontSize: 24, letterSpacing: 4 }}>{code}</strong></p>}
      </section>
      <section>
        <h2>办理进度（逾期 {rows.filter((r) => r.overdue).length} 项）</h2>
        <table>
          <thead><tr><th>事项</th><th>状态</th><th>期限</th><th /></tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.recordId} data-record={r.recordId} style={r.overdue ? { color: '#b71c1c' } : {}}>
              <td>{r.title}</td><td>{r.stateTitle}</td><td>{r.dueDate ?? '—'}{r.overdue ? '（已逾期）' : ''}</td>
              <td>{r.stateId === 'replied' && ['admin', 'staff'].includes(me.account.role) && (
                <button onClick={async () => { const x = await api<{ url: string; qrSvg: string }>('POST', `/api/records/${encodeURIComponent(r.recordId)}/rating-link`, {}); if (x.status === 200) setLink({ id: r.recordId, url: x.json.url, qrSvg: x.json.qrSvg }); }}>生成测评链接</button>
              )}</td>
            </tr>
          ))}</tbody>
        </table>
        {link && <div data-rating-link><p>请代表扫码或打开链接测评：<a href={link.url}>{link.url}</a></p><img alt="测评二维码" width={200} height={200} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} /></div>}
      </section>
      {sentences.length > 0 && (
        <section>
          <h2>{year}年工作统计</h2>
          {sentences.map((s) => <p key={s}>{s}</p>)}
          <p><a href={`/api/stats?period=${year}&format=xlsx`}>下载 Excel</a>　<a href={`/api/stats?period=${year}&format=csv`}>下载 CSV</a></p>
        </section>
      )}
    </div>
  );
}

function App(): ReactNode {
  const [me, setMe] = useState<Me | null | undefined>();
  const load = () => void api<Me>('GET', '/api/me').then((r) => { if (r.status === 200) { csrf = r.json.csrf; setMe(r.json); } else setMe(null); });
  useEffect(load, []);
  if (me === undefined) return <p>加载中…</p>;
  if (me === null) return <Login onDone={load} />;
  return (
    <div>
      <p style={{ textAlign: 'right' }}><button onClick={async () => { await api('POST', '/api/logout', {}); csrf = null; setMe(null); }}>退出</button></p>
      {me.account.role === 'unit' ? <UnitPage me={me} /> : <OfficePage me={me} />}
    </div>
  );
}

const rate = document.getElementById('rate');
const app = document.getElementById('app');
if (rate) createRoot(rate).render(<RatePage />);
else if (app) createRoot(app).render(<App />);
