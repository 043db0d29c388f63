/**
 * Passphrase encryption for backup files (WebCrypto only: the same code in the extension, a
 * page and Node). A backup holds every ID and phone number of the office's records, so it is
 * never written in the clear: PBKDF2-SHA256 with 600,000 iterations (OWASP 2023 for
 * PBKDF2-HMAC-SHA256) derives an AES-256-GCM key from the passphrase and a random 16-byte salt;
 * a random 12-byte IV per file. GCM's tag makes a wrong passphrase and a changed byte the same
 * failure — nothing is decrypted, nothing restored.
 *
 * The envelope is JSON: `{ format, kdf: { name, hash, iterations, salt }, cipher: { name, iv },
 * data }` (base64). The header is bound to the ciphertext as GCM additional data, so the
 * iteration count cannot be lowered in a copy of the file without the tag failing.
 */
import { fromBase64Url, toBase64Url } from './pack-signing/bytes.ts';

export const ENCRYPTED_BACKUP_FORMAT = 'lvzhi.backup.encrypted/1';
export const BACKUP_PBKDF2_ITERATIONS = 600_000;
/** A file asking for more than this would make opening it a denial of service. */
const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface EncryptedBackup {
  format: typeof ENCRYPTED_BACKUP_FORMAT;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

export class BackupCryptoError extends Error {
  constructor(message: string, readonly messageEn: string, readonly code: 'short-passphrase' | 'wrong-passphrase' | 'not-encrypted' | 'malformed') {
    super(message);
  }
}

/** The problem with a passphrase for a new backup, or undefined when it will do. */
export function passphraseProblem(passphrase: string): BackupCryptoError | undefined {
  return [...passphrase].length < MIN_PASSPHRASE_LENGTH
    ? new BackupCryptoError(`备份口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符`, `the backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, 'short-passphrase')
    : undefined;
}

const enc = new TextEncoder();

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function header(e: Pick<EncryptedBackup, 'format' | 'kdf' | 'cipher'>): Uint8Array<ArrayBuffer> {
  const { kdf, cipher } = e;
  return enc.encode(JSON.stringify([e.format, kdf.name, kdf.hash, kdf.iterations, kdf.salt, cipher.name, cipher.iv]));
}

/** Encrypts a backup's text. Throws BackupCryptoError for a passphrase shorter than 8 characters. */
export async function encryptBackupText(plaintext: string, passphrase: string, options: { iterations?: number } = {}): Promise<EncryptedBackup> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw problem;
  const iterations = Math.max(options.iterations ?? BACKUP_PBKDF2_ITERATIONS, BACKUP_PBKDF2_ITERATIONS);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head: Omit<EncryptedBackup, 'data'> = {
    format: ENCRYPTED_BACKUP_FORMAT,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64Url(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64Url(iv) },
  };
  const key = await deriveKey(passphrase, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header(head), tagLength: 128 }, key, enc.encode(plaintext)));
  return { ...head, data: toBase64Url(data) };
}

export function isEncryptedBackup(json: unknown): json is EncryptedBackup {
  return !!json && typeof json === 'object' && (json as { format?: unknown }).format === ENCRYPTED_BACKUP_FORMAT;
}

/**
 * Decrypts an encrypted backup. A wrong passphrase (or a changed byte) throws
 * BackupCryptoError 'wrong-passphrase' and returns nothing.
 */
export async function decryptBackupText(envelope: unknown, passphrase: string): Promise<string> {
  if (!isEncryptedBackup(envelope)) throw new BackupCryptoError('不是加密的履职备份文件', 'not an encrypted Lvzhi backup', 'not-encrypted');
  const { kdf, cipher } = envelope;
  const salt = typeof kdf?.salt === 'string' ? fromBase64Url(kdf.salt) : undefined;
  const iv = typeof cipher?.iv === 'string' ? fromBase64Url(cipher.iv) : undefined;
  const data = typeof envelope.data === 'string' ? fromBase64Url(envelope.data) : undefined;
  if (kdf?.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !Number.isInteger(kdf.iterations) || kdf.iterations < BACKUP_PBKDF2_ITERATIONS || kdf.iterations > MAX_ITERATIONS
    || cipher?.name !== 'AES-GCM' || !salt || salt.length < 16 || !iv || iv.length !== 12 || !data || data.length < 16) {
    throw new BackupCryptoError('备份文件的加密信息不完整或已损坏', 'the backup file’s encryption header is incomplete or damaged', 'malformed');
  }
  const key = await deriveKey(passphrase, salt, kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header(envelope), tagLength: 128 }, key, data);
  } catch {
    throw new BackupCryptoError('备份口令不正确（或文件已被改动），未恢复任何数据', 'wrong passphrase (or the file was changed): nothing was restored', 'wrong-passphrase');
  }
  return new TextDecoder().decode(plain);
}
