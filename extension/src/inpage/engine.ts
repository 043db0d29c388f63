/**
 * The page engine the bridge drives: scan the page (all same-origin frames, and cross-origin
 * frames only when the portal mapping allows them), apply a plan, undo the last fill. It wraps
 * the autofill engine of @lvzhi/shared/dom (scanPage, applyPlan), imported from its autofill
 * folder directly: the package's ./dom entry also carries the IndexedDB store, whose zod record
 * schema would add ~60 KB to every portal page.
 */
import type { FillPlan, FillReport, ScanResult } from '@lvzhi/shared';
import { PAGE_WORLD_INJECT } from '../lib/staff-portals.ts';
import { applyPlan, eventBridgePageWorld, scanPage, setPageWorld, type ApplyResult, type PageSession, type ScanOptions } from '@lvzhi/shared/dom/autofill';

// This script runs in an isolated world: framework state (for undo of radio groups) is reached
// through the MAIN-world helper (page-world.ts) the background injects on request before a fill.
setPageWorld(eventBridgePageWorld());

let helper: Promise<void> | undefined;
/** Asks the background once per page for the MAIN-world helper; a fill goes on without it (undo then reports the radios). */
function ensurePageWorldHelper(): Promise<void> {
  if (helper) return helper;
  const asked = chrome.runtime.sendMessage({ type: PAGE_WORLD_INJECT }) as Promise<{ ok?: boolean } | undefined>;
  const late = new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000));
  helper = Promise.race([asked, late]).then(
    (r) => { if (!r?.ok) helper = undefined; },
    () => { helper = undefined; },
  );
  return helper;
}

export interface PageEngine {
  scan(options?: ScanOptions): Promise<ScanResult>;
  /** Ids of the plan's controls that are no longer in the page (removed since the scan). */
  missingControls(plan: FillPlan): string[];
  apply(plan: FillPlan): Promise<FillReport>;
  /** What was restored and what could not be; undefined when there is nothing to undo. */
  undo(): Promise<{ restored: number; failed: { control: string; error: string }[] } | undefined>;
}

class DomEngine implements PageEngine {
  private session: PageSession | undefined;
  private last: ApplyResult | undefined;

  async scan(options: ScanOptions = {}): Promise<ScanResult> {
    this.session = scanPage(document, options);
    return this.session.result;
  }

  missingControls(plan: FillPlan): string[] {
    const s = this.session;
    if (!s) return plan.steps.map((x) => x.control);
    return plan.steps.filter((step) => {
      const c = s.controls.get(step.control);
      const el = c?.handle.visible;
      return !c || !el || !el.isConnected;
    }).map((x) => x.control);
  }

  async apply(plan: FillPlan): Promise<FillReport> {
    if (!this.session) throw new Error('请先生成填写计划');
    await ensurePageWorldHelper();
    this.last = await applyPlan(this.session, plan);
    return this.last.report;
  }

  async undo(): Promise<{ restored: number; failed: { control: string; error: string }[] } | undefined> {
    if (!this.last) return undefined;
    const r = await this.last.undo();
    this.last = undefined;
    return r;
  }
}

let engine: PageEngine | undefined;

export function pageEngine(): PageEngine {
  engine ??= new DomEngine();
  return engine;
}
