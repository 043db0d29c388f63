/**
 * The audit trail of this browser profile, in IndexedDB (`lvzhi-audit`): the entries (keyed by
 * seq), the head with its signature, and the device key — an ECDSA P-256 pair made here with a
 * **non-exportable** private key (WebCrypto keeps the CryptoKey object in IndexedDB; its bytes
 * never reach script, so a copied profile folder or a page cannot sign another head with it).
 * Every append runs under one Web Lock (`navigator.locks`), so the panel, the options page and
 * the service worker appending at once cannot fork the chain: reading the last entry, hashing,
 * signing and writing are one step for everyone. Without the Locks API (old browsers) appends
 * in this context are still queued one after another.
 *
 *   const audit = await openIndexedDbAudit();
 *   await audit.append({ actor: '张敏', action: 'fill', target: record.id, data: { portal } });
 *   download(await audit.exportFile());   // lvzhi audit verify FILE --key (await audit.publicKey())
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { appendAudit, toAuditFile, type AuditEntry, type AuditFile, type AuditHead, type AuditInput } from '../core/audit/chain.ts';
import { auditPublicJwk, signAuditHead, type AuditHeadSignature } from '../core/audit/head-signature.ts';
import type { AuditSink } from '../core/audit/store.ts';
import type { PackPublicJwk } from '../core/pack-signing/keys.ts';
import { isoInChina } from '../core/dates.ts';

interface DeviceKey { privateKey: CryptoKey; publicKey: CryptoKey; kid: string; createdAt: string }
interface HeadRecord { head: AuditHead; signature: AuditHeadSignature }

interface AuditDb extends DBSchema {
  entries: { key: number; value: AuditEntry };
  meta: { key: string; value: DeviceKey | HeadRecord };
}

export interface DeviceAuditLog extends AuditSink {
  append(input: AuditInput): Promise<AuditEntry>;
  entries(): Promise<AuditEntry[]>;
  /** The whole trail with its signed head, as `lvzhi audit verify` reads it. */
  exportFile(): Promise<AuditFile>;
  /** The device key's public half (JWK with thumbprint): `lvzhi audit verify FILE --key THIS`. */
  publicKey(): Promise<PackPublicJwk>;
  close(): void;
}

export interface AuditDbOptions {
  /** Web Lock name (one per database). */
  lockName?: string;
  now?: () => Date;
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function openIndexedDbAudit(name = 'lvzhi-audit', options: AuditDbOptions = {}): Promise<DeviceAuditLog> {
  const db: IDBPDatabase<AuditDb> = await openDB<AuditDb>(name, 1, {
    upgrade(d) {
      if (!d.objectStoreNames.contains('entries')) d.createObjectStore('entries', { keyPath: 'seq' });
      if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta');
    },
  });
  const lockName = options.lockName ?? `lvzhi.audit:${name}`;
  const now = options.now ?? (() => new Date());
  let local: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    const run = locks ? () => locks.request(lockName, { mode: 'exclusive' }, fn) as Promise<T> : fn;
    const p = local.then(run, run);
    local = p.catch(() => undefined);
    return p;
  };

  /** The device key, made on first use (inside the lock, so two contexts never make two). */
  const deviceKey = async (): Promise<DeviceKey> => {
    const have = (await db.get('meta', 'key')) as DeviceKey | undefined;
    if (have) return have;
    const pair = (await crypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const kid = (await auditPublicJwk(pair.publicKey)).kid;
    const key: DeviceKey = { privateKey: pair.privateKey, publicKey: pair.publicKey, kid, createdAt: isoInChina(now()) };
    await db.put('meta', key, 'key');
    return key;
  };

  const lastEntry = async (): Promise<AuditEntry | undefined> => {
    const cursor = await db.transaction('entries').store.openCursor(null, 'prev');
    return cursor?.value;
  };

  return {
    append: (input) => exclusive(async () => {
      const key = await deviceKey();
      const last = await lastEntry();
      const at = isoInChina(now());
      const log = await appendAudit({ entries: last ? [last] : [], head: last ? { seq: last.seq, hash: last.hash, at: last.at } : null }, input, at);
      const entry = log.entries.at(-1)!;
      const signature = await signAuditHead(log.head!, key.privateKey, key.kid);
      // entry and signed head in one transaction: never a head that names a missing entry
      const tx = db.transaction(['entries', 'meta'], 'readwrite');
      await Promise.all([tx.objectStore('entries').add(entry), tx.objectStore('meta').put({ head: log.head!, signature }, 'head'), tx.done]);
      return entry;
    }),
    entries: () => db.getAll('entries'),
    exportFile: () => exclusive(async () => {
      const tx = db.transaction(['entries', 'meta']);
      const [entries, head] = await Promise.all([tx.objectStore('entries').getAll(), tx.objectStore('meta').get('head') as Promise<HeadRecord | undefined>]);
      await tx.done;
      return toAuditFile({ entries, head: head?.head ?? null }, head?.signature);
    }),
    publicKey: () => exclusive(async () => auditPublicJwk((await deviceKey()).publicKey, '履职扩展本机审计密钥')),
    close: () => db.close(),
  };
}
