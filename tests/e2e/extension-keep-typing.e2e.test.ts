/**
 * Issue 13, part 1 (data loss): an open record keeps what was typed when the pack store changes
 * under it. The store changes whenever a subscription is checked or a pack is edited; the panel
 * then re-reads its packs, and the editor used to rebuild its form from the values it was opened
 * with — what was typed since vanished and the next keystroke saved over it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchProfile, newRecord } from './extension-helpers.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('typing survives pack changes', () => {
  it('keeps the values typed into an open record when the pack store changes, and saves them', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lvzhi-profile-typing-'));
    dirs.push(profile);
    const ext = await launchProfile(profile);
    try {
      const panel = await ext.context.newPage();
      await panel.goto(ext.url('sidepanel.html?view=records'));
      const editor = await newRecord(panel, 'deputy-profile');
      const name = editor.getByLabel('姓名').first();
      await name.fill('李秀英');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await name.fill('王建国');

      // A real change of the pack store (a new subscription), as a check or an edit makes it.
      const changed = await ext.serviceWorker.evaluate(async () => {
        const key = 'lvzhi.packStore';
        let state: { subscriptions: unknown[] } | undefined;
        for (let i = 0; i < 200 && !(state = (await chrome.storage.local.get(key))[key] as typeof state); i++) await new Promise((r) => setTimeout(r, 50));
        if (!state) throw new Error('no pack store');
        state.subscriptions.push({ url: 'https://packs.example.invalid/office.json', managed: false, addedAt: new Date().toISOString() });
        await chrome.storage.local.set({ [key]: state });
        return state.subscriptions.length;
      });
      expect(changed).toBeGreaterThan(0);
      // Give the panel time to re-read its packs (it does so on the storage event).
      await panel.waitForTimeout(1_000);
      expect(await name.inputValue()).toBe('王建国');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await name.fill('王建国同志');
      await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await panel.getByTestId('editor-back').click();
      const row = panel.getByTestId('draft-list').getByTestId('record-row');
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      expect(await row.textContent()).toContain('王建国同志');
    } finally {
      await ext.close();
    }
  });

  it('keeps the refresh alarm where it is when the service worker starts again', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lvzhi-profile-alarm-'));
    dirs.push(profile);
    const ext = await launchProfile(profile);
    try {
      const page = await ext.context.newPage();
      await page.goto(ext.url('sidepanel.html?view=records'));
      // Read from an extension page: the worker itself is stopped and started below.
      const alarm = () => page.evaluate(async () => {
        for (let i = 0; i < 100 && !(await chrome.alarms.get('lvzhi.packs.refresh')); i++) await new Promise((r) => setTimeout(r, 50));
        return (await chrome.alarms.get('lvzhi.packs.refresh'))?.scheduledTime ?? null;
      });
      const first = await alarm();
      expect(first).not.toBeNull();
      // Stop the service worker as Chrome does after 30 s idle, then wake it with a message from
      // an extension page: its top-level code runs again.
      const cdp = await ext.context.newCDPSession(page);
      const statuses: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
        for (const v of e.versions) if (v.scriptURL.startsWith('chrome-extension://')) statuses.push(v.runningStatus);
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(1_200);
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'lvzhi.packs.state' }).catch(() => null));
      await expect.poll(() => statuses.lastIndexOf('running') > statuses.indexOf('stopped'), { timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(1_000);
      // The old code re-created the alarm at every start, moving the first check a minute away
      // each time (so it fired about every minute, each time writing the store).
      expect(await alarm()).toBe(first);
    } finally {
      await ext.close();
    }
  });
});
