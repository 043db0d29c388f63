// Subscriptions over real HTTP on 127.0.0.1: ETag / 304, size limit from Content-Length and
// while streaming, retryable vs final errors, and refreshSubscription end to end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emptyPackStore, fetchPackBody, memoryStorage, PersistedPackStore, findPack, generatePackKeyPair, importSigningKey, importTrustedKey, refreshSubscription,
  RetryableFetchError, signPack, subscribe, syncBuiltins, type PackDefinition, type PackStoreState, type TrustedKey,
} from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const root = path.resolve(import.meta.dirname, '../..');
const now = new Date('2025-03-28T01:00:00Z');
let server: Server;
let origin: string;
let hits: { url: string; ifNoneMatch: string | undefined }[] = [];
const files = new Map<string, { body: string; etag: string }>();
let trusted: TrustedKey;
let state: PackStoreState;
let common: PackDefinition;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.push({ url, ifNoneMatch: req.headers['if-none-match'] });
    if (url === '/500') { res.writeHead(500).end('oops'); return; }
    if (url === '/huge-declared') { res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }); res.end(); return; }
    if (url === '/huge-chunked') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const push = () => {
        while (sent < 50) {
          sent++;
          if (!res.write(chunk)) { res.once('drain', push); return; }
        }
        res.end();
      };
      res.on('error', () => undefined);
      push();
      return;
    }
    const f = files.get(url);
    if (!f) { res.writeHead(404).end(); return; }
    if (req.headers['if-none-match'] === f.etag) { res.writeHead(304, { etag: f.etag }).end(); return; }
    res.writeHead(200, { 'content-type': 'application/json', etag: f.etag }).end(f.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pair = await generatePackKeyPair({ name: '测试' });
  trusted = await importTrustedKey(pair.publicJwk);
  const signer = await importSigningKey(pair.privateJwk);
  const loaded = await loadPaths(['forms/packs'], root);
  const builtins = loaded.documents.filter((d) => d.kind === 'pack').map((d) => d.json as PackDefinition);
  common = builtins.find((p) => p.id === 'lvzhi.common')!;
  state = await syncBuiltins(emptyPackStore(), builtins, now);
  files.set('/common.json', { body: JSON.stringify(await signPack({ ...common, version: '1.1.0' }, signer)), etag: '"v110"' });
  files.set('/unsigned.json', { body: JSON.stringify({ ...common, version: '1.2.0' }), etag: '"u"' });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

describe('fetchPackBody', () => {
  it('sends the ETag and understands 304', async () => {
    const first = await fetchPackBody(`${origin}/common.json`);
    expect(first).toMatchObject({ kind: 'body', etag: '"v110"' });
    hits = [];
    expect(await fetchPackBody(`${origin}/common.json`, { etag: '"v110"' })).toEqual({ kind: 'not-modified' });
    expect(hits).toEqual([{ url: '/common.json', ifNoneMatch: '"v110"' }]);
  });

  it('refuses 50 MB by Content-Length and while streaming without holding it', async () => {
    expect(await fetchPackBody(`${origin}/huge-declared`)).toMatchObject({ kind: 'refused', issues: [{ code: 'too-large' }] });
    const streamed = await fetchPackBody(`${origin}/huge-chunked`);
    expect(streamed).toMatchObject({ kind: 'refused', issues: [{ code: 'too-large' }] });
  });

  it('throws a retryable error for 5xx and network failures, returns a reason for 404', async () => {
    await expect(fetchPackBody(`${origin}/500`)).rejects.toBeInstanceOf(RetryableFetchError);
    await expect(fetchPackBody('http://127.0.0.1:1/nothing.json')).rejects.toBeInstanceOf(RetryableFetchError);
    expect(await fetchPackBody(`${origin}/missing.json`)).toMatchObject({ kind: 'refused', issues: [{ code: 'http', message: '无法下载：HTTP 404' }] });
  });
});

describe('refreshSubscription', () => {
  it('installs a signed pack, then answers not-modified with the stored ETag', async () => {
    const url = `${origin}/common.json`;
    let s = subscribe(state, url, now).state;
    const r1 = await refreshSubscription(s, url, { trusted: [trusted], now });
    expect(r1.result).toMatchObject({ status: 'installed', packId: 'lvzhi.common', version: '1.1.0' });
    s = r1.state;
    expect(s.subscriptions[0]).toMatchObject({ status: 'ok', etag: '"v110"', packId: 'lvzhi.common', version: '1.1.0' });
    const r2 = await refreshSubscription(s, url, { trusted: [trusted], now });
    expect(r2.result.status).toBe('not-modified');
    expect(findPack(r2.state, 'lvzhi.common')!.versions).toHaveLength(2);
  });

  it('refuses an unsigned pack, keeps the old version and the reason on the subscription', async () => {
    const url = `${origin}/unsigned.json`;
    const s = subscribe(state, url, now).state;
    const r = await refreshSubscription(s, url, { trusted: [trusted], now });
    expect(r.result.status).toBe('refused');
    expect(r.state.subscriptions[0]).toMatchObject({ status: 'refused', issues: [{ code: 'unsigned' }] });
    expect(r.state.subscriptions[0]!.etag).toBeUndefined();
    expect(findPack(r.state, 'lvzhi.common')!.versions).toHaveLength(1);
    expect(findPack(r.state, 'lvzhi.common')!.refused?.issues[0]!.code).toBe('unsigned');
  });

  it('records a too-large download on the pack the URL delivered before', async () => {
    const url = `${origin}/huge-declared`;
    let s = subscribe(state, url, now).state;
    s = { ...s, subscriptions: s.subscriptions.map((x) => ({ ...x, packId: 'lvzhi.common' })) };
    const r = await refreshSubscription(s, url, { trusted: [trusted], now });
    expect(r.result.issues[0]!.code).toBe('too-large');
    expect(findPack(r.state, 'lvzhi.common')!.refused?.issues[0]!.message).toMatch(/文件过大：50\.0 MB/);
  });

  it('writes nothing when a check finds nothing new, even at a later time (no storage event for open panels)', async () => {
    const url = `${origin}/common.json`;
    const storage = memoryStorage(subscribe(state, url, now).state);
    let saves = 0;
    const counted = { load: () => storage.load(), save: async (st: PackStoreState) => { saves++; await storage.save(st); } };
    const store = new PersistedPackStore(counted);
    const check = (at: Date) => store.update((st) => refreshSubscription(st, url, { trusted: [trusted], now: at }));
    expect((await check(now)).status).toBe('installed');
    const afterInstall = saves;
    expect(afterInstall).toBe(1);
    // not-modified (304), one hour later and two hours later: nothing to write.
    expect((await check(new Date(now.getTime() + 3_600_000))).status).toBe('not-modified');
    expect((await check(new Date(now.getTime() + 7_200_000))).status).toBe('not-modified');
    expect(saves).toBe(afterInstall);
  });

  it('writes a repeated refusal once', async () => {
    const url = `${origin}/unsigned.json`;
    const storage = memoryStorage(subscribe(state, url, now).state);
    let saves = 0;
    const store = new PersistedPackStore({ load: () => storage.load(), save: async (st) => { saves++; await storage.save(st); } });
    const check = (at: Date) => store.update((st) => refreshSubscription(st, url, { trusted: [trusted], now: at }));
    expect((await check(now)).status).toBe('refused');
    expect((await check(new Date(now.getTime() + 3_600_000))).status).toBe('refused');
    expect(saves).toBe(1);
  });
});
