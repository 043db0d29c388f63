/**
 * The page engine the bridge drives: scan the page (all same-origin frames), apply a plan,
 * undo the last fill. It wraps the autofill engine of @lvzhi/shared/dom.
 */
import type { FillPlan, FillReport, ScanResult } from '@lvzhi/shared';

export interface PageEngine {
  scan(): Promise<ScanResult>;
  /** Ids of the plan's controls that the last scan no longer finds in the page. */
  missingControls(plan: FillPlan): string[];
  apply(plan: FillPlan): Promise<FillReport>;
  /** How many controls were restored; -1 when there is nothing to undo. */
  undo(): Promise<number>;
}

class NotReady implements PageEngine {
  async scan(): Promise<ScanResult> { throw new Error('自动填写引擎尚未包含在此版本中'); }
  missingControls(): string[] { return []; }
  async apply(): Promise<FillReport> { throw new Error('自动填写引擎尚未包含在此版本中'); }
  async undo(): Promise<number> { return -1; }
}

let engine: PageEngine | undefined;

export function pageEngine(): PageEngine {
  engine ??= new NotReady();
  return engine;
}
