/**
 * Messages between the options page and the service worker about packs. The service worker is
 * the only writer of the pack store: the page asks, the worker decides (so a managed pack cannot
 * be removed by a page, a devtools console or another extension page calling storage directly
 * through this API).
 */
import type { ChangeResult, ManagedPolicy, OfferResult, PackStoreState, ValidationIssue } from '@lvzhi/shared';

export const PACK_STORE_KEY = 'lvzhi.packStore';
export const STUDIO_DRAFT_KEY = 'lvzhi.studio.draft';
export const REFRESH_ALARM = 'lvzhi.packs.refresh';

export type PackRequest =
  | { type: 'lvzhi.packs.state' }
  | { type: 'lvzhi.packs.import'; fileName: string; text: string }
  | { type: 'lvzhi.packs.subscribe'; url: string }
  | { type: 'lvzhi.packs.unsubscribe'; url: string }
  | { type: 'lvzhi.packs.refresh'; url?: string }
  | { type: 'lvzhi.packs.setEnabled'; id: string; enabled: boolean }
  | { type: 'lvzhi.packs.remove'; id: string }
  | { type: 'lvzhi.packs.rollback'; id: string; index: number }
  | { type: 'lvzhi.packs.save'; id: string; json: unknown; note?: string }
  | { type: 'lvzhi.packs.trustKey'; text: string; /** pack ids the key may sign: "district.*" or exact ids (issue 13 part 4) */ scope?: string[] }
  | { type: 'lvzhi.packs.untrustKey'; kid: string };

export interface KeyInfo { kid: string; name?: string; managed: boolean }

export interface PackStateView {
  state: PackStoreState;
  policy: ManagedPolicy;
  keys: KeyInfo[];
  /** Policy keys that could not be read. */
  keyIssues: ValidationIssue[];
}

export type RefreshOutcome = { url: string; status: string; issues: ValidationIssue[] };

export type PackResponse =
  | { ok: true; view: PackStateView; offer?: OfferResult; change?: ChangeResult; refreshed?: RefreshOutcome[]; changes?: string[] }
  | { ok: false; error: string };

export function isPackRequest(m: unknown): m is PackRequest {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('lvzhi.packs.');
}
