/**
 * The definition studio: pick a pack and a part (the whole pack, a form, a workflow, a portal
 * mapping, a document template), edit it as JSON with schema completion and linting, see the
 * validator's located problems and a live outline of the form, save as a new version (the
 * service worker validates again and raises versions), and keep the unsaved edit as a draft in
 * chrome.storage.local so that closing the page loses nothing.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activeVersion, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { askPacks } from './packs-client.ts';
import { JsonEditor } from './packs-editor.tsx';
import { LivePreview } from './packs-live.tsx';
import { PACKS_QUERY, Issues } from './packs-manager.tsx';
import { STUDIO_DRAFT_KEY, type PackStateView } from './packs-protocol.ts';
import {
  checkStudioText, findPart, isStudioDraft, partKey, partSchema, partText, studioParts, type StudioDraft,
} from './packs-studio-logic.ts';

const row: CSSProperties = { display: 'flex', gap: 16, alignItems: 'flex-start' };

export function Studio({ view }: { view: PackStateView }) {
  const client = useQueryClient();
  const packs = view.state.packs;
  const [packId, setPackId] = useState<string>('');
  const [key, setKey] = useState<string>('');
  const [text, setText] = useState<string>('');
  const [baseVersion, setBaseVersion] = useState<string>('');
  const [restored, setRestored] = useState(false);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<{ text: string; changes: string[] } | null>(null);
  const loaded = useRef(false);

  const installed = packs.find((p) => p.id === packId);
  const base: PackDefinition | undefined = installed ? activeVersion(installed).pack : undefined;
  const part = base ? findPart(base, key) : undefined;
  const others = useMemo(() => packs.filter((p) => p.enabled && p.id !== packId).map((p) => activeVersion(p).pack), [packs, packId]);

  // First render: restore a draft, or start on the first pack's first form.
  useEffect(() => {
    if (loaded.current || packs.length === 0) return;
    loaded.current = true;
    void chrome.storage.local.get(STUDIO_DRAFT_KEY).then((got) => {
      const d = got[STUDIO_DRAFT_KEY];
      const p = isStudioDraft(d) ? packs.find((x) => x.id === d.packId) : undefined;
      if (isStudioDraft(d) && p && findPart(activeVersion(p).pack, d.part)) {
        setPackId(d.packId); setKey(d.part); setText(d.text); setBaseVersion(d.baseVersion); setRestored(true);
        return;
      }
      const first = packs.find((x) => (activeVersion(x).pack.forms?.length ?? 0) > 0) ?? packs[0]!;
      open(first.id, undefined);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [packs.length]);

  function open(id: string, wantedKey: string | undefined) {
    const p = packs.find((x) => x.id === id);
    if (!p) return;
    const pack = activeVersion(p).pack;
    const parts = studioParts(pack);
    const chosen = (wantedKey ? parts.find((x) => partKey(x) === wantedKey) : undefined) ?? parts.find((x) => x.kind === 'forms') ?? parts[0]!;
    setPackId(id); setKey(partKey(chosen)); setText(partText(pack, chosen)); setBaseVersion(pack.version); setRestored(false);
    void chrome.storage.local.remove(STUDIO_DRAFT_KEY);
  }

  // Keep the unsaved edit (debounced) so closing the page loses nothing.
  useEffect(() => {
    if (!base || !part) return;
    const pristine = text === partText(base, part);
    const t = setTimeout(() => {
      if (pristine) void chrome.storage.local.remove(STUDIO_DRAFT_KEY);
      else {
        const draft: StudioDraft = { packId, part: key, baseVersion, text, savedAt: new Date().toISOString() };
        void chrome.storage.local.set({ [STUDIO_DRAFT_KEY]: draft });
      }
    }, 250);
    return () => clearTimeout(t);
  }, [text, packId, key, baseVersion, base, part]);

  const check = useMemo(() => (base && part ? checkStudioText(text, base, part, others) : undefined), [text, base, part, others]);
  const schema = useMemo(() => partSchema(part?.kind ?? 'pack'), [part?.kind]);

  const save = useMutation({
    mutationFn: () => askPacks({ type: 'lvzhi.packs.save', id: packId, json: check?.pack, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (res) => {
      client.setQueryData(PACKS_QUERY, res.view);
      const offer = res.offer;
      if (offer?.status === 'installed') {
        await chrome.storage.local.remove(STUDIO_DRAFT_KEY);
        const p = res.view.state.packs.find((x) => x.id === packId);
        if (p && part) {
          const pack = activeVersion(p).pack;
          const again = findPart(pack, partKey(part));
          if (again) { setText(partText(pack, again)); setBaseVersion(pack.version); }
        }
        setRestored(false); setNote('');
        setSaved({ text: `已保存为新版本 ${offer.version}`, changes: res.changes ?? [] });
      } else if (offer) {
        setSaved({ text: offer.status === 'unchanged' ? '没有改动' : '未保存：', changes: [] });
      }
    },
    onError: (e: Error) => setSaved({ text: e.message, changes: [] }),
  });

  if (packs.length === 0) return <p>正在读取定义包…</p>;
  const managed = installed?.source.kind === 'managed';
  const stale = Boolean(base && baseVersion && baseVersion !== base.version);
  const previewForm = part?.kind === 'forms' && check?.value && Array.isArray((check.value as FormDefinition).sections)
    ? (check.value as FormDefinition) : part?.kind === 'forms' && base ? base.forms?.[part.index] : undefined;
  const previewPacks = check?.pack && check.ok ? [...others, check.pack as PackDefinition] : base ? [...others, base] : others;
  const refusal = save.data?.offer?.status === 'refused' ? save.data.offer.issues : [];

  return (
    <section aria-labelledby="studio-heading" style={{ marginTop: 28 }}>
      <h2 id="studio-heading" style={{ fontSize: 18 }}>定义工作室</h2>
      <div style={{ marginBottom: 8 }}>
        <label>定义包 <select data-testid="studio-pack" value={packId} onChange={(e) => open(e.target.value, undefined)}>
          {packs.map((p) => <option key={p.id} value={p.id}>{activeVersion(p).pack.title}（{p.id}@{activeVersion(p).version}）</option>)}
        </select></label>{' '}
        <label>部分 <select data-testid="studio-part" value={key} onChange={(e) => open(packId, e.target.value)}>
          {base ? studioParts(base).map((p) => <option key={partKey(p)} value={partKey(p)}>{p.label}</option>) : null}
        </select></label>
      </div>
      {restored ? <p data-testid="studio-draft-restored" style={{ color: '#9a6700' }}>已恢复上次未保存的修改。<button type="button" onClick={() => open(packId, key)}>放弃修改</button></p> : null}
      {stale ? <p data-testid="studio-stale" style={{ color: '#9a6700' }}>注意：此修改基于 {baseVersion}，当前版本已是 {base?.version}。</p> : null}
      {managed ? <p data-testid="studio-managed" style={{ color: '#cf222e' }}>此定义包由单位统一管理，不能在此修改。</p> : null}
      <div style={row}>
        <div style={{ flex: '1 1 60%', minWidth: 0 }}>
          <JsonEditor value={text} schema={schema} problems={check?.problems ?? []} onChange={setText} />
          <div style={{ marginTop: 8 }}>
            <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="修改说明（可选）" data-testid="studio-note" style={{ width: 260 }} />{' '}
            <button type="button" data-testid="studio-save" disabled={!check?.ok || managed || save.isPending} onClick={() => save.mutate()}>保存为新版本</button>
          </div>
          {saved ? (
            <div data-testid="studio-saved" aria-live="polite">{saved.text}{saved.changes.length ? `（${saved.changes.join('；')}）` : ''}</div>
          ) : null}
          <Issues issues={refusal} testId="studio-refused" />
        </div>
        <div style={{ flex: '1 1 40%', minWidth: 0 }}>
          <h3 style={{ fontSize: 15, margin: '0 0 6px' }}>校验结果</h3>
          {check?.ok ? <p data-testid="studio-ok" style={{ color: '#1a7f37' }}>没有发现问题。</p> : (
            <ul data-testid="studio-problems" style={{ color: '#cf222e', paddingLeft: 18 }}>
              {(check?.problems ?? []).map((p, i) => (
                <li key={i} data-testid="studio-problem" data-line={p.line}>第 {p.line} 行第 {p.column} 列 · {p.path}：{p.message}</li>
              ))}
            </ul>
          )}
          <h3 style={{ fontSize: 15, margin: '12px 0 6px' }}>实时预览</h3>
          {previewForm ? <LivePreview form={previewForm} packs={previewPacks} /> : <p style={{ color: '#57606a' }}>选择一个表单即可预览。</p>}
        </div>
      </div>
    </section>
  );
}
