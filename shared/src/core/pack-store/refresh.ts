/**
 * One check of one subscription: fetch (conditional, size-limited), verify, offer, and record the
 * outcome on the subscription. Network failures and 5xx are thrown (RetryableFetchError) for the
 * caller's retry policy; the state is only changed by what was decided.
 */
import type { TrustedKey } from '../pack-signing/keys.ts';
import { fetchPackBody, type FetchOptions } from './remote.ts';
import { offerPack, recordCheck, sameRefusal } from './store.ts';
import type { OfferResult, PackStoreState, Subscription } from './types.ts';

export interface RefreshContext {
  trusted: readonly TrustedKey[];
  now: Date;
  fetch?: typeof fetch;
  maxBytes?: number;
  signal?: AbortSignal;
}

export type RefreshResult = OfferResult | { status: 'not-modified'; issues: [] };

/*
 * The time of a check is not part of the store's state: a check that finds nothing new must not
 * write (every write makes every open panel re-read its packs). Callers keep check times apart
 * (the extension in its own storage key) and show them beside the subscription.
 */

export async function refreshSubscription(state: PackStoreState, url: string, ctx: RefreshContext): Promise<{ state: PackStoreState; result: RefreshResult }> {
  const sub = state.subscriptions.find((s) => s.url === url);
  if (!sub) return { state, result: { status: 'refused', issues: [{ source: url, path: [], code: 'not-subscribed', message: '没有订阅此地址', messageEn: 'not subscribed to this URL' }] } };
  const options: FetchOptions = {
    ...(sub.etag ? { etag: sub.etag } : {}), ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(ctx.maxBytes ? { maxBytes: ctx.maxBytes } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  const got = await fetchPackBody(url, options);
  if (got.kind === 'not-modified') {
    return { state: recordCheck(state, url, { status: healthy(sub.status) }), result: { status: 'not-modified', issues: [] } };
  }
  if (got.kind === 'refused') {
    // The download itself was refused (HTTP error, too large): record it on the pack this URL delivered before.
    let next = recordCheck(state, url, { status: 'refused', issues: got.issues });
    if (sub.packId) next = markRefused(next, sub.packId, url, ctx.now.toISOString(), got.issues, sub.managed);
    return { state: next, result: { status: 'refused', ...(sub.packId ? { packId: sub.packId } : {}), issues: got.issues } };
  }
  const offered = await offerPack(state, { origin: sub.managed ? 'managed' : 'url', url, body: got.bytes }, { trusted: ctx.trusted, now: ctx.now, ...(ctx.maxBytes ? { maxBytes: ctx.maxBytes } : {}) });
  const r = offered.result;
  let next = offered.state;
  if (r.status === 'refused') {
    // Keep the old ETag: the same bad file must be refused again, not skipped as "not modified".
    next = recordCheck(next, url, { status: 'refused', issues: r.issues });
  } else {
    next = recordCheck(next, url, { status: r.status === 'installed' ? 'ok' : healthy(sub.status), packId: r.packId, version: r.version, ...(got.etag ? { etag: got.etag } : {}) });
    if (sub.managed) {
      next = { ...next, packs: next.packs.map((p) => (p.id === r.packId && p.source.kind !== 'managed' ? { ...p, source: { kind: 'managed', url }, enabled: true } : p)) };
    }
  }
  return { state: next, result: r };
}

function markRefused(state: PackStoreState, packId: string, url: string, at: string, issues: OfferResult['issues'], managed: boolean): PackStoreState {
  return {
    ...state,
    packs: state.packs.map((p) => {
      const refused = { at, origin: managed ? 'managed' as const : 'url' as const, url, issues };
      return p.id === packId && !sameRefusal(p.refused, refused) ? { ...p, refused } : p;
    }),
  };
}


/** A check that finds the same pack keeps a healthy status as it was ('ok' stays 'ok'): no write. */
function healthy(prev: Subscription['status']): 'ok' | 'unchanged' {
  return prev === 'ok' ? 'ok' : 'unchanged';
}
