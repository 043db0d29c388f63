/**
 * Issue 13 part 4 (remainder). Attacks that must fail:
 * - a key trusted by hand (not named by the managed policy) signs a replacement for a built-in
 *   pack (lvzhi.*): refused when it arrives, and refused again at load if planted in storage;
 * - a stored pack whose bytes were changed after it was verified (storage written by another
 *   program, a copied profile): refused at load, the previous good version (or the bundled
 *   built-in) used instead;
 * - a stored URL pack with its signature stripped, or signed by a key no longer trusted: refused
 *   at load;
 * - a stored built-in entry that differs from the bundled pack: the bundled one is used.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  emptyPackStore, findPack, generatePackKeyPair, importSigningKey, importTrustedKey, offerPack, signPack, syncBuiltins, verifiedActivePacks,
  type PackDefinition, type PackStoreState, type SigningKey, type TrustedKey,
} from '@lvzhi/shared';
import { loadPaths } from '@lvzhi/shared/node';

const root = path.resolve(import.meta.dirname, '../..');
const now = new Date('2025-03-28T01:00:00Z');
const url = 'https://oa.example.gov.cn/lvzhi/p.json';
let builtins: PackDefinition[];
let base: PackStoreState;
let officeSigner: SigningKey;
let office: TrustedKey & { managed?: boolean };
let handSigner: SigningKey;
let hand: TrustedKey & { managed?: boolean };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const common = () => clone(builtins.find((p) => p.id === 'lvzhi.common')!);
const district = (version: string, title = '区人大规定'): PackDefinition => ({ id: 'district.rules', version, title, publisher: '某区人大办公室' } as PackDefinition);
const body = (v: unknown) => JSON.stringify(v);

beforeAll(async () => {
  const loaded = await loadPaths(['forms/packs'], root);
  builtins = loaded.documents.filter((d) => d.kind === 'pack').map((d) => d.json as PackDefinition);
  base = await syncBuiltins(emptyPackStore(), builtins, now);
  const a = await generatePackKeyPair({ name: '区人大办公室（策略）' });
  officeSigner = await importSigningKey(a.privateJwk);
  office = { ...(await importTrustedKey(a.publicJwk)), managed: true };
  const b = await generatePackKeyPair({ name: '手工信任的公钥' });
  handSigner = await importSigningKey(b.privateJwk);
  hand = { ...(await importTrustedKey(b.publicJwk)), managed: false };
});

describe('built-in ids only by a policy key', () => {
  it('refuses lvzhi.common signed by a hand-trusted key; the built-in stays', async () => {
    const r = await offerPack(base, { origin: 'url', url, body: body(await signPack({ ...common(), version: '1.1.0', title: '通用（被替换）' }, handSigner)) }, { trusted: [office, hand], now });
    expect(r.result.status).toBe('refused');
    expect(r.result.issues.map((i) => i.code)).toEqual(['builtin-id']);
    expect(findPack(r.state, 'lvzhi.common')!.versions.map((v) => v.version)).toEqual([common().version]);
  });

  it('accepts lvzhi.common signed by the policy key, and a district pack signed by the hand-trusted key', async () => {
    const byPolicy = await offerPack(base, { origin: 'url', url, body: body(await signPack({ ...common(), version: '1.1.0' }, officeSigner)) }, { trusted: [office, hand], now });
    expect(byPolicy.result.status).toBe('installed');
    const byHand = await offerPack(base, { origin: 'url', url: 'https://x.gov.cn/d.json', body: body(await signPack(district('1.0.0'), handSigner)) }, { trusted: [office, hand], now });
    expect(byHand.result.status).toBe('installed');
  });
});

describe('signatures verified again at load', () => {
  let installed: PackStoreState;
  const ctx = () => ({ trusted: [office, hand], builtins });

  beforeAll(async () => {
    const one = await offerPack(base, { origin: 'url', url: 'https://x.gov.cn/d.json', body: body(await signPack(district('1.0.0'), handSigner)) }, { trusted: [office, hand], now });
    const two = await offerPack(one.state, { origin: 'url', url: 'https://x.gov.cn/d.json', body: body(await signPack(district('1.1.0', '区人大规定（新）'), handSigner)) }, { trusted: [office, hand], now });
    const three = await offerPack(two.state, { origin: 'url', url, body: body(await signPack({ ...common(), version: '1.1.0', title: '通用（区版）' }, officeSigner)) }, { trusted: [office, hand], now });
    installed = three.state;
    expect(findPack(installed, 'district.rules')!.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
  });

  it('an untouched store loads every active version', async () => {
    const { packs, refused } = await verifiedActivePacks(installed, ctx());
    expect(refused).toEqual([]);
    expect(packs.find((p) => p.id === 'district.rules')!.title).toBe('区人大规定（新）');
    expect(packs.find((p) => p.id === 'lvzhi.common')!.title).toBe('通用（区版）');
    expect(packs.map((p) => p.id).sort()).toEqual(builtins.map((p) => p.id).concat('district.rules').sort());
  });

  it('a stored pack whose bytes were altered is refused at load; the previous good version is used', async () => {
    const tampered = clone(installed);
    const p = tampered.packs.find((x) => x.id === 'district.rules')!;
    p.versions[p.active]!.pack.title = '区人大规定（被篡改）';
    const { packs, refused } = await verifiedActivePacks(tampered, ctx());
    expect(refused.map((r) => [r.id, r.version, r.issues[0]!.code])).toEqual([['district.rules', '1.1.0', 'bad-signature']]);
    expect(packs.find((x) => x.id === 'district.rules')!.version).toBe('1.0.0');
    expect(packs.map((x) => x.title)).not.toContain('区人大规定（被篡改）');
  });

  it('an altered replacement of a built-in falls back to the bundled pack', async () => {
    const tampered = clone(installed);
    const p = tampered.packs.find((x) => x.id === 'lvzhi.common')!;
    (p.versions[p.active]!.pack as { mappings?: unknown[] }).mappings = [{ id: 'evil', title: 'x', match: 'https://evil.example/*', form: 'deputy-profile' }];
    // and the older built-in entry in storage changed too
    p.versions[0]!.pack.title = '通用（被篡改）';
    const { packs, refused } = await verifiedActivePacks(tampered, ctx());
    expect(refused.map((r) => r.issues[0]!.code)).toEqual(['bad-signature', 'builtin-changed']);
    expect(packs.find((x) => x.id === 'lvzhi.common')).toEqual(common());
  });

  it('a stored URL pack with its signature stripped, or by a key no longer trusted, is refused', async () => {
    const stripped = clone(installed);
    const p = stripped.packs.find((x) => x.id === 'district.rules')!;
    for (const v of p.versions) delete v.signature;
    const a = await verifiedActivePacks(stripped, ctx());
    expect(a.refused.map((r) => r.issues[0]!.code)).toEqual(['unsigned', 'unsigned']);
    expect(a.packs.find((x) => x.id === 'district.rules')).toBeUndefined();
    const b = await verifiedActivePacks(installed, { trusted: [office], builtins });
    expect(b.refused.map((r) => r.issues[0]!.code)).toEqual(['untrusted-key', 'untrusted-key']);
    expect(b.packs.find((x) => x.id === 'district.rules')).toBeUndefined();
  });

  it('a planted lvzhi.* pack signed by a hand-trusted key is refused at load', async () => {
    const planted = clone(installed);
    const p = planted.packs.find((x) => x.id === 'district.rules')!;
    const evil = { ...common(), version: '9.0.0', title: '通用（植入）' };
    const env = await signPack(evil, handSigner);
    const c = planted.packs.find((x) => x.id === 'lvzhi.common')!;
    c.versions.push({ version: '9.0.0', pack: evil, origin: 'url', url, installedAt: now.toISOString(), signature: { kid: hand.kid, signedAt: env.signature.signedAt, value: env.signature.value } });
    c.active = c.versions.length - 1;
    expect(p).toBeDefined();
    const { packs, refused } = await verifiedActivePacks(planted, ctx());
    expect(refused[0]).toMatchObject({ id: 'lvzhi.common', version: '9.0.0', issues: [{ code: 'builtin-id' }] });
    expect(packs.find((x) => x.id === 'lvzhi.common')!.title).toBe('通用（区版）');
  });
});
