/**
 * Teach by correction (issue 12 part 5), the pure part: turn a control the clerk filled or
 * changed by hand after a fill into a portal mapping entry (locator by the visible label, or by
 * name when the label is missing or shared; the dictionary key; the transform the value needed),
 * and keep those entries in the office's local pack `office.local`, one portal mapping per
 * portal site. The panel writes the pack through the pack store's own paths (import once, then
 * the studio's save), so validation and versioning are the store's. Bounded: at most
 * MAX_LOCAL_PORTALS mappings of MAX_LOCAL_FIELDS entries, labels and values of bounded length.
 */
import {
  formatDate, normalizeLabel, parseDate,
  type AutofillContext, type FillPlan, type PackDefinition, type PortalMapping, type ScannedControl,
} from '@lvzhi/shared';

export const LOCAL_PACK_ID = 'office.local';
export const MAX_LOCAL_PORTALS = 50;
export const MAX_LOCAL_FIELDS = 200;
const MAX_TEXT = 200;
const MAX_OPTIONS = 100;

type MappingField = NonNullable<PortalMapping['fields']>[number];

/** A proposal the panel shows with a 记住 button. */
export interface TeachProposal {
  control: string;
  /** What the clerk sees: the portal's label, else the field's place. */
  label: string;
  locator: { label: string } | { name: string };
  /** The dictionary key proposed (the planned key, or the one whose value the clerk typed); undefined when the clerk must choose. */
  key: string | undefined;
  /** Keys whose record value matches what was typed (for the chooser). */
  candidates: string[];
  transform?: MappingField['transform'];
  /** The value as the page now holds it (masked by the panel when sensitive). */
  value: string;
}

/** The visible label of a control without a trailing colon or required mark (never its name or id). */
export function visibleLabel(c: Pick<ScannedControl, 'labels'>): string | undefined {
  const l = c.labels.find((x) => x.source !== 'name' && x.source !== 'placeholder' && x.text.trim() !== '');
  return l ? plainLabel(l.text) : undefined;
}

/** "* 联系电话：" → "联系电话". */
export function plainLabel(text: string): string {
  return text.replace(/^[\s*＊]+/u, '').replace(/[\s:：*＊]+$/u, '').slice(0, MAX_TEXT);
}

function readText(v: ScannedControl['value']): string {
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '';
  return (v ?? '').trim();
}

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY年MM月DD日', 'YYYY年M月D日', 'YYYY.MM.DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY-M-D', 'YYYY.M.D'];

/** The format a date was typed in, when it is one of the usual ones and means the record's date. */
export function guessDateFormat(text: string, iso: string): string | undefined {
  return DATE_FORMATS.find((f) => formatDate(iso, f) === text);
}

/**
 * What 记住 would write for one hand-edited control. `values` are the record's values by
 * dictionary key; `plan` the last plan on this page (its key for the control, if it planned one);
 * `all` the page's controls (to tell whether the label is unique).
 */
export function proposeEntry(ctx: AutofillContext, c: ScannedControl, values: Record<string, unknown>, plan: FillPlan | undefined, all: readonly ScannedControl[]): TeachProposal | undefined {
  const label = visibleLabel(c);
  const norm = label ? normalizeLabel(label) : '';
  const shared = label ? all.filter((o) => { const l = visibleLabel(o); return l !== undefined && normalizeLabel(l) === norm; }).length > 1 : true;
  const locator = label && !shared ? { label } : c.name ? { name: c.name.slice(0, MAX_TEXT) } : label ? { label } : undefined;
  if (!locator) return undefined;
  const value = readText(c.value).slice(0, MAX_TEXT);
  const planned = plan?.steps.find((s) => {
    if (s.control === c.id) return true;
    return label !== undefined && normalizeLabel(plainLabel(s.label)) === norm;
  })?.key;
  // Keys whose record value the typed text is (as text, as an option's label or value, or as a date).
  const candidates: string[] = [];
  let transform: MappingField['transform'];
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    const s = String(v);
    const entry = ctx.entries.get(key);
    if (s === value) { candidates.push(key); continue; }
    const opt = ctx.optionsOf(key)?.find((o) => o.value === s);
    if (opt && (opt.label === value || (c.options ?? []).some((po) => po.text === value && (po.value === s || po.text === opt.label)))) { candidates.push(key); continue; }
    if ((entry?.type === 'date' || entry?.type === 'datetime') && parseDate(value) === s.slice(0, 10) && guessDateFormat(value, s.slice(0, 10))) { candidates.push(key); continue; }
  }
  const key = planned ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (key !== undefined) {
    const v = values[key];
    const entry = ctx.entries.get(key);
    if (typeof v === 'string' && (c.kind === 'select' || c.kind === 'radio') && value !== '' && value !== v) {
      // The option text the portal shows for the record's value.
      transform = { options: { [v]: value } };
    } else if (typeof v === 'string' && (entry?.type === 'date' || entry?.type === 'datetime')) {
      const f = guessDateFormat(value, v.slice(0, 10));
      if (f && f !== 'YYYY-MM-DD') transform = { dateFormat: f };
    }
  }
  return { control: c.id, label: label ?? '', locator, key, candidates: candidates.slice(0, 20), ...(transform ? { transform } : {}), value };
}

/** The local portal mapping id of a site pattern: `http://127.0.0.1:5173/*` → `local-127-0-0-1-5173`. */
export function localMappingId(pattern: string): string {
  const host = /^https?:\/\/([^/]+)/.exec(pattern)?.[1] ?? 'site';
  return `local-${host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'site'}`;
}

export function emptyLocalPack(): PackDefinition {
  return { id: LOCAL_PACK_ID, version: '0.1.0', title: '本单位本地映射', titleEn: 'Office local mappings', description: '工作人员在门户上手工更正后“记住”的映射', portals: [] };
}

function sameLocator(a: MappingField['locator'], b: MappingField['locator']): boolean {
  return !!a && !!b && (a.label ?? '') === (b.label ?? '') && (a.name ?? '') === (b.name ?? '');
}

/**
 * The local pack with one more entry for a portal site; the entry replaces one with the same
 * locator. `requires` names the packs whose dictionary the keys come from (the store validates).
 */
export function withLocalEntry(pack: PackDefinition, sitePattern: string, entry: { locator: TeachProposal['locator']; key: string; transform?: MappingField['transform'] }, packOfKey: (key: string) => { id: string; version: string } | undefined): PackDefinition {
  const id = localMappingId(sitePattern);
  const portals = [...(pack.portals ?? [])];
  let i = portals.findIndex((p) => p.id === id);
  if (i < 0) {
    if (portals.length >= MAX_LOCAL_PORTALS) throw new Error(`本地映射最多 ${MAX_LOCAL_PORTALS} 个门户`);
    portals.push({ id, title: `本地映射：${sitePattern}`, titleEn: `Local mapping: ${sitePattern}`, match: [sitePattern], fields: [] });
    i = portals.length - 1;
  }
  const transform = entry.transform?.options
    ? { ...entry.transform, options: Object.fromEntries(Object.entries(entry.transform.options).slice(0, MAX_OPTIONS).map(([k, v]) => [k.slice(0, MAX_TEXT), v.slice(0, MAX_TEXT)])) }
    : entry.transform;
  const field: MappingField = { key: entry.key, locator: { ...entry.locator }, ...(transform ? { transform } : {}) };
  const fields = (portals[i]!.fields ?? []).filter((f) => !sameLocator(f.locator, field.locator));
  if (fields.length >= MAX_LOCAL_FIELDS) throw new Error(`每个门户最多 ${MAX_LOCAL_FIELDS} 条本地映射`);
  portals[i] = { ...portals[i]!, fields: [field, ...fields] };
  const requires: Record<string, string> = { ...(pack.requires ?? {}) };
  for (const p of portals) for (const f of p.fields ?? []) {
    const owner = f.key ? packOfKey(f.key) : undefined;
    if (owner && owner.id !== LOCAL_PACK_ID) requires[owner.id] = `^${owner.version}`;
  }
  return { ...pack, portals, ...(Object.keys(requires).length ? { requires } : {}) };
}

/**
 * The mapping a fill uses on a page: the local entries for the page's site first (they win),
 * then the mapping detected for the page; the local mapping alone when none was detected.
 */
export function mergeLocal(detected: PortalMapping | undefined, local: PortalMapping | undefined): PortalMapping | undefined {
  if (!local || (local.fields ?? []).length === 0) return detected;
  if (!detected) return local;
  return { ...detected, fields: [...(local.fields ?? []), ...(detected.fields ?? [])] };
}

/** Number of entries in the local pack. */
export function localEntryCount(pack: PackDefinition | undefined): number {
  return (pack?.portals ?? []).reduce((n, p) => n + (p.fields?.length ?? 0), 0);
}
