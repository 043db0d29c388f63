/**
 * Issue 13 part 10 in the built extension: two panels open on one record. Before, the second
 * panel's save wrote over the first panel's edit (and both shared one journal key): an edit was
 * lost without any crash. Now the second save finds the record changed under it (compare-and-save
 * under the record's Web Lock), writes nothing, and shows both versions for the clerk to choose.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchProfile, newRecord } from '../e2e/extension-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'lvzhi-two-panels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Ext = Awaited<ReturnType<typeof launchProfile>>;

async function storedName(ext: Ext, id: string): Promise<unknown> {
  return ext.serviceWorker.evaluate(async (recordId) => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('lvzhi-records'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const rec = await new Promise<{ values: Record<string, unknown> } | undefined>((res, rej) => { const r = db.transaction('records').objectStore('records').get(recordId); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    db.close();
    return rec?.values.name;
  }, id);
}

async function openRecord(ext: Ext, id: string): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(ext.url('sidepanel.html?view=records'));
  const row = panel.locator(`[data-testid="record-row"][data-record-id="${id}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.getByTestId('record-edit').click();
  await panel.getByTestId('record-editor').waitFor();
  return panel;
}

describe('two panels on one record', () => {
  it('the second save does not erase the first edit; both versions are offered, and the choice is saved', async () => {
    const ext = await launchProfile(join(dir, 'profile'));
    try {
      const first = await ext.context.newPage();
      await first.goto(ext.url('sidepanel.html?view=records'));
      const editor = await newRecord(first, 'deputy-profile');
      const id = (await editor.getAttribute('data-record-id'))!;
      await editor.getByLabel('姓名').first().fill('李秀英');
      await expect.poll(() => first.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      await first.getByTestId('editor-back').click();
      await first.close();

      const a = await openRecord(ext, id);
      const b = await openRecord(ext, id);
      await a.getByTestId('record-editor').getByLabel('姓名').first().fill('王建国');
      await expect.poll(() => a.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      expect(await storedName(ext, id)).toBe('王建国');

      await b.getByTestId('record-editor').getByLabel('姓名').first().fill('赵志刚');
      await b.getByTestId('save-conflict').waitFor({ timeout: 10_000 });
      expect(await b.getByTestId('save-conflict').textContent()).toContain('两个版本都已保留');
      expect(await b.getByTestId('save-state').textContent()).not.toBe('草稿已保存');
      // A's edit is still what the store holds
      expect(await storedName(ext, id)).toBe('王建国');
      // each panel journals under its own key
      const keys = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lvzhi:journal:')));
      expect(keys.every((k) => /^lvzhi:journal:[0-9a-f]{16}:/.test(k)), keys.join()).toBe(true);

      await b.getByTestId('conflict-keep-mine').click();
      await expect.poll(() => storedName(ext, id), { timeout: 10_000 }).toBe('赵志刚');
      await expect.poll(() => b.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
      // and A, typing on, now gets the conflict instead of overwriting B's choice
      await a.getByTestId('record-editor').getByLabel('姓名').first().fill('王建国同志');
      await a.getByTestId('save-conflict').waitFor({ timeout: 10_000 });
      expect(await storedName(ext, id)).toBe('赵志刚');
      await a.getByTestId('conflict-take-theirs').click();
      await expect.poll(() => a.getByTestId('record-editor').getByLabel('姓名').first().inputValue(), { timeout: 10_000 }).toBe('赵志刚');
    } finally {
      await ext.close();
    }
  });
});
