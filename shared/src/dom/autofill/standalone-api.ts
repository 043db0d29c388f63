/**
 * The engine as one object for pages outside the extension (the standalone bundle puts it on
 * `window.Lvzhi`): scan, plan, apply, undo and read back, given values keyed by dictionary key
 * and, optionally, packs (the built-in packs are used otherwise).
 */
import { buildAutofillContext, type AutofillContext } from '../../core/autofill/context.ts';
import { planFill, readBackValues, type ReadBackResult } from '../../core/autofill/plan.ts';
import type { FillPlan, FillReport, ScanResult } from '../../core/autofill/types.ts';
import type { FormDefinition, PackDefinition, PortalMapping } from '../../core/pack-schema.ts';
import { applyPlan, fillLate, fillOtherTabs, scanOptionsFor, settleLeaving, type ApplyResult } from './apply.ts';
import { scanPage, type PageSession } from './scan.ts';
import { registerAdapter, setWaitLimit, type WidgetAdapter } from './adapters/index.ts';
import { eventBridgePageWorld, listenForPageWorldRequests, setPageWorld } from './framework-state.ts';
import { sameOriginDocuments } from './frames.ts';

export interface LvzhiAutofillOptions {
  /** Packs to take the dictionary from (default: the packs given to createAutofill). */
  packs?: PackDefinition[];
  /** A portal mapping, or the id of one in the packs. */
  mapping?: PortalMapping | string;
  /** The form (or its id) the values come from. */
  form?: FormDefinition | string;
  doc?: Document;
  /** How long to wait for a control that is disabled or still loading its options (ms, default 3000). */
  waitMs?: number;
}

export interface LvzhiAutofill {
  version: string;
  scan(options?: LvzhiAutofillOptions): ScanResult;
  plan(values: Record<string, unknown>, options?: LvzhiAutofillOptions): FillPlan;
  apply(plan: FillPlan): Promise<FillReport>;
  fill(values: Record<string, unknown>, options?: LvzhiAutofillOptions): Promise<{ plan: FillPlan; report: FillReport }>;
  /**
   * 继续填写: after a fill, fills only the controls that were not usable then and are now (the
   * next step of a wizard once the user clicked 下一步, a tab opened, a row added). What the
   * earlier fill wrote, or the user changed since, is not touched. `undo()` then restores both.
   */
  fillMore(values: Record<string, unknown>, options?: LvzhiAutofillOptions): Promise<{ plan: FillPlan; report: FillReport }>;
  undo(): Promise<{ restored: number; failed: { control: string; error: string }[] }>;
  readBack(options?: LvzhiAutofillOptions): ReadBackResult;
  registerAdapter(adapter: WidgetAdapter): void;
  /**
   * Running the engine as the extension does, in an isolated world: `listen` in the page's own
   * world answers reads of framework state (widget models, props, grid rows) on the channel, in
   * the document and its same-origin frames; `bridge` in the isolated world reads through it.
   */
  pageWorld: { listen(channel: string): void; bridge(channel: string): void };
}

/** Creates the object the standalone bundle exposes as `window.Lvzhi`. */
export function createAutofill(defaultPacks: PackDefinition[] = []): LvzhiAutofill {
  let session: PageSession | undefined;
  let last: ApplyResult | undefined;
  // controls a fill could use when it ran: 继续填写 leaves them alone
  let known = new WeakSet<Element>();
  const remember = (s: PageSession) => {
    const usable = new Set(s.result.controls.filter((c) => c.usable).map((c) => c.id));
    for (const [id, c] of s.controls) if (usable.has(id)) known.add(c.handle.el);
  };
  const contexts = new WeakMap<PackDefinition[], AutofillContext>();
  const ctxOf = (packs: PackDefinition[]) => {
    let c = contexts.get(packs);
    if (!c) { c = buildAutofillContext(packs); contexts.set(packs, c); }
    return c;
  };
  const resolve = (o: LvzhiAutofillOptions = {}) => {
    const ctx = ctxOf(o.packs ?? defaultPacks);
    const mapping = typeof o.mapping === 'string' ? ctx.portals.get(o.mapping) : o.mapping;
    const form = typeof o.form === 'string' ? ctx.forms.get(o.form) : o.form;
    const plan: { mapping?: PortalMapping; form?: FormDefinition } = {};
    if (mapping) plan.mapping = mapping;
    if (form) plan.form = form;
    return { ctx, plan, doc: o.doc ?? document };
  };
  const api: LvzhiAutofill = {
    version: '1',
    scan(o) {
      const r = resolve(o);
      session = scanPage(r.doc, scanOptionsFor(r.plan.mapping));
      return session.result;
    },
    plan(values, o) {
      const r = resolve(o);
      session = scanPage(r.doc, scanOptionsFor(r.plan.mapping));
      return planFill(r.ctx, session.result, values, r.plan);
    },
    async apply(plan) {
      if (!session) throw new Error('先调用 scan 或 plan');
      known = new WeakSet();
      remember(session);
      last = await applyPlan(session, plan);
      return last.report;
    },
    async fill(values, o) {
      if (o?.waitMs !== undefined) setWaitLimit(o.waitMs);
      const plan = api.plan(values, o);
      known = new WeakSet();
      remember(session!);
      const first = await applyPlan(session!, plan);
      const r = resolve(o);
      const late = await fillLate(r.ctx, values, { ...r.plan, doc: r.doc }, { session: session!, plan, ...first });
      last = await fillOtherTabs(r.ctx, values, { ...r.plan, doc: r.doc }, { session: session!, plan, ...late });
      return { plan, report: last.report };
    },
    async fillMore(values, o) {
      if (!last) throw new Error('先调用 fill');
      if (o?.waitMs !== undefined) setWaitLimit(o.waitMs);
      const r = resolve(o);
      await settleLeaving(r.doc);
      const s = scanPage(r.doc, scanOptionsFor(r.plan.mapping));
      const all = planFill(r.ctx, s.result, values, r.plan);
      const fresh = (id: string) => { const c = s.controls.get(id); return !!c && !known.has(c.handle.el); };
      // tables are left to a fill of their own, as the extension's 继续填写 does
      const plan: FillPlan = { ...all, steps: all.steps.filter((st) => fresh(st.control)), tables: [], skipped: all.skipped.filter((sk) => sk.control && fresh(sk.control)) };
      remember(s);
      session = s;
      const first = await applyPlan(s, plan);
      const more = await fillLate(r.ctx, values, { ...r.plan, doc: r.doc }, { session: s, plan, ...first });
      const before = last;
      last = {
        report: more.report,
        async undo() {
          const a = await more.undo();
          const b = await before.undo();
          return { restored: a.restored + b.restored, failed: [...a.failed, ...b.failed] };
        },
      };
      return { plan, report: more.report };
    },
    async undo() {
      if (!last) return { restored: 0, failed: [] };
      const r = await last.undo();
      last = undefined;
      return r;
    },
    readBack(o) {
      const r = resolve(o);
      const s = scanPage(r.doc, scanOptionsFor(r.plan.mapping));
      return readBackValues(r.ctx, s.result, r.plan);
    },
    registerAdapter,
    pageWorld: {
      listen(channel) {
        for (const d of sameOriginDocuments(document)) listenForPageWorldRequests(d, { request: `${channel}-q`, reply: `${channel}-a` });
      },
      bridge(channel) { setPageWorld(eventBridgePageWorld({ request: `${channel}-q`, reply: `${channel}-a` })); },
    },
  };
  return api;
}
