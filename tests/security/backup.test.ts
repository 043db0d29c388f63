/**
 * Issue 13 part 9: backups. Attacks and mistakes that must fail —
 * - reading a backup file without the passphrase: it holds no ID or phone number in the clear;
 * - restoring with a wrong passphrase, or a file whose bytes or iteration count were changed:
 *   nothing is restored, and the message says why;
 * - a passphrase of fewer than 8 characters: no file is written;
 * - a record whose signature image or photo is a remote URL (a tracking pixel, a picture swapped
 *   after signing): refused on restore, and refused by the record store on any write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_PBKDF2_ITERATIONS, buildBackup, createMemoryStore, decryptBackupText, encryptBackupText, openBackup, remoteImageProblems, sealBackup,
  type LvzhiRecord,
} from '@lvzhi/shared';

const example = JSON.parse(readFileSync(new URL('../../forms/examples/deputy-profile.json', import.meta.url), 'utf8')) as LvzhiRecord;
const PASS = '青山镇人大2024';
const idNumber = Object.values(example.values).find((v) => typeof v === 'string' && /^\d{17}[\dX]$/.test(v)) as string;

describe('encrypted backups', () => {
  it('writes no ID or phone number in the clear, and opens with the passphrase', async () => {
    expect(idNumber).toBeDefined();
    const text = await sealBackup(buildBackup({ records: [example], settings: {}, version: '0.1.0' }), PASS);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(example.id);
    const env = JSON.parse(text);
    expect(env).toMatchObject({ format: 'lvzhi.backup.encrypted/1', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 }, cipher: { name: 'AES-GCM' } });
    expect(BACKUP_PBKDF2_ITERATIONS).toBe(600_000);
    const r = await openBackup(text, PASS);
    expect(r.error).toBeUndefined();
    expect(r.unencrypted).toBeUndefined();
    expect(r.backup?.records).toEqual([example]);
  });

  it('a wrong passphrase restores nothing, with a clear message', async () => {
    const text = await sealBackup(buildBackup({ records: [example], settings: { 'lvzhi.portals': ['http://a.cn/*'] }, version: '0.1.0' }), PASS);
    const r = await openBackup(text, '青山镇人大2025');
    expect(r.backup).toBeUndefined();
    expect(r.error).toContain('备份口令不正确');
    expect(r.errorEn).toContain('wrong passphrase');
  });

  it('a changed byte or a lowered iteration count fails like a wrong passphrase', async () => {
    const env = await encryptBackupText('{"format":"lvzhi.backup/1","records":[]}', PASS);
    const flipped = { ...env, data: (env.data[0] === 'A' ? 'B' : 'A') + env.data.slice(1) };
    await expect(decryptBackupText(flipped, PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    // more iterations is allowed by the reader, but the header is bound to the ciphertext
    await expect(decryptBackupText({ ...env, kdf: { ...env.kdf, iterations: 700_000 } }, PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(decryptBackupText({ ...env, kdf: { ...env.kdf, iterations: 1000 } }, PASS)).rejects.toMatchObject({ code: 'malformed' });
    await expect(decryptBackupText({ ...env, kdf: { ...env.kdf, iterations: 1e12 } }, PASS)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(sealBackup(buildBackup({ records: [], settings: {}, version: '0.1.0' }), '1234567')).rejects.toMatchObject({ code: 'short-passphrase' });
    await expect(encryptBackupText('x', '一二三四五六七八')).resolves.toBeDefined();
  });

  it('still opens a plain old backup, marked unencrypted', async () => {
    const r = await openBackup(JSON.stringify(buildBackup({ records: [example], settings: {}, version: '0.1.0' })), '');
    expect(r.unencrypted).toBe(true);
    expect(r.backup?.records).toHaveLength(1);
  });
});

describe('images only as data: URLs', () => {
  const sig = { image: 'https://evil.example/pixel.png', signer: '李秀英', signedAt: '2024-03-28T09:00:00+08:00' };
  const photo = [{ name: 'a.png', type: 'image/png', size: 10, data: '//evil.example/a.png' }];
  const withRemote: LvzhiRecord = { ...example, id: 'rec-remote', values: { ...example.values, chairSignature: sig, photo } };

  it('finds remote images in values and the attic, and leaves data: URLs and plain text alone', () => {
    expect(remoteImageProblems(withRemote).map((p) => p.path).sort()).toEqual(['values.chairSignature.image', 'values.photo[0].data']);
    expect(remoteImageProblems({ values: {}, attic: { old: { value: { image: 'http://x/y.png' } } } }).map((p) => p.path)).toEqual(['attic.old.value.image']);
    expect(remoteImageProblems({ values: { sig: { ...sig, image: 'data:image/png;base64,iVBORw0KGgo=' }, site: 'https://www.gov.cn', note: '见 http://x' } })).toEqual([]);
    expect(remoteImageProblems({ values: { sig: { ...sig, image: 'data:text/html,<script>' } } })).toHaveLength(1);
  });

  it('a restore refuses the record with a remote image and imports the rest', async () => {
    const text = await sealBackup(buildBackup({ records: [example, withRemote], settings: {}, version: '0.1.0' }), PASS);
    const r = await openBackup(text, PASS);
    expect(r.backup?.records.map((x) => x.id)).toEqual([example.id]);
    expect(r.badRecords).toBe(1);
    expect(r.refused[0]).toContain('data:');
  });

  it('the record store refuses a remote image on any write (panel input, import, sync)', async () => {
    const store = createMemoryStore();
    await expect(store.put(withRemote)).rejects.toThrow(/data:/);
    expect(await store.get(withRemote.id)).toBeUndefined();
    await store.put(example);
    expect(await store.get(example.id)).toEqual(example);
  });
});
