/**
 * The user's signing keys, in IndexedDB ("lvzhi-keys"): the private key as a non-extractable
 * CryptoKey (IndexedDB stores it without ever exposing its bytes), the certificate (DER), and,
 * for an imported .p12 and only when the user asked to keep it, the file itself (still under its
 * password) so an encrypted backup can carry it.
 */
import { openDB, type IDBPDatabase } from 'idb';

export interface StoredKey {
  id: string;
  name: string;
  createdAt: string;
  privateKey: CryptoKey;
  certificate: ArrayBuffer;
  chain: ArrayBuffer[];
  p12?: ArrayBuffer;
}

let db: Promise<IDBPDatabase> | undefined;
function open(): Promise<IDBPDatabase> {
  db ??= openDB('lvzhi-keys', 1, { upgrade(d) { d.createObjectStore('keys', { keyPath: 'id' }); } });
  return db;
}

export async function listKeys(): Promise<StoredKey[]> {
  return (await (await open()).getAll('keys')) as StoredKey[];
}

export async function saveKey(key: StoredKey): Promise<void> {
  await (await open()).put('keys', key);
}

export async function deleteKey(id: string): Promise<void> {
  await (await open()).delete('keys', id);
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const u = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}
