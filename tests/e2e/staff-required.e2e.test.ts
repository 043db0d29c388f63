/**
 * Required means required (issue 12, part 6) for the minutes, through the real built extension:
 * a meeting record marked complete (from an older backup) with a required field empty gives no
 * minutes — the panel names the field, with a link that opens the record at it; a draft gives
 * draft minutes to look at, never signed ones, and lists what it still lacks.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LvzhiRecord } from '@lvzhi/shared';
import { launchWithExtension, screenshot, type ExtensionBrowser } from '../harness/browser.ts';
import { TEST_BUILD_DIR, exampleRecord, importRecords } from './extension-helpers.ts';

describe('required means required: minutes and signing', () => {
  let ext: ExtensionBrowser;
  let panel: Page;
  const base = exampleRecord('forms/examples/presidium-monthly.json');
  const without = (r: LvzhiRecord, id: string, field: string, status: LvzhiRecord['status']): LvzhiRecord => {
    const values = { ...r.values };
    delete values[field];
    return { ...r, id, status, values, title: undefined } as LvzhiRecord;
  };
  const noChair = without(base, 'meeting-no-chair', 'chair', 'complete');
  const draftNoPlace = { ...without(base, 'meeting-draft-no-place', 'place', 'draft'), updatedAt: '2024-05-01T09:00:00+08:00' };

  beforeAll(async () => {
    ext = await launchWithExtension(TEST_BUILD_DIR);
    panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    await importRecords(panel, [noChair, draftNoPlace]);
  });
  afterAll(async () => { await ext?.close(); });
  // each test from a freshly opened panel, as a clerk opens it: a test run again (the browser
  // suite retries a failed one) starts as the first try did, not from where that one stopped
  beforeEach(async () => {
    await panel.goto(ext.url('sidepanel.html?view=records'));
    await panel.getByTestId('tab-minutes').waitFor();
  });
  // an intermittent failure here (CI, twice) left no trace of what the panel showed: it is printed
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') console.log(`staff-required: the panel showed:\n${(await panel.locator('body').innerText().catch((e: Error) => e.message)).slice(0, 2000)}`);
  });

  it('refuses the minutes of a record marked complete with 主持人 empty, naming it with a link that opens the record there', async () => {
    await panel.getByTestId('tab-minutes').click();
    await panel.getByTestId('minutes-record').locator(`option[value="${noChair.id}"]`).waitFor({ state: 'attached' });
    await panel.getByTestId('minutes-record').selectOption(noChair.id);
    await panel.getByTestId('minutes-preview').click();
    await panel.getByTestId('minutes-status').filter({ hasText: '会议记录不完整' }).waitFor({ timeout: 60_000 });
    const listed = await panel.getByTestId('minutes-missing').getByTestId('minutes-missing-field').evaluateAll((els) => els.map((e) => [e.getAttribute('data-field'), e.textContent]));
    expect(listed).toEqual([['chair', expect.stringContaining('主持人')]]);
    // nothing to download or sign
    expect(await panel.getByTestId('minutes-download').isDisabled()).toBe(true);
    expect(await panel.getByTestId('minutes-sign').isDisabled()).toBe(true);
    await screenshot(panel, 'staff-required-minutes');
    await panel.getByTestId('minutes-missing').getByTestId('minutes-missing-link').click();
    await panel.getByTestId('record-editor').waitFor();
    expect(await panel.getByTestId('record-editor').getAttribute('data-record-id')).toBe(noChair.id);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('chair');
    await panel.getByTestId('editor-back').click();
    // back in the list, the clerk moves between tabs: 记录 shows the list, not the record the link opened before
    await panel.getByTestId('tab-minutes').click();
    await panel.getByTestId('tab-records').click();
    await panel.getByTestId('record-row').first().waitFor();
    expect(await panel.getByTestId('record-editor').count()).toBe(0);
  });

  it('shows a draft\'s minutes but never signs them, listing what the draft lacks with links', async () => {
    await panel.getByTestId('tab-minutes').click();
    await panel.getByText('管理签名密钥').click();
    await panel.getByTestId('key-name').fill('徐静');
    await panel.getByTestId('key-create').click();
    await panel.getByTestId('minutes-status').filter({ hasText: '徐静' }).waitFor({ timeout: 30_000 });
    await panel.getByTestId('minutes-record').selectOption(draftNoPlace.id);
    expect(await panel.getByTestId('sign-draft').textContent()).toContain('草稿纪要不能签名');
    expect(await panel.getByTestId('sign-draft-missing').getByTestId('minutes-missing-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(['place']);
    await panel.getByTestId('minutes-preview').click();
    await panel.getByTestId('minutes-status').filter({ hasText: '会议纪要已生成' }).waitFor({ timeout: 120_000 });
    // the preview is there (marked 草稿 by the minutes themselves); signing stays refused
    expect(await panel.getByTestId('minutes-download').isEnabled()).toBe(true);
    expect(await panel.getByTestId('minutes-sign').isDisabled()).toBe(true);
    // the link is below the preview: a person clicks it once the PDF viewer has loaded (CI, once:
    // the click went in as the viewer loaded, and the editor never opened — the viewer taking the
    // focus scrolls the panel to itself, under the pointer); then, like a person, once more if
    // nothing opened
    const frame = await (await panel.getByTestId('minutes-frame').elementHandle())?.contentFrame();
    await frame?.waitForLoadState('load').catch(() => undefined);
    for (let tries = 0; !(await panel.getByTestId('record-editor').count()) && tries < 3; tries++) {
      await panel.getByTestId('sign-draft-missing').getByTestId('minutes-missing-link').click();
      await panel.getByTestId('record-editor').waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await panel.getByTestId('record-editor').waitFor({ timeout: 1000 });
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('place');
    await panel.getByTestId('editor-back').click();
  });
});
