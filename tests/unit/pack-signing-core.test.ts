// The signed-pack format (shared/src/core/pack-signing): canonical JSON, keys, the envelope.
// Runs on Node's WebCrypto, the same API the extension's service worker uses.
import { createPublicKey, createSign, createPrivateKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalPackJson, generatePackKeyPair, importSigningKey, importTrustedKey, jwkThumbprint, looksSigned,
  MAX_PACK_BYTES, parsePackText, signPack, verifySignedPack, SIGNED_PACK_FORMAT, toBase64Url,
  type PackPrivateJwk, type TrustedKey,
} from '@lvzhi/shared';

const pack = { id: 'lvzhi.test', version: '1.0.0', title: '测试包', forms: [], dictionary: [{ key: 'deputy.name', type: 'text', label: '代表姓名' }] };

async function keys(name = '区人大办公室') {
  const pair = await generatePackKeyPair({ name });
  return { ...pair, signing: await importSigningKey(pair.privateJwk), trusted: await importTrustedKey(pair.publicJwk) };
}

describe('canonicalPackJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalPackJson({ b: 1, a: [true, null, 'x'], '€': 0, '\u00e9': 1, A: { z: 1, y: 2 } }))
      .toBe('{"A":{"y":2,"z":1},"a":[true,null,"x"],"b":1,"é":1,"€":0}');
    // RFC 8785 §3.2.3: "\u20ac" sorts before "\ud83d\ude00" by code units, not by code points' order of appearance
    expect(canonicalPackJson({ '\ud83d\ude00': 1, '\u20ac': 2, '\r': 3, '1': 4 })).toBe('{"\\r":3,"1":4,"€":2,"😀":1}');
  });

  it('writes numbers like ECMAScript (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalPackJson([1e21, 1e-7, -0, 0.1, 333333333.3333333, 4.5, 1e23])).toBe('[1e+21,1e-7,0,0.1,333333333.3333333,4.5,1e+23]');
    expect(() => canonicalPackJson([Number.NaN])).toThrow(/JSON number/);
    expect(() => canonicalPackJson({ a: Infinity })).toThrow();
    expect(() => canonicalPackJson('\ud800')).toThrow(/surrogate/);
  });

  it('does not depend on key order or formatting', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const reparsed = JSON.parse(JSON.stringify(value, null, 3)) as unknown;
      expect(canonicalPackJson(reparsed)).toBe(canonicalPackJson(value));
      // and it is itself JSON that parses back to the same canonical text
      expect(canonicalPackJson(JSON.parse(canonicalPackJson(value)))).toBe(canonicalPackJson(value));
    }), { numRuns: 200 });
  });
});

describe('keys', () => {
  it('makes P-256 JWKs whose kid is the RFC 7638 thumbprint', async () => {
    const { publicJwk, privateJwk } = await generatePackKeyPair({ name: '某区人大' });
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', name: '某区人大' });
    expect(publicJwk).not.toHaveProperty('d');
    expect(privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publicJwk.kid).toBe(await jwkThumbprint(publicJwk));
    // Same value Node's own JWK thumbprint would give: sha256 of {"crv","kty","x","y"}
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(`{"crv":"P-256","kty":"EC","x":"${publicJwk.x}","y":"${publicJwk.y}"}`).digest('base64url');
    expect(publicJwk.kid).toBe(expected);
  });

  it('accepts a public key as JWK text or SPKI PEM, with the same kid', async () => {
    const { publicJwk } = await generatePackKeyPair();
    const pem = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    expect(pem).toContain('BEGIN PUBLIC KEY');
    const fromPem = await importTrustedKey(pem);
    const fromText = await importTrustedKey(JSON.stringify(publicJwk));
    expect(fromPem.kid).toBe(publicJwk.kid);
    expect(fromText.kid).toBe(publicJwk.kid);
    expect(fromText.name).toBeUndefined();
  });

  it('refuses private keys as trust, mismatched kids, other curves and junk, with a reason', async () => {
    const { publicJwk, privateJwk } = await generatePackKeyPair();
    await expect(importTrustedKey(privateJwk)).rejects.toMatchObject({ code: 'private-key-given' });
    await expect(importTrustedKey({ ...publicJwk, kid: 'someone-else' })).rejects.toMatchObject({ code: 'kid-mismatch' });
    await expect(importTrustedKey({ ...publicJwk, crv: 'P-384' })).rejects.toMatchObject({ code: 'unsupported-key' });
    await expect(importTrustedKey({ kty: 'RSA', n: 'x', e: 'AQAB' })).rejects.toMatchObject({ code: 'unsupported-key' });
    await expect(importTrustedKey({ ...publicJwk, x: publicJwk.y.slice(0, 40) + 'AAA' })).rejects.toMatchObject({ code: 'bad-key' });
    await expect(importTrustedKey('hello')).rejects.toThrow(/JWK|PEM/);
    await expect(importSigningKey(publicJwk)).rejects.toMatchObject({ code: 'not-private-key' });
  });
});

describe('signed envelope', () => {
  it('round-trips: sign, then verify with the trusted key', async () => {
    const k = await keys();
    const env = await signPack(pack, k.signing, { now: new Date('2025-01-02T03:04:05Z') });
    expect(env.format).toBe(SIGNED_PACK_FORMAT);
    expect(env.signature).toMatchObject({ alg: 'ES256', kid: k.publicJwk.kid, signedAt: '2025-01-02T03:04:05.000Z' });
    expect(looksSigned(env)).toBe(true);
    const v = await verifySignedPack(env, [k.trusted]);
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.pack).toEqual(pack);
      expect(v.key.name).toBe('区人大办公室');
    }
  });

  it('still verifies after the file is re-formatted or its keys reordered', async () => {
    const k = await keys();
    const env = await signPack(pack, k.signing);
    const text = JSON.stringify(env, null, 4);
    const reordered = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    }) as unknown;
    expect((await verifySignedPack(JSON.parse(text), [k.trusted])).ok).toBe(true);
    expect((await verifySignedPack(reordered, [k.trusted])).ok).toBe(true);
  });

  it('refuses any change of any string in the pack (forged)', async () => {
    const k = await keys();
    const env = await signPack(pack, k.signing);
    const text = JSON.stringify(env);
    const packStart = text.indexOf('"pack":') + 7;
    const packEnd = text.indexOf(',"signature"');
    await fc.assert(fc.asyncProperty(fc.integer({ min: packStart, max: packEnd - 1 }), fc.integer({ min: 1, max: 25 }), async (at, delta) => {
      const ch = text.charCodeAt(at);
      const forged = text.slice(0, at) + String.fromCharCode(ch + delta) + text.slice(at + 1);
      let json: unknown;
      try { json = JSON.parse(forged); } catch { return; } // not JSON any more: refused earlier
      const v = await verifySignedPack(json, [k.trusted], 'forged.json');
      // A change that JSON.parse undoes (e.g. an escape) leaves the same pack; anything else fails.
      if (canonicalPackJson((json as { pack: unknown }).pack) === canonicalPackJson(pack)) return;
      expect(v.ok).toBe(false);
    }), { numRuns: 150 });
    // One concrete forgery: a title character changed
    const forged = JSON.parse(text.replace('测试包', '测试包！')) as unknown;
    const v = await verifySignedPack(forged, [k.trusted], 'forged.json');
    expect(v).toMatchObject({ ok: false, issues: [{ source: 'forged.json', code: 'bad-signature', path: ['signature', 'value'] }] });
  });

  it('refuses a pack signed by a key that is not trusted, and a signature moved to another key id', async () => {
    const a = await keys('甲');
    const b = await keys('乙');
    const env = await signPack(pack, a.signing);
    expect(await verifySignedPack(env, [b.trusted])).toMatchObject({ ok: false, issues: [{ code: 'untrusted-key' }] });
    const moved = { ...env, signature: { ...env.signature, kid: b.publicJwk.kid } };
    expect(await verifySignedPack(moved, [a.trusted, b.trusted])).toMatchObject({ ok: false, issues: [{ code: 'bad-signature' }] });
    const redated = { ...env, signature: { ...env.signature, signedAt: '2030-01-01T00:00:00Z' } };
    expect(await verifySignedPack(redated, [a.trusted])).toMatchObject({ ok: false, issues: [{ code: 'bad-signature' }] });
  });

  it('refuses unsigned packs and malformed envelopes with located reasons', async () => {
    const k = await keys();
    const env = await signPack(pack, k.signing);
    const trusted: TrustedKey[] = [k.trusted];
    expect(await verifySignedPack(pack, trusted)).toMatchObject({ ok: false, issues: [{ code: 'unsigned', path: [] }] });
    expect(await verifySignedPack({ ...env, format: 'lvzhi.signed-pack/9' }, trusted)).toMatchObject({ ok: false, issues: [{ code: 'unsupported-format' }] });
    expect(await verifySignedPack({ ...env, extra: 1 }, trusted)).toMatchObject({ ok: false, issues: [{ code: 'unknown-key', path: ['extra'] }] });
    expect(await verifySignedPack({ ...env, signature: { ...env.signature, alg: 'none' } }, trusted)).toMatchObject({ ok: false, issues: [{ code: 'unsupported-alg' }] });
    expect(await verifySignedPack({ ...env, signature: { ...env.signature, value: 'abc' } }, trusted)).toMatchObject({ ok: false, issues: [{ path: ['signature', 'value'] }] });
    expect(await verifySignedPack({ format: SIGNED_PACK_FORMAT, signature: env.signature }, trusted)).toMatchObject({ ok: false, issues: [{ path: ['pack'] }] });
    const issues = (await verifySignedPack(pack, trusted)) as { issues: { message: string; messageEn: string }[] };
    expect(issues.issues[0]!.message).toMatch(/没有签名/);
  });

  it('is the standard ES256 over the canonical text: a signature made with node:crypto verifies', async () => {
    const { privateJwk, publicJwk } = await generatePackKeyPair();
    const signedAt = '2025-06-01T00:00:00.000Z';
    const text = canonicalPackJson({ format: SIGNED_PACK_FORMAT, alg: 'ES256', kid: publicJwk.kid, signedAt, pack });
    const key = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y, d: (privateJwk as PackPrivateJwk).d }, format: 'jwk' });
    const sig = createSign('SHA256').update(text).sign({ key, dsaEncoding: 'ieee-p1363' });
    const env = { format: SIGNED_PACK_FORMAT, pack, signature: { alg: 'ES256', kid: publicJwk.kid, signedAt, value: toBase64Url(sig) } };
    expect((await verifySignedPack(env, [await importTrustedKey(publicJwk)])).ok).toBe(true);
  });
});

describe('parsePackText', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const big = new Uint8Array(MAX_PACK_BYTES + 1).fill(0x20);
    expect(parsePackText(big, 'big.json')).toMatchObject({ ok: false, issues: [{ code: 'too-large', source: 'big.json' }] });
    expect(parsePackText('{"a":1}')).toMatchObject({ ok: true, json: { a: 1 } });
    expect(parsePackText('{"a":')).toMatchObject({ ok: false, issues: [{ code: 'not-json' }] });
    expect(parsePackText(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, issues: [{ code: 'not-utf8' }] });
    expect(parsePackText('\ufeff{"a":2}')).toMatchObject({ ok: true, json: { a: 2 } });
  });
});
