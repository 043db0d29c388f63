/**
 * The page side of autofill, answering the side panel's messages. The panel asks for a scan,
 * makes the plan from it with the packs and the record (core), shows it, and sends it back to
 * be applied; the fill is refused when the page changed since the scan (another address, or
 * a control of the plan gone), so nothing is written into a page the user did not see
 * planned. The DOM work itself is the autofill engine's (@lvzhi/shared/dom).
 */
import type { FillPlan, FillReport, ScanResult, ScannedControl } from '@lvzhi/shared';
import type { ScanOptions } from '@lvzhi/shared/dom/autofill';
import { pageEngine, type SessionInfo } from './engine.ts';

export type PageMessage =
  | { type: 'lvzhi.page.hello' }
  | { type: 'lvzhi.page.scan'; options?: ScanOptions; onlyNew?: boolean }
  | { type: 'lvzhi.page.fill'; scanId: string; plan: FillPlan; session?: { recordId?: string; mappingId?: string } }
  | { type: 'lvzhi.page.undo' }
  | { type: 'lvzhi.page.edits' }
  | { type: 'lvzhi.page.clearEdits' };

export type PageAnswer =
  | { ok: true; kind: 'hello'; url: string; title: string; session?: SessionInfo; status?: string }
  | { ok: true; kind: 'edits'; controls: ScannedControl[]; status?: string }
  | { ok: true; kind: 'scan'; scanId: string; scan: ScanResult; status?: string }
  | { ok: true; kind: 'fill'; report: FillReport; status?: string }
  | { ok: true; kind: 'undo'; restored: number; failed: Array<{ control: string; label: string; error: string }>; status?: string }
  | { ok: false; reason: 'changed' | 'navigated' | 'no-scan' | 'nothing-to-undo' | 'error'; message: string; status?: string };

export function isPageMessage(m: unknown): m is PageMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('lvzhi.page.');
}

let lastScan: { id: string; url: string } | undefined;
let lastPlan: FillPlan | undefined;
let counter = 0;

export async function handlePageMessage(m: PageMessage): Promise<PageAnswer> {
  switch (m.type) {
    case 'lvzhi.page.hello':
    {
      const session = pageEngine().info();
      return { ok: true, kind: 'hello', url: location.href, title: document.title, ...(session ? { session } : {}) };
    }
    case 'lvzhi.page.edits':
      return { ok: true, kind: 'edits', controls: pageEngine().edits() };
    case 'lvzhi.page.clearEdits':
      pageEngine().clearEdits();
      return { ok: true, kind: 'edits', controls: [] };
    case 'lvzhi.page.scan': {
      const scan = await pageEngine().scan(m.options ?? {}, m.onlyNew === true);
      lastScan = { id: `s${Date.now().toString(36)}${(counter++).toString(36)}`, url: location.href };
      return { ok: true, kind: 'scan', scanId: lastScan.id, scan };
    }
    case 'lvzhi.page.fill': {
      if (!lastScan || lastScan.id !== m.scanId) {
        return { ok: false, reason: 'no-scan', message: '页面已重新加载或已变化，未填写，请重新生成填写计划。', status: '页面已变化，未填写' };
      }
      if (lastScan.url !== location.href) {
        return { ok: false, reason: 'navigated', message: `页面地址已变化（${location.href}），已停止填写。`, status: '页面已变化，未填写' };
      }
      const missing = pageEngine().missingControls(m.plan);
      if (missing.length > 0) {
        return { ok: false, reason: 'changed', message: `页面内容已变化（${missing.length} 个待填栏目已不存在），已停止填写，请重新生成填写计划。`, status: '页面已变化，未填写' };
      }
      const report = await pageEngine().apply(m.plan, m.session ?? {});
      lastPlan = m.plan;
      return { ok: true, kind: 'fill', report, status: `已填写 ${report.filled.length} 项` };
    }
    case 'lvzhi.page.undo': {
      const r = await pageEngine().undo();
      if (!r) return { ok: false, reason: 'nothing-to-undo', message: '没有可撤销的填写。' };
      const labels = new Map((lastPlan?.steps ?? []).map((s) => [s.control, s.label]));
      const failed = r.failed.map((f) => ({ ...f, label: labels.get(f.control) ?? f.control }));
      return { ok: true, kind: 'undo', restored: r.restored, failed, status: `已撤销 ${r.restored} 项` };
    }
  }
}
