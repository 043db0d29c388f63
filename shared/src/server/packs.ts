/**
 * Packs published on the server. The rules are the extension's own pack store (core
 * pack-store: signed by a trusted key, valid in the set with the packs it requires, a changed
 * pack needs a higher version, no downgrade): the server keeps a pack-store state built from
 * the built-in packs and every published envelope, and offers each new one to it exactly as
 * an extension would. Accepted envelopes are stored unchanged and served at
 * `/packs/<id>.json` with an ETag, the URL an extension subscribes to.
 */
import { createHash } from 'node:crypto';
import {
  activePacks, emptyPackStore, offerPack, syncBuiltins,
  type PackDefinition, type PackStoreState, type TrustedKey, type ValidationIssue,
} from '../core/index.ts';
import type { Database } from './db.ts';

export interface PublishedPack { id: string; version: string; publishedAt: string; publishedBy: string }

/** How often a server re-reads the published packs (another server behind the proxy may have published). */
export const PACK_RELOAD_MS = 10_000;

export class PackPublisher {
  private state: PackStoreState = emptyPackStore();
  private published: PublishedPack[] = [];
  private loadedAt = 0;
  private loadedCount = -1;

  constructor(private readonly db: Database, private readonly builtins: readonly unknown[], private readonly trusted: readonly TrustedKey[]) {}

  async load(): Promise<void> {
    let state = await syncBuiltins(emptyPackStore(), this.builtins, new Date());
    const rows = await this.db.query<{ id: string; version: string; body: string; published_at: string; published_by: string }>(
      'SELECT id, version, body, published_at::text AS published_at, published_by FROM published_packs ORDER BY published_at, id');
    const published: PublishedPack[] = [];
    for (const r of rows) {
      const { state: next, result } = await offerPack(state, { origin: 'url', url: `server:${r.id}`, body: r.body }, { trusted: this.trusted, now: new Date() });
      if (result.status === 'installed' || result.status === 'unchanged') state = next;
      published.push({ id: r.id, version: r.version, publishedAt: r.published_at, publishedBy: r.published_by });
    }
    this.state = state;
    this.published = published;
    this.loadedCount = rows.length;
    this.loadedAt = Date.now();
  }

  /** Re-reads the published packs when another server published one; true when they changed. */
  async reloadIfChanged(): Promise<boolean> {
    if (Date.now() - this.loadedAt < PACK_RELOAD_MS) return false;
    const [r] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM published_packs');
    this.loadedAt = Date.now();
    if ((r?.n ?? 0) === this.loadedCount) return false;
    await this.load();
    return true;
  }

  definitions(): PackDefinition[] { return activePacks(this.state); }

  list(): PublishedPack[] { return [...this.published]; }

  async publish(body: string, by: string): Promise<{ ok: true; id: string; version: string } | { ok: false; issues: ValidationIssue[] }> {
    if (this.trusted.length === 0) {
      return { ok: false, issues: [{ source: 'server', path: [], code: 'no-trusted-key', message: '服务器未配置受信任的公钥（lvzhi serve --trust 公钥文件），不能发布定义包', messageEn: 'the server has no trusted key (lvzhi serve --trust KEY.json): packs cannot be published' }] };
    }
    const { state, result } = await offerPack(this.state, { origin: 'url', url: 'upload', body }, { trusted: this.trusted, now: new Date() });
    if (result.status === 'refused') return { ok: false, issues: result.issues };
    if (result.status === 'unchanged') return { ok: true, id: result.packId, version: result.version };
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    await this.db.query('INSERT INTO published_packs (id, version, body, etag, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [result.packId, result.version, body, etag, new Date().toISOString(), by]);
    this.state = state;
    this.published.push({ id: result.packId, version: result.version, publishedAt: new Date().toISOString(), publishedBy: by });
    this.loadedCount += 1;
    return { ok: true, id: result.packId, version: result.version };
  }

  async latest(id: string): Promise<{ body: string; etag: string } | undefined> {
    const [r] = await this.db.query<{ body: string; etag: string }>('SELECT body, etag FROM published_packs WHERE id = $1 ORDER BY published_at DESC LIMIT 1', [id]);
    return r;
  }
}
