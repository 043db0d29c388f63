/**
 * Issue 13 part 8 in the built extension: an edit typed in the panel appends an audit entry
 * (field names and a digest, not the value), the exported trail carries a head signed by the
 * device's non-exportable key, and `lvzhi audit verify FILE --key KEY` calls it intact (exit 0);
 * the same file rewritten and re-hashed (the attack the chain alone cannot see) fails (exit 1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashEntry, type AuditFile } from '@lvzhi/shared';
import { lvzhiInProcess } from '../harness/cli.ts';
import { launchProfile, newRecord } from '../e2e/extension-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'lvzhi-audit-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the extension’s audit trail', () => {
  it('an edit in the panel produces an entry that verifies with the device key; a rewrite does not', async () => {
    const ext = await launchProfile(join(dir, 'profile'));
    let auditPath: string;
    let keyPath: string;
    try {
      const panel = await ext.context.newPage();
      await panel.goto(ext.url('sidepanel.html?view=records'));
      const editor = await newRecord(panel, 'deputy-profile');
      const recordId = await editor.getAttribute('data-record-id');
      await editor.getByLabel('姓名').first().fill('李秀英');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await panel.getByTestId('editor-back').click();
      await panel.getByTestId('tab-settings').click();
      const [auditDl] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('audit-export').click()]);
      auditPath = join(dir, 'audit.json');
      await auditDl.saveAs(auditPath);
      const [keyDl] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('audit-export-key').click()]);
      keyPath = join(dir, 'audit.public.json');
      await keyDl.saveAs(keyPath);
      // the private key is a non-extractable CryptoKey in the extension's IndexedDB
      const extractable = await ext.serviceWorker.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('lvzhi-audit'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        const key = await new Promise<{ privateKey: CryptoKey }>((res, rej) => { const r = db.transaction('meta').objectStore('meta').get('key'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        db.close();
        return { extractable: key.privateKey.extractable, type: key.privateKey.type };
      });
      expect(extractable).toEqual({ extractable: false, type: 'private' });

      const file = JSON.parse(readFileSync(auditPath, 'utf8')) as AuditFile;
      const mine = file.entries.filter((e) => e.target === recordId);
      expect(mine.map((e) => e.action)).toContain('record.create');
      const edit = mine.find((e) => (e.data as { changed?: string[] } | undefined)?.changed?.length);
      expect(edit, JSON.stringify(mine)).toBeDefined();
      expect(JSON.stringify(file)).not.toContain('李秀英');
      expect(file.headSignature?.alg).toBe('ES256');
    } finally {
      await ext.close();
    }

    const ok = await lvzhiInProcess(['audit', 'verify', auditPath, '--key', keyPath]);
    expect(ok.stdout).toContain('结论：审计链完整');
    expect(ok.code).toBe(0);

    // rewrite the first entry and re-hash everything after it and the head: only the signature tells
    const forged = JSON.parse(readFileSync(auditPath, 'utf8')) as AuditFile;
    forged.entries[0]!.actor = '某人';
    for (let i = 0; i < forged.entries.length; i++) {
      const e = forged.entries[i]!;
      if (i > 0) e.prev = forged.entries[i - 1]!.hash;
      const { hash: _h, ...rest } = e;
      e.hash = await hashEntry(rest);
    }
    forged.head = { ...forged.head!, hash: forged.entries.at(-1)!.hash };
    const forgedPath = join(dir, 'forged.json');
    writeFileSync(forgedPath, JSON.stringify(forged));
    const bad = await lvzhiInProcess(['audit', 'verify', forgedPath, '--key', keyPath]);
    expect(bad.stdout).toContain('末端签名无效');
    expect(bad.code).toBe(1);
  });
});
