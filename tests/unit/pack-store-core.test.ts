// The extension's pack store (shared/src/core/pack-store): what is accepted, what is refused and
// why, what stays active, managed packs, roll back, studio versions, persistence.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activePacks, applyPolicy, bumpVersionsForEdit, emptyPackStore, findForm, findPack, generatePackKeyPair,
  importSigningKey, importTrustedKey, memoryStorage, offerPack, PersistedPackStore, readManagedPolicy, removePack,
  rollBack, setPackEnabled, signPack, subscribe, syncBuiltins, trustedKeyRing, unsubscribe, MAX_PACK_BYTES,
  type PackDefinition, type PackStoreState, type SigningKey, type TrustedKey,
} from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const root = path.resolve(import.meta.dirname, '../..');
const now = new Date('2025-03-28T01:00:00Z');
let builtins: PackDefinition[];
let base: PackStoreState;
let signer: SigningKey;
// The office's key, named by the managed policy: only such a key may replace built-in (lvzhi.*) packs.
let trusted: TrustedKey & { managed?: boolean };
let stranger: SigningKey;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const common = () => clone(builtins.find((p) => p.id === 'lvzhi.common')!);
const meetings = () => clone(builtins.find((p) => p.id === 'lvzhi.meetings')!);
const text = (v: unknown) => JSON.stringify(v, null, 2);

beforeAll(async () => {
  const loaded = await loadPaths(['forms/packs'], root);
  builtins = loaded.documents.filter((d) => d.kind === 'pack').map((d) => d.json as PackDefinition);
  base = await syncBuiltins(emptyPackStore(), builtins, now);
  const a = await generatePackKeyPair({ name: '区人大办公室' });
  signer = await importSigningKey(a.privateJwk);
  trusted = { ...(await importTrustedKey(a.publicJwk)), managed: true };
  stranger = await importSigningKey((await generatePackKeyPair()).privateJwk);
});

describe('built-in packs', () => {
  it('installs every built-in pack, enabled, once', async () => {
    expect(base.packs.map((p) => p.id).sort()).toEqual(builtins.map((p) => p.id).sort());
    expect(base.packs.every((p) => p.enabled && p.source.kind === 'builtin' && p.versions.length === 1)).toBe(true);
    expect(activePacks(base)).toHaveLength(builtins.length);
    const again = await syncBuiltins(base, builtins, now);
    expect(again.packs.every((p) => p.versions.length === 1)).toBe(true);
  });
});

describe('offers from a URL', () => {
  const url = 'https://oa.example.gov.cn/lvzhi/common.json';

  it('accepts a pack signed by a trusted key and keeps the old version in history', async () => {
    const next = { ...common(), version: '1.1.0', title: '通用（区版）' };
    const env = await signPack(next, signer, { now });
    const r = await offerPack(base, { origin: 'url', url, body: text(env) }, { trusted: [trusted], now });
    expect(r.result).toEqual({ status: 'installed', packId: 'lvzhi.common', version: '1.1.0', issues: [] });
    const p = findPack(r.state, 'lvzhi.common')!;
    expect(p.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
    expect(p.active).toBe(1);
    expect(p.versions[1]).toMatchObject({ origin: 'url', url, signature: { kid: trusted.kid, keyName: '区人大办公室' } });
    expect(activePacks(r.state).find((x) => x.id === 'lvzhi.common')!.title).toBe('通用（区版）');
  });

  it.each([
    ['unsigned', async () => text({ ...common(), version: '1.1.0' }), 'unsigned'],
    ['signed by an untrusted key', async () => text(await signPack({ ...common(), version: '1.1.0' }, stranger)), 'untrusted-key'],
    ['forged (one character changed after signing)', async () => text(await signPack({ ...common(), version: '1.1.0' }, signer)).replace('"title": "通用"', '"title": "通甪"'), 'bad-signature'],
    ['signed but invalid', async () => text(await signPack({ ...common(), version: '1.1.0', forms: [{ id: 'x', version: 1, title: 'x', category: 'nope', sections: [] }] }, signer)), 'invalid-value'],
    ['not JSON', async () => '{"format": "lvzhi.signed-pack/1", ', 'not-json'],
    ['over the size limit', async () => ' '.repeat(MAX_PACK_BYTES + 1), 'too-large'],
  ])('refuses a pack that is %s; the previous version stays active', async (_name, make, code) => {
    const body = await make();
    const r = await offerPack(base, { origin: 'url', url, body }, { trusted: [trusted], now });
    expect(r.result.status).toBe('refused');
    expect(r.result.issues.map((i) => i.code)).toContain(code);
    expect(r.result.issues[0]!.message).toMatch(/\p{Script=Han}/u);
    const p = findPack(r.state, 'lvzhi.common')!;
    expect(p.versions).toHaveLength(1);
    expect(p.versions[p.active]!.version).toBe('1.0.0');
    expect(activePacks(r.state)).toEqual(activePacks(base));
    if (code !== 'too-large' && code !== 'not-json') expect(p.refused?.issues.map((i) => i.code)).toContain(code);
  });

  it('refuses a downgrade and a changed pack under the same version, and ignores the same pack', async () => {
    const up = await offerPack(base, { origin: 'url', url, body: text(await signPack({ ...common(), version: '1.2.0' }, signer)) }, { trusted: [trusted], now });
    expect(up.result.status).toBe('installed');
    const down = await offerPack(up.state, { origin: 'url', url, body: text(await signPack({ ...common(), version: '1.1.0' }, signer)) }, { trusted: [trusted], now });
    expect(down.result.issues.map((i) => i.code)).toEqual(['downgrade']);
    const same = await offerPack(up.state, { origin: 'url', url, body: text(await signPack({ ...common(), version: '1.2.0', title: '改了' }, signer)) }, { trusted: [trusted], now });
    expect(same.result.issues.map((i) => i.code)).toEqual(['same-version']);
    const unchanged = await offerPack(up.state, { origin: 'url', url, body: text(await signPack({ ...common(), version: '1.2.0' }, signer)) }, { trusted: [trusted], now });
    expect(unchanged.result.status).toBe('unchanged');
    expect(unchanged.state).toBe(up.state);
  });

  it('refuses a version that breaks the packs requiring it', async () => {
    const r = await offerPack(base, { origin: 'url', url, body: text(await signPack({ ...common(), version: '2.0.0' }, signer)) }, { trusted: [trusted], now });
    expect(r.result.status).toBe('refused');
    expect(r.result.issues.some((i) => /会破坏依赖它的定义包 lvzhi\.meetings/.test(i.message))).toBe(true);
  });

  it('refuses a pack whose dependency is missing', async () => {
    const lone = { id: 'district.extra', version: '1.0.0', title: '区扩展', requires: { 'lvzhi.nothere': '^1.0.0' } };
    const r = await offerPack(base, { origin: 'url', url: 'https://x.gov.cn/e.json', body: text(await signPack(lone, signer)) }, { trusted: [trusted], now });
    expect(r.result.issues.map((i) => i.code)).toEqual(['missing-dependency']);
    expect(findPack(r.state, 'district.extra')).toBeUndefined();
  });
});

describe('offers from a file', () => {
  it('accepts an unsigned file but refuses a signed file whose signature fails', async () => {
    // An unsigned file may not replace a built-in pack (issue 13 part 4): only a policy key may.
    const builtin = await offerPack(base, { origin: 'file', fileName: 'common.json', body: text({ ...common(), version: '1.0.1' }) }, { trusted: [], now });
    expect(builtin.result.issues.map((i) => i.code)).toEqual(['builtin-id']);
    expect(findPack(builtin.state, 'lvzhi.common')!.versions).toHaveLength(1);
    const badSig = await offerPack(base, { origin: 'file', fileName: 'c.json', body: text(await signPack({ ...common(), version: '1.0.1' }, stranger)) }, { trusted: [trusted], now });
    expect(badSig.result.issues.map((i) => i.code)).toEqual(['untrusted-key']);
    const fresh = await offerPack(base, { origin: 'file', fileName: 'mine.json', body: text({ id: 'district.mine', version: '1.0.0', title: '本区' }) }, { trusted: [], now });
    expect(findPack(fresh.state, 'district.mine')!.source).toEqual({ kind: 'file', name: 'mine.json' });
  });
});

describe('managed packs', () => {
  const url = 'https://it.example.gov.cn/packs/district.json';
  let managed: PackStoreState;

  beforeAll(async () => {
    let s = applyPolicy(base, readManagedPolicy({ packUrls: [url, 'ftp://nope'], trustedKeys: [], allowedPortals: [] }), now);
    expect(s.subscriptions).toEqual([{ url, managed: true, addedAt: now.toISOString() }]);
    const pack = { id: 'district.rules', version: '1.0.0', title: '区人大规定', requires: { 'lvzhi.common': '^1.0.0' } };
    const r = await offerPack(s, { origin: 'managed', url, body: text(await signPack(pack, signer)) }, { trusted: [trusted], now });
    expect(r.result.status).toBe('installed');
    s = r.state;
    s = { ...s, subscriptions: s.subscriptions.map((x) => ({ ...x, packId: 'district.rules' })) };
    managed = s;
  });

  it('cannot be removed, disabled, rolled back, unsubscribed or replaced from a file', async () => {
    expect(findPack(managed, 'district.rules')!.source).toEqual({ kind: 'managed', url });
    for (const r of [
      removePack(managed, 'district.rules').result,
      setPackEnabled(managed, 'district.rules', false).result,
      rollBack(managed, 'district.rules', 0, now).result,
      unsubscribe(managed, url).result,
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe('managed');
    }
    const file = await offerPack(managed, { origin: 'file', fileName: 'x.json', body: text({ id: 'district.rules', version: '9.0.0', title: '假的' }) }, { trusted: [], now });
    expect(file.result.issues.map((i) => i.code)).toEqual(['managed']);
    // and it is not disabled by removing its dependency either
    expect(removePack(managed, 'lvzhi.common').result.ok).toBe(false);
    expect(setPackEnabled(managed, 'lvzhi.common', false).result.ok).toBe(false);
  });

  it('is no longer managed when the policy drops its URL', () => {
    const dropped = applyPolicy(managed, readManagedPolicy({}), now);
    expect(findPack(dropped, 'district.rules')!.source).toEqual({ kind: 'url', url });
    expect(removePack(dropped, 'district.rules').result.ok).toBe(true);
  });

  it('reads policy defensively and merges policy keys with the administrator\'s', async () => {
    expect(readManagedPolicy(null)).toEqual({ packUrls: [], trustedKeys: [], allowedPortals: [] });
    expect(readManagedPolicy({ packUrls: 'x', refreshMinutes: 30 })).toEqual({ packUrls: [], trustedKeys: [], allowedPortals: [], refreshMinutes: 30 });
    const ring = await trustedKeyRing({ ...base, trustedKeys: [trusted.jwk] }, readManagedPolicy({ trustedKeys: [JSON.stringify(trusted.jwk), 'garbage'] }));
    expect(ring.keys).toHaveLength(1);
    expect(ring.keys[0]!.managed).toBe(true);
    expect(ring.issues).toHaveLength(1);
    expect(ring.issues[0]!.source).toBe('策略 trustedKeys[1]');
  });
});

describe('enable, remove, roll back', () => {
  it('will not disable or remove a pack others require, nor remove a built-in', () => {
    expect(setPackEnabled(base, 'lvzhi.common', false).result).toMatchObject({ ok: false, issues: [{ code: 'required' }] });
    expect(removePack(base, 'lvzhi.meetings').result).toMatchObject({ ok: false, issues: [{ code: 'builtin' }] });
    const off = setPackEnabled(base, 'lvzhi.meetings', false);
    expect(off.result.ok).toBe(true);
    expect(activePacks(off.state).map((p) => p.id)).not.toContain('lvzhi.meetings');
  });

  it('rolls back to the old version, and a record made under an old form still finds its form', async () => {
    const m = meetings();
    const form = m.forms![0]!;
    const edited = clone(m);
    edited.forms![0]!.sections[0]!.fields.push({ type: 'text', id: 'studioNote', label: '备注（新增）' });
    const bump = bumpVersionsForEdit(m, edited);
    expect(bump.changes).toEqual([`包版本 ${m.version} → 1.0.1`, `表单 ${form.id} 版本 ${form.version} → ${form.version + 1}`]);
    const saved = await offerPack(base, { origin: 'studio', body: { json: bump.json }, note: '加备注' }, { trusted: [], now });
    expect(saved.result).toMatchObject({ status: 'installed', version: '1.0.1' });
    const newForm = findForm(saved.state, m.id, form.id)!;
    expect(newForm.version).toBe(form.version + 1);
    expect(JSON.stringify(newForm)).toContain('studioNote');
    const oldForm = findForm(saved.state, m.id, form.id, form.version)!;
    expect(JSON.stringify(oldForm)).not.toContain('studioNote');

    const back = rollBack(saved.state, m.id, 0, now);
    expect(back.result.ok).toBe(true);
    expect(JSON.stringify(findForm(back.state, m.id, form.id))).not.toContain('studioNote');
    expect(findPack(back.state, m.id)!.versions).toHaveLength(2); // history kept
    // saving again after a roll back goes on from the active version
    const again = bumpVersionsForEdit(findPack(back.state, m.id)!.versions[0]!.pack, edited);
    expect((again.json as { version: string }).version).toBe('1.0.1');
  });

  it('subscribes only to https (or local test) URLs', () => {
    expect(subscribe(base, 'http://evil.example.com/p.json', now).result.ok).toBe(false);
    expect(subscribe(base, 'http://127.0.0.1:8080/p.json', now).result.ok).toBe(true);
    expect(subscribe(base, 'https://a.gov.cn/p.json', now).state.subscriptions).toHaveLength(1);
  });
});

describe('PersistedPackStore', () => {
  it('saves through the storage interface and serialises concurrent updates', async () => {
    const storage = memoryStorage();
    const store = new PersistedPackStore(storage);
    await store.update(async (s) => ({ state: await syncBuiltins(s, builtins, now), result: null }));
    const urls = Array.from({ length: 8 }, (_, i) => `https://a.gov.cn/${i}.json`);
    await Promise.all(urls.map((u) => store.update((s) => subscribe(s, u, now))));
    const state = await store.read();
    expect(state.subscriptions.map((s) => s.url)).toEqual(urls);
    expect(state.packs).toHaveLength(builtins.length);
    // a failing update does not block the next
    await expect(store.update(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await store.update((s) => unsubscribe(s, urls[0]!))).ok).toBe(true);
    expect((await store.read()).subscriptions).toHaveLength(7);
  });
});
