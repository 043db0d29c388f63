/**
 * Applying a fill plan to a scanned page, undoing it, and reading a page back into record
 * values. Writing goes through each control's widget adapter; before each write the control
 * is checked again (a page can hide a field after the scan): hidden, disabled, zero-size,
 * off-screen or aria-hidden controls are never written.
 */
import type { AutofillContext } from '../../core/autofill/context.ts';
import { mappingSelectors, planFill, readBackValues, type PlanOptions, type ReadBackResult } from '../../core/autofill/plan.ts';
import type { FillPlan, FillReport, FillReportEntry, FillValue } from '../../core/autofill/types.ts';
import type { PortalMapping } from '../../core/pack-schema.ts';
import { adapters, type ReadValue, type WidgetAdapter, type WidgetHandle } from './adapters.ts';
import { scanPage, type PageSession, type ScanOptions } from './scan.ts';
import { clickLikeUser, sleep, textOf, unusableReason, waitFor } from './util.ts';
import { unusableWords } from '../../core/autofill/words.ts';
import { pageWorld, type ModelRead } from './framework-state.ts';

export interface ApplyResult {
  report: FillReport;
  /** Restores every control this fill changed to its previous value; returns what could not be restored. */
  undo(): Promise<{ restored: number; failed: { control: string; error: string }[] }>;
}

interface Written { adapter: WidgetAdapter; handle: WidgetHandle; before: ReadValue; control: string; model?: ModelRead }

/** A radio group with nothing chosen: the framework's own model value (read in the page world), so undo can put it back. */
function unchosenRadioModel(h: WidgetHandle, before: ReadValue): ModelRead | undefined {
  if (h.kind !== 'radio' || !h.group || before !== null) return undefined;
  try { return pageWorld().readRadioModel(h.group); } catch { return undefined; }
}

/** Un-chooses a radio group through its framework's model; true when no radio of it is checked afterwards. */
async function restoreUnchosenRadio(w: Written): Promise<boolean> {
  if (!w.model || !w.handle.group) return false;
  if (!pageWorld().restoreRadioModel(w.handle.group, w.model)) return false;
  return !!(await waitFor(() => w.adapter.read(w.handle) === null, 800));
}

function toFillValue(prev: ReadValue, h: WidgetHandle): FillValue | undefined {
  if (prev === null || prev === '' || (Array.isArray(prev) && prev.length === 0)) return undefined;
  if (typeof prev === 'boolean') return { type: 'check', checked: prev };
  if (h.kind === 'file') return undefined;
  if (Array.isArray(prev)) return { type: 'options', items: prev.map((p) => ({ candidates: [p] })) };
  if (h.kind === 'select' || h.kind === 'radio') return { type: 'option', candidates: [prev] };
  if (h.kind === 'cascader') return { type: 'path', candidates: [prev] };
  return { type: 'text', text: prev };
}

function sameRead(a: ReadValue, b: ReadValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Writes the plan's steps (in order) and its tables; never throws for one control. */
export async function applyPlan(session: PageSession, plan: FillPlan): Promise<ApplyResult> {
  const report: FillReport = { filled: [], skipped: [...plan.skipped], failed: [] };
  const written: Written[] = [];
  const addedRows: { table: HTMLTableElement; row: HTMLTableRowElement }[] = [];
  for (const step of plan.steps) {
    const entry: FillReportEntry = { control: step.control, key: step.key, label: step.label, display: step.display };
    if (step.field) entry.field = step.field;
    const c = session.controls.get(step.control);
    if (!c) { report.failed.push({ ...entry, error: '控件不在本次扫描中' }); continue; }
    const adapter = adapters().find((a) => a.name === step.adapter) ?? c.adapter;
    const why = unusableReason(c.handle.visible, { reach: true });
    if (why) { const w = unusableWords(why); report.skipped.push({ control: step.control, label: step.label, reason: 'unusable', detail: w.zh, detailEn: w.en }); continue; }
    try {
      const before = c.adapter.read(c.handle);
      const model = unchosenRadioModel(c.handle, before);
      await adapter.write(c.handle, step.value);
      written.push({ adapter, handle: c.handle, before, control: step.control, ...(model ? { model } : {}) });
      const after = adapter.read(c.handle);
      if (step.value.type === 'text' && typeof after === 'string' && after !== step.value.text && c.handle.kind !== 'richtext' && c.handle.kind !== 'date') {
        report.failed.push({ ...entry, error: '写入后读回的值不同（页面改写了它）' });
        continue;
      }
      report.filled.push(entry);
    } catch (e) {
      report.failed.push({ ...entry, error: e instanceof Error ? e.message : String(e) });
    }
  }
  for (const t of plan.tables) {
    const te = session.tables.get(t.table);
    const entry: FillReportEntry = { control: t.table, key: t.key, label: t.label, display: `${t.rows.length} 行` };
    if (!te) { report.failed.push({ ...entry, error: '表格不在本次扫描中' }); continue; }
    try {
      const headRow = te.table.tHead?.rows[0] ?? te.table.rows[0]!;
      const bodyRows = () => Array.from(te.table.tBodies[0]?.rows ?? te.table.rows).filter((r) => r !== headRow && !r.contains(te.addButton ?? null));
      for (let i = 0; i < t.rows.length; i++) {
        if (bodyRows().length <= i) {
          if (!te.addButton || unusableReason(te.addButton)) throw new Error('没有可用的添加行按钮');
          const count = bodyRows().length;
          clickLikeUser(te.addButton);
          const row = await waitFor(() => bodyRows().length > count ? bodyRows()[count] : undefined, 1500);
          if (!row) throw new Error('点击添加后没有出现新行');
          addedRows.push({ table: te.table, row });
          await sleep(10);
        }
        const row = bodyRows()[i]!;
        for (const [header, value] of Object.entries(t.rows[i]!)) {
          const idx = te.columns.indexOf(header);
          const cell = row.cells[idx];
          if (!cell) continue;
          const sub = scanPage(cell.ownerDocument, {}).controls; // adapters detect within the document
          const hit = [...sub.values()].find((e) => cell.contains(e.handle.el));
          if (!hit) throw new Error(`第 ${i + 1} 行“${header}”没有可填的控件`);
          if (unusableReason(hit.handle.visible)) throw new Error(`第 ${i + 1} 行“${header}”不可见`);
          const before = hit.adapter.read(hit.handle);
          await hit.adapter.write(hit.handle, value);
          written.push({ adapter: hit.adapter, handle: hit.handle, before, control: `${t.table}:${i}:${header}` });
        }
      }
      report.filled.push(entry);
    } catch (e) {
      report.failed.push({ ...entry, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return {
    report,
    async undo() {
      const failed: { control: string; error: string }[] = [];
      let restored = 0;
      for (const w of [...written].reverse()) {
        try {
          if (addedRows.some((r) => r.row.contains(w.handle.el))) { restored++; continue; }
          const now = w.adapter.read(w.handle);
          // upload widgets empty their input after taking the file: always clear those
          if (w.handle.kind !== 'file' && sameRead(now, w.before)) { restored++; continue; }
          const v = toFillValue(w.before, w.handle);
          if (v) await w.adapter.write(w.handle, v);
          else if (await restoreUnchosenRadio(w)) { /* the framework's model took the old value back */ }
          else if (w.adapter.clear) await w.adapter.clear(w.handle);
          else throw new Error('该控件不能清空');
          restored++;
        } catch (e) {
          failed.push({ control: w.control, error: e instanceof Error ? e.message : String(e) });
        }
      }
      // rows this fill added: remove them with their own delete button when they have one
      for (const { row } of addedRows.reverse()) {
        const del = Array.from(row.querySelectorAll<HTMLElement>('button, a, [role=button], .layui-btn')).find((b) => /删除|移除|删行|^[-×✕]$/.test(textOf(b)));
        if (del) { clickLikeUser(del); await sleep(20); }
        else if (row.isConnected) failed.push({ control: 'row', error: '新增的行没有删除按钮' });
      }
      return { restored, failed };
    },
  };
}

/** The allowed cross-origin frames of a mapping: those it names whose origin matches one of its own URL patterns. */
export function allowedFrameOrigins(mapping: PortalMapping | undefined): string[] {
  const out: string[] = [];
  for (const f of mapping?.frames ?? []) {
    const allowed = mapping!.match.some((p) => {
      const m = /^(\*|https?):\/\/([^/]+)/.exec(p);
      if (!m) return false;
      let origin: URL;
      try { origin = new URL(f.origin); } catch { return false; }
      const scheme = m[1] === '*' ? ['http:', 'https:'] : [`${m[1]}:`];
      const host = m[2]!;
      const hostOk = host === origin.host || (host.startsWith('*.') && origin.host.endsWith(host.slice(1)));
      return scheme.includes(origin.protocol) && hostOk;
    });
    if (allowed) out.push(new URL(f.origin).origin);
  }
  return out;
}

export interface AutofillOptions extends PlanOptions {
  doc?: Document;
}

/** Scan options that a mapping implies (its selectors and allowed frames). */
export function scanOptionsFor(mapping: PortalMapping | undefined): ScanOptions {
  return { selectors: mappingSelectors(mapping), allowedFrameOrigins: allowedFrameOrigins(mapping) };
}

/** Scan, plan and apply in one call. */
export async function autofill(ctx: AutofillContext, values: Record<string, unknown>, options: AutofillOptions = {}): Promise<{ session: PageSession; plan: FillPlan } & ApplyResult> {
  const session = scanPage(options.doc ?? document, scanOptionsFor(options.mapping));
  const plan = planFill(ctx, session.result, values, options);
  const applied = await applyPlan(session, plan);
  return { session, plan, ...applied };
}

/** Reads the page into record values keyed by dictionary key (capture). */
export function readBack(ctx: AutofillContext, options: AutofillOptions = {}): ReadBackResult {
  const session = scanPage(options.doc ?? document, scanOptionsFor(options.mapping));
  return readBackValues(ctx, session.result, options);
}
