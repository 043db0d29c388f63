/**
 * A pack update that failed to load (invalid, unsigned, too large…) is shown here with its
 * errors, while the last good version keeps working: the pack store keeps the refusal next to
 * the active version (issue 8), this only shows it where staff look.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { activeVersion, formatIssue, readPackStore } from '@lvzhi/shared';
import { PACK_STORE_KEY } from '../lib/staff-data.ts';
import { usePanel } from './context.ts';

export interface PackProblem { id: string; title: string; activeVersion: string; offered?: string; issues: string[] }

export function packProblems(raw: unknown, lang: 'zh' | 'en'): PackProblem[] {
  const state = readPackStore(raw);
  const out: PackProblem[] = [];
  for (const p of state.packs) {
    if (!p.refused) continue;
    const active = activeVersion(p);
    out.push({
      id: p.id,
      title: active.pack.title,
      activeVersion: active.version,
      ...(p.refused.version ? { offered: p.refused.version } : {}),
      issues: p.refused.issues.slice(0, 5).map((i) => formatIssue(i, lang)),
    });
  }
  return out;
}

export function PackProblems() {
  const { t, lang } = usePanel();
  const client = useQueryClient();
  useEffect(() => {
    const l = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'local' && PACK_STORE_KEY in changes) void client.invalidateQueries({ queryKey: ['pack-problems'] });
    };
    chrome.storage.onChanged.addListener(l);
    return () => chrome.storage.onChanged.removeListener(l);
  }, [client]);
  const q = useQuery({ queryKey: ['pack-problems', lang], queryFn: async () => packProblems((await chrome.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY], lang) });
  if (!q.data?.length) return null;
  return (
    <div className="warn" role="alert" data-testid="pack-problems" style={{ margin: '8px 12px 0' }}>
      {q.data.map((p) => (
        <details key={p.id}>
          <summary>{t('packRefused')}：{p.title}{p.offered ? ` ${p.offered}` : ''}（{t('stillUsing')} {p.activeVersion}）</summary>
          <ul>{p.issues.map((i, n) => <li key={n} style={{ whiteSpace: 'pre-wrap' }}>{i}</li>)}</ul>
        </details>
      ))}
    </div>
  );
}
