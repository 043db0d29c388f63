/**
 * Fetching a subscribed pack URL: conditional (If-None-Match with the last ETag), size-limited
 * (Content-Length first, then while reading, so a 50 MB answer is never held in memory), and
 * with errors split into those worth retrying (network, 5xx: thrown, so react-query's retry
 * handles them) and final answers (4xx, too large: returned as located issues).
 */
import { issue, type ValidationIssue } from '../issues.ts';
import { MAX_PACK_BYTES, tooLargeIssue } from '../pack-signing/envelope.ts';

export class RetryableFetchError extends Error {}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; etag?: string }
  | { kind: 'refused'; issues: ValidationIssue[] };

export interface FetchOptions {
  etag?: string;
  fetch?: typeof fetch;
  maxBytes?: number;
  signal?: AbortSignal;
}

export async function fetchPackBody(url: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      headers: options.etag ? { 'If-None-Match': options.etag, Accept: 'application/json' } : { Accept: 'application/json' },
      cache: 'no-cache',
      credentials: 'omit',
      redirect: 'follow',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    throw new RetryableFetchError(`网络错误 / network error: ${(e as Error).message}`);
  }
  if (res.status === 304) return { kind: 'not-modified' };
  if (res.status >= 500 || res.status === 429 || res.status === 408) {
    throw new RetryableFetchError(`服务器错误 HTTP ${res.status} / server error HTTP ${res.status}`);
  }
  if (!res.ok) {
    return { kind: 'refused', issues: [{ source: url, ...issue([], 'http', `无法下载：HTTP ${res.status}`, `could not download: HTTP ${res.status}`) }] };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'refused', issues: [tooLargeIssue(url, declared, maxBytes)] };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        return { kind: 'refused', issues: [{ source: url, ...issue([], 'too-large',
          `文件过大：超过上限 ${mb(maxBytes)} MB，已停止下载（已收到 ${mb(total)} MB）`,
          `file too large: over the ${mb(maxBytes)} MB limit, download stopped (${mb(total)} MB received)`) }] };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  const etag = res.headers.get('etag');
  return { kind: 'body', bytes, ...(etag ? { etag } : {}) };
}
