/**
 * Lists packs and checks them with the shared validator, for the options page. Pure: no JSON
 * import, no chrome.* (tested in pack-list.test.ts).
 */
import { formatIssue, validatePackSet } from '@lvzhi/shared';
import { widgetNames } from '@lvzhi/shared/dom/autofill';

export interface PackRow {
  id: string;
  version: string;
  title: string;
  titleEn: string | undefined;
  formCount: number;
}

export interface PackList {
  ok: boolean;
  rows: PackRow[];
  /** Problems as one line of text each (Chinese), shown as text, never HTML. */
  problems: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One row per pack, read defensively so that a broken pack still shows what it can. */
export function packRows(packs: readonly unknown[]): PackRow[] {
  return packs.map((raw: unknown, i): PackRow => {
    const pack = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return {
      id: text(pack['id']) ?? `（第 ${i + 1} 个，无标识）`,
      version: text(pack['version']) ?? '—',
      title: text(pack['title']) ?? '（无名称）',
      titleEn: text(pack['titleEn']),
      formCount: Array.isArray(pack['forms']) ? pack['forms'].length : 0,
    };
  });
}

/** Validates the packs together (requires resolved among them) and lists them. */
export function checkPacks(packs: unknown, source = 'forms/dist/index.json'): PackList {
  if (!Array.isArray(packs)) {
    return { ok: false, rows: [], problems: [`${source}：应为表单包数组 […]`] };
  }
  const rows = packRows(packs);
  if (rows.length === 0) return { ok: false, rows, problems: [`${source}：没有任何内置表单包`] };
  const result = validatePackSet(packs.map((json: unknown, i) => ({ source: rows[i]?.id ?? `#${i + 1}`, json })), { widgetNames: widgetNames() });
  const problems = result.issues.map((issue) => formatIssue(issue, 'zh'));
  return { ok: result.ok && problems.length === 0, rows, problems };
}
