/**
 * Issue 13 part 8: the audit trail's head is signed. Whoever can write the audit file can edit an
 * entry and re-hash the whole chain after it — the hashes then agree and the head stored in the
 * file agrees too. Only a signature by a key the writer cannot use (the device's non-exportable
 * key) or a head kept apart tells. Attacks: rewrite + re-hash (keeping the old signature), re-sign
 * with the attacker's own key, strip the signature, cut the tail — each must fail with the key,
 * in the core and in `lvzhi audit verify --key`, and without key or head the CLI says "not
 * checked" (exit 2), never "intact".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit, auditPublicJwk, createMemoryStore, emptyAuditLog, hashEntry, signAuditHead, toAuditFile, verifyAudit,
  verifyAuditHeadSignature, withAuditTrail, type AuditEntry, type AuditFile, type AuditInput, type AuditLog, type LvzhiRecord,
} from '@lvzhi/shared';
import { lvzhiInProcess } from '../harness/cli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'lvzhi-audit-head-'));
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

let device: CryptoKeyPair;
let deviceKid: string;
let file: AuditFile;

async function signedFile(log: AuditLog, pair: CryptoKeyPair): Promise<AuditFile> {
  const kid = (await auditPublicJwk(pair.publicKey)).kid;
  return toAuditFile(log, await signAuditHead(log.head!, pair.privateKey, kid));
}

/** The attacker's rewrite: change entry `i`, then re-hash it and every entry after it, and the head. */
async function rewrite(entries: AuditEntry[], i: number, change: (e: AuditEntry) => void): Promise<AuditLog> {
  const out = structuredClone(entries);
  change(out[i]!);
  for (let k = i; k < out.length; k++) {
    if (k > 0) out[k]!.prev = out[k - 1]!.hash;
    const { hash: _old, ...rest } = out[k]!;
    out[k]!.hash = await hashEntry(rest);
  }
  const last = out.at(-1)!;
  return { entries: out, head: { seq: last.seq, hash: last.hash, at: last.at } };
}

beforeAll(async () => {
  device = (await crypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
  deviceKid = (await auditPublicJwk(device.publicKey)).kid;
  // the record store wrapper writes the chain: create, an edit, a save that changes nothing, trash
  let log = emptyAuditLog();
  let t = Date.parse('2026-03-01T09:00:00+08:00');
  const sink = { append: async (input: AuditInput) => { log = await appendAudit(log, input, new Date((t += 60_000)).toISOString()); } };
  const store = withAuditTrail(createMemoryStore(), sink, { actor: '张敏' });
  const rec: LvzhiRecord = {
    id: 'r-1', pack: 'lvzhi.common', packVersion: '1.0.0', form: 'deputy-profile', formVersion: 1, status: 'draft',
    createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00', values: { name: '李秀英', phone: '13962345678' },
  } as LvzhiRecord;
  await store.put(rec);
  await store.put({ ...rec, values: { ...rec.values, phone: '13962345679' } });
  await store.put({ ...rec, values: { ...rec.values, phone: '13962345679' } });
  await store.trash('r-1');
  file = await signedFile(log, device);
});

const pub = async () => auditPublicJwk(device.publicKey);

describe('the signed audit head', () => {
  it('the record store wrapper logs each change once, without values, and the signed head verifies', async () => {
    expect(file.entries.map((e) => e.action)).toEqual(['record.create', 'record.update', 'record.trash']);
    expect((file.entries[1]!.data as { changed: string[] }).changed).toEqual(['phone']);
    expect(JSON.stringify(file.entries)).not.toContain('1396234567');
    expect((await verifyAudit(file.entries, file.head)).ok).toBe(true);
    expect(await verifyAuditHeadSignature(file.head, file.headSignature, await pub())).toEqual({ ok: true, kid: deviceKid });
  });

  it('a rewritten, re-hashed chain passes the hash check alone but fails with the key', async () => {
    const forged = await rewrite(file.entries, 0, (e) => { e.actor = '某人'; });
    // the attack works against the chain alone: this is why the head must be signed
    expect((await verifyAudit(forged.entries, forged.head)).ok).toBe(true);
    const check = await verifyAuditHeadSignature(forged.head, file.headSignature, await pub());
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a chain re-signed with the attacker’s own key, or with the signature stripped, fails', async () => {
    const forged = await rewrite(file.entries, 1, (e) => { e.at = '2026-03-02T09:00:00+08:00'; });
    const attacker = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
    const resigned = await signedFile(forged, attacker);
    expect(await verifyAuditHeadSignature(resigned.head, resigned.headSignature, await pub())).toMatchObject({ ok: false, reason: 'other-key' });
    // the attacker's signature carried under the device's kid
    const spoofed = { ...resigned.headSignature!, kid: deviceKid };
    expect(await verifyAuditHeadSignature(resigned.head, spoofed, await pub())).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyAuditHeadSignature(forged.head, undefined, await pub())).toMatchObject({ ok: false, reason: 'no-signature' });
  });
});

describe('lvzhi audit verify --key / --head', () => {
  const write = (name: string, json: unknown) => { const p = path.join(tmp, name); writeFileSync(p, JSON.stringify(json)); return p; };
  const run = (...args: string[]) => lvzhiInProcess(['audit', 'verify', ...args]);

  it('exit 0 for an intact trail with a valid signature, and says the head was checked', async () => {
    const key = write('device.public.json', await pub());
    const r = await run(write('intact.json', file), '--key', key);
    expect(r.stdout).toContain('末端签名有效');
    expect(r.stdout).toContain('结论：审计链完整');
    expect(r.code).toBe(0);
  });

  it('exit 2 without --key or --head, even for an intact file: the head is not checked', async () => {
    const r = await run(write('intact2.json', file));
    expect(r.stdout).toContain('末端未经核对');
    expect(r.stdout).not.toContain('结论：审计链完整');
    expect(r.code).toBe(2);
  });

  it('exit 1 for the rewritten, re-hashed chain (old signature, attacker’s signature, none)', async () => {
    const key = write('device2.public.json', await pub());
    const forged = await rewrite(file.entries, 0, (e) => { e.actor = '某人'; });
    const withOld = await run(write('forged-old-sig.json', toAuditFile(forged, file.headSignature)), '--key', key);
    expect(withOld.stdout).toContain('末端签名无效');
    expect(withOld.code).toBe(1);
    const attacker = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
    const withTheirs = await run(write('forged-own-sig.json', await signedFile(forged, attacker)), '--key', key);
    expect(withTheirs.stdout).toContain('另一把密钥');
    expect(withTheirs.code).toBe(1);
    const stripped = await run(write('forged-no-sig.json', toAuditFile(forged)), '--key', key);
    expect(stripped.code).toBe(1);
    // and with the head kept apart instead of a key
    const apart = await run(write('forged-head.json', toAuditFile(forged)), '--head', file.head!.hash);
    expect(apart.code).toBe(1);
  });

  it('exit 1 for a cut-off tail whose old signed head stays (the signature names the longer chain)', async () => {
    const key = write('device3.public.json', await pub());
    const cut = { ...file, entries: file.entries.slice(0, -1) };
    const r = await run(write('cut.json', cut), '--key', key);
    expect(r.stdout).toContain('末尾记录被截去');
    expect(r.code).toBe(1);
  });
});
