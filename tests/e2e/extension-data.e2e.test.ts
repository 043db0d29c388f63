/**
 * What staff must never lose (issue 7): a draft typed in the panel survives closing and
 * reopening the browser profile; a backup exported from one profile imports into a fresh one
 * with every record; the minutes of a meeting record, signed in the panel with a key generated
 * in the browser, download as a PDF that pdfsig calls valid.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../harness/browser.ts';
import { opensslP12 } from '../fixtures/pdf/helpers.ts';
import { openBackup, type Backup } from '@lvzhi/shared';
import { TEST_BACKUP_PASSPHRASE, exampleRecord, importRecords, launchProfile, newRecord, press } from './extension-helpers.ts';

/** A downloaded backup, decrypted with the test passphrase. */
async function decrypted(path: string): Promise<Backup> {
  const r = await openBackup(readFileSync(path, 'utf8'), TEST_BACKUP_PASSPHRASE);
  if (!r.backup || r.unencrypted) throw new Error(r.error ?? 'backup not encrypted');
  return r.backup;
}

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function openPanel(ext: Awaited<ReturnType<typeof launchProfile>>, view = 'records'): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(ext.url(`sidepanel.html?view=${view}`));
  return panel;
}

describe('drafts and backups', () => {
  it('keeps a draft typed in the panel across closing and reopening the profile', async () => {
    const profile = tempDir('lvzhi-profile-keep-');
    let ext = await launchProfile(profile);
    try {
      const panel = await openPanel(ext);
      const editor = await newRecord(panel, 'deputy-profile');
      await editor.getByLabel('姓名').first().fill('李秀英');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await screenshot(panel, 'extension-draft-editor');
    } finally {
      await ext.close();
    }
    ext = await launchProfile(profile);
    try {
      const panel = await openPanel(ext);
      const row = panel.getByTestId('draft-list').getByTestId('record-row');
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      expect(await row.textContent()).toContain('李秀英');
      await row.getByTestId('record-edit').click();
      expect(await panel.getByTestId('record-editor').getByLabel('姓名').first().inputValue()).toBe('李秀英');
    } finally {
      await ext.close();
    }
  });

  it('keeps what was typed in the panel when it crashes before the draft save fires', async () => {
    const ext = await launchProfile(tempDir('lvzhi-profile-crash-'));
    try {
      let panel = await openPanel(ext);
      await panel.getByTestId('new-form').selectOption('deputy-profile');
      await panel.getByTestId('new-record').click();
      let editor = panel.getByTestId('record-editor');
      await editor.waitFor();
      const recordId = await editor.getAttribute('data-record-id');
      await editor.getByLabel('姓名').first().fill('王');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      // Typed, then the panel's renderer dies at once: inside the 400 ms save pause.
      await editor.getByLabel('姓名').first().fill('王建国');
      const cdp = await ext.context.newCDPSession(panel);
      const crashed = new Promise<boolean>((resolve) => { panel.once('crash', () => resolve(true)); setTimeout(() => resolve(false), 15_000); });
      void cdp.send('Page.crash').catch(() => undefined);
      expect(await crashed).toBe(true);
      panel = await openPanel(ext);
      const row = panel.getByTestId('draft-list').getByTestId('record-row');
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      await row.getByTestId('record-edit').click();
      editor = panel.getByTestId('record-editor');
      expect(await editor.getAttribute('data-record-id')).toBe(recordId);
      expect(await editor.getByLabel('姓名').first().inputValue()).toBe('王建国');
    } finally {
      await ext.close();
    }
  });

  it('imports a backup from one profile into a fresh profile with every record', async () => {
    const records = ['deputy-profile.json', 'suggestion.json', 'inspection.json', 'presidium-monthly.json', 'letter.json'].map((f) => exampleRecord(`forms/examples/${f}`));
    const a = await launchProfile(tempDir('lvzhi-profile-a-'));
    let file: string;
    try {
      const panel = await openPanel(a, 'settings');
      await importRecords(panel, records);
      // One more: a draft made in this profile.
      await panel.getByTestId('tab-records').click();
      await panel.getByTestId('new-form').selectOption('suggestion');
      await panel.getByTestId('new-record').click();
      await panel.getByTestId('record-editor').locator('input[id$="-title"]').first().fill('关于增设村口路灯的建议');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await panel.getByTestId('editor-back').click();
      await expect.poll(() => panel.getByTestId('record-row').count()).toBe(records.length + 1);
      await panel.getByTestId('tab-settings').click();
      // no export without a passphrase of at least 8 characters
      await panel.getByTestId('backup-passphrase').fill('1234567');
      await panel.getByTestId('backup-export').click();
      await expect.poll(() => panel.getByTestId('backup-status').textContent()).toContain('口令至少需要 8 个字符');
      await panel.getByTestId('backup-passphrase').fill(TEST_BACKUP_PASSPHRASE);
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('backup-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^履职备份-\d{4}-\d{2}-\d{2}\.json$/);
      file = join(tempDir('lvzhi-backup-'), 'backup.json');
      await download.saveAs(file);
    } finally {
      await a.close();
    }
    // encrypted: the file names no record and no ID number in the clear
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text).format).toBe('lvzhi.backup.encrypted/1');
    for (const r of records) expect(text).not.toContain(r.id);
    const backup = await decrypted(file);
    expect(backup.records).toHaveLength(records.length + 1);

    const b = await launchProfile(tempDir('lvzhi-profile-b-'));
    try {
      const panel = await openPanel(b, 'settings');
      // a wrong passphrase restores nothing, and says so
      await panel.getByTestId('backup-passphrase').fill('不是这个口令123');
      await panel.getByTestId('backup-import').setInputFiles(file);
      await expect.poll(() => panel.getByTestId('backup-status').textContent()).toContain('备份口令不正确');
      await panel.getByTestId('tab-records').click();
      expect(await panel.getByTestId('record-row').count()).toBe(0);
      await panel.getByTestId('tab-settings').click();
      await panel.getByTestId('backup-passphrase').fill(TEST_BACKUP_PASSPHRASE);
      await panel.getByTestId('backup-import').setInputFiles(file);
      await expect.poll(() => panel.getByTestId('backup-status').textContent()).toContain(`已导入：${records.length + 1} 条记录`);
      await panel.getByTestId('tab-records').click();
      await expect.poll(() => panel.getByTestId('record-row').count()).toBe(records.length + 1);
      const ids = await panel.getByTestId('record-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')));
      expect(ids.sort()).toEqual(backup.records.map((r) => r.id).sort());
      expect(await panel.getByTestId('draft-list').textContent()).toContain('关于增设村口路灯的建议');
      await screenshot(panel, 'extension-backup-imported');
      // Importing the same file again changes nothing.
      await panel.getByTestId('tab-settings').click();
      await panel.getByTestId('backup-passphrase').fill(TEST_BACKUP_PASSPHRASE);
      await panel.getByTestId('backup-import').setInputFiles(file);
      await expect.poll(() => panel.getByTestId('backup-status').textContent()).toContain('已导入：0 条记录');
    } finally {
      await b.close();
    }
  });
});

describe('minutes', () => {
  it('downloads minutes signed in the browser that pdfsig calls valid', async () => {
    const ext = await launchProfile(tempDir('lvzhi-profile-minutes-'));
    try {
      const meeting = exampleRecord('forms/examples/presidium-monthly.json');
      const panel = await openPanel(ext, 'settings');
      await importRecords(panel, [meeting]);
      await panel.getByTestId('tab-minutes').click();
      await panel.getByTestId('minutes-record').selectOption(meeting.id);
      await panel.getByTestId('minutes-preview').click();
      await expect.poll(() => panel.getByTestId('minutes-status').textContent(), { timeout: 60_000 }).toContain('会议纪要已生成');
      await panel.getByText('管理签名密钥').click();
      await panel.getByTestId('key-name').fill('张建国');
      await panel.getByTestId('key-create').click();
      await expect.poll(() => panel.getByTestId('minutes-status').textContent(), { timeout: 30_000 }).toContain('已生成签名密钥');
      // The private key is kept non-extractable.
      const extractable = await panel.evaluate(async () => new Promise<boolean[]>((ok, fail) => {
        const req = indexedDB.open('lvzhi-keys');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('keys').objectStore('keys').getAll();
          all.onsuccess = () => ok((all.result as Array<{ privateKey: CryptoKey }>).map((k) => k.privateKey.extractable));
        };
      }));
      expect(extractable).toEqual([false]);
      await screenshot(panel, 'extension-minutes');
      // Signing embeds the CJK font again: on a loaded machine it takes as long as the preview
      // (allowed 60 s above). A sign that fails says so in the status, named in the failure.
      await expect.poll(() => panel.getByTestId('minutes-sign').isEnabled(), { timeout: 30_000, message: '签名并下载 stays disabled' }).toBe(true);
      const signed = panel.waitForEvent('download', { timeout: 90_000 });
      await press(panel.getByTestId('minutes-sign'));
      const download = await signed.catch(async (e: unknown) => {
        throw new Error(`${String(e)}; 状态：${await panel.getByTestId('minutes-status').textContent().catch(() => '(无)')}`);
      });
      const pdf = join(tempDir('lvzhi-minutes-'), 'minutes.pdf');
      await download.saveAs(pdf);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('纪要');
      let out: string;
      try {
        out = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(out).toContain('Signature is Valid');
      expect(out).toContain('Total document signed');
      expect(out).toContain('张建国');
    } finally {
      await ext.close();
    }
  });

  it('signs with an imported .p12, keeps the .p12 only when asked, and carries it only in an encrypted backup with keys', async () => {
    const ext = await launchProfile(tempDir('lvzhi-profile-p12-'));
    try {
      const dir = tempDir('lvzhi-p12-');
      const { p12 } = opensslP12(dir, 'li', { alg: 'RSA', subject: '/CN=李秀英/O=青山镇人大主席团/C=CN', password: '青山2024' });
      const meeting = exampleRecord('forms/examples/presidium-monthly.json');
      const panel = await openPanel(ext, 'settings');
      await importRecords(panel, [meeting]);
      await panel.getByTestId('tab-minutes').click();
      await panel.getByTestId('minutes-record').selectOption(meeting.id);
      await panel.getByTestId('minutes-preview').click();
      await expect.poll(() => panel.getByTestId('minutes-status').textContent(), { timeout: 60_000 }).toContain('会议纪要已生成');
      await panel.getByText('管理签名密钥').click();
      // first without keeping the file: the key works, the .p12 is not stored
      await panel.getByPlaceholder('.p12 文件密码').fill('青山2024');
      await panel.getByTestId('key-import').setInputFiles(p12);
      await expect.poll(() => panel.getByTestId('minutes-status').textContent(), { timeout: 30_000 }).toContain('已导入证书：李秀英');
      await panel.getByTestId('key-keep-p12').check();
      await panel.getByPlaceholder('.p12 文件密码').fill('青山2024');
      await panel.getByTestId('key-import').setInputFiles(p12);
      await expect.poll(() => panel.getByTestId('sign-key').locator('option').count(), { timeout: 30_000 }).toBe(3);
      // Signing embeds the CJK font again: on a loaded machine it takes as long as the preview
      // (allowed 60 s above). A sign that fails says so in the status, named in the failure.
      await expect.poll(() => panel.getByTestId('minutes-sign').isEnabled(), { timeout: 30_000, message: '签名并下载 stays disabled' }).toBe(true);
      const signed = panel.waitForEvent('download', { timeout: 90_000 });
      await press(panel.getByTestId('minutes-sign'));
      const download = await signed.catch(async (e: unknown) => {
        throw new Error(`${String(e)}; 状态：${await panel.getByTestId('minutes-status').textContent().catch(() => '(无)')}`);
      });
      const pdf = join(dir, 'signed.pdf');
      await download.saveAs(pdf);
      let out: string;
      try { out = execFileSync('pdfsig', [pdf], { encoding: 'utf8' }); } catch (e) { out = String((e as { stdout?: string }).stdout ?? e); }
      expect(out).toContain('Signature is Valid');
      expect(out).toContain('李秀英');

      await expect.poll(() => panel.getByTestId('minutes-status').textContent(), { timeout: 30_000 }).toContain('已签名并下载');
      await panel.getByTestId('tab-settings').click();
      expect(await panel.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true');
      await panel.getByTestId('backup-passphrase').fill(TEST_BACKUP_PASSPHRASE);
      const [plain] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('backup-export').click()]);
      expect((await decrypted(await plain.path())).keys).toBeUndefined();
      await panel.getByTestId('backup-keys').check();
      const [withKeys] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('backup-export').click()]);
      const p12Base64 = readFileSync(p12).toString('base64');
      expect(readFileSync(await withKeys.path(), 'utf8')).not.toContain(p12Base64.slice(0, 40));
      const keys = (await decrypted(await withKeys.path())).keys ?? [];
      expect(keys.map((k) => k.name)).toEqual(['李秀英', '李秀英']);
      // only the import that asked to keep it carries the .p12
      expect(keys.filter((k) => k.p12).map((k) => Buffer.from(k.p12!, 'base64').equals(readFileSync(p12)))).toEqual([true]);
    } finally {
      await ext.close();
    }
  });
});
