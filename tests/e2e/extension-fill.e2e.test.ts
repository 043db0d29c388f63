/**
 * 自动填写 from the panel (issue 7): for the Element Plus, Ant Design, Layui and legacy frameset
 * (iframe) test portals, the panel — opened in a tab bound to the portal tab — makes the plan,
 * fills, and the portal's own framework state holds the expected values and its own submit
 * succeeds; undo restores the page, radio groups that had nothing chosen included. Then a page that changed between plan and fill is not filled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, importRecords, tabIdOf, waitForLauncher } from './extension-helpers.ts';

interface Expected { fixture: string; page: string; record: string; mapping: string | null; fields: Record<string, { key: string | null; value: unknown }> }
const expected = (name: string) => JSON.parse(readFileSync(join(PORTALS_DIR, 'expected', `${name}.json`), 'utf8')) as Expected;

/** Empty is empty: undefined, null, '', false (unchecked) and [] are the same "nothing" to a portal. */
function norm(v: unknown): string {
  if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)) return '∅';
  return JSON.stringify(v);
}

type PortalApi = { state(): Record<string, unknown>; submit(): unknown };

/** The frame holding window.__portal (the top page, or the legacy frameset's main frame). */
async function portalFrame(page: Page) {
  for (let i = 0; i < 50; i++) {
    for (const f of page.frames()) {
      if (await f.evaluate(() => typeof (window as unknown as { __portal?: unknown }).__portal === 'object').catch(() => false)) return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no __portal in the page');
}

const FIXTURES = ['element', 'antd', 'layui', 'legacy'] as const;

describe('autofill from the side panel', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  let panel: Page;

  beforeAll(async () => {
    await buildPortals();
    site = await serveDir(PORTALS_DIR);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    await allowPortal(ext, site.origin);
    panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    const records = [...new Set(FIXTURES.map((f) => expected(f).record))].map(exampleRecord);
    await importRecords(panel, records);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  for (const name of FIXTURES) {
    it(`fills the ${name} portal, its submit succeeds, and undo restores it`, async () => {
      const exp = expected(name);
      const record = exampleRecord(exp.record);
      const page = await ext.context.newPage();
      await page.goto(site.url(`/${exp.page}`));
      const launcher = await waitForLauncher(page);
      // The launcher shows on every portal, the frameset one included (inside its main frame).
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
      const frame = await portalFrame(page);
      const before = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
      const radiosBefore = await frame.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((i) => i.checked).map((i) => `${i.name}=${i.value}`));
      const tabId = await tabIdOf(ext, page);

      await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
      await panel.getByTestId('page-title').waitFor();
      await panel.getByTestId('fill-record').selectOption(record.id);
      if (exp.mapping) await panel.getByTestId('fill-mapping').selectOption(exp.mapping);
      await panel.getByTestId('autofill').click();
      await panel.getByTestId('fill-plan').waitFor();
      expect(await panel.getByTestId('plan-step').count()).toBeGreaterThan(3);
      await screenshot(panel, `extension-fill-${name}-plan`);
      await panel.getByTestId('confirm-fill').click();
      await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
      await screenshot(panel, `extension-fill-${name}-report`);
      await screenshot(page, `extension-fill-${name}-portal`);

      const state = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
      const wrong: string[] = [];
      for (const [field, want] of Object.entries(exp.fields)) {
        if (want.key === null) continue;
        if (JSON.stringify(state[field]) !== JSON.stringify(want.value)) wrong.push(`${field}: ${JSON.stringify(state[field])} ≠ ${JSON.stringify(want.value)}`);
      }
      expect(wrong, `portal state after the fill (${name})`).toEqual([]);
      const submitted = (await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.submit())) as { ok: boolean; errors: unknown[] };
      expect(submitted).toMatchObject({ ok: true });

      await panel.getByTestId('undo-fill').click();
      await panel.getByTestId('undo-done').waitFor({ timeout: 30_000 });
      const after = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
      const notRestored = Object.keys(exp.fields).filter((f) => exp.fields[f]!.key !== null && norm(after[f]) !== norm(before[f]));
      // Every field comes back, radio groups that had nothing chosen included (through the MAIN-world helper), and nothing is reported failed.
      expect(notRestored, `fields not restored by undo (${name}); reported: ${(await panel.getByTestId('undo-failed-item').allTextContents()).join('; ')}`).toEqual([]);
      expect(await panel.getByTestId('undo-failed-item').count()).toBe(0);
      expect(await frame.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((i) => i.checked).map((i) => `${i.name}=${i.value}`))).toEqual(radiosBefore);
      // The helper gives the page nothing to call: no global it could use.
      expect(await frame.evaluate(() => Object.keys(window).filter((k) => /lvzhi/i.test(k)))).toEqual([]);
      await page.close();
    });
  }

  it('does not fill a page that navigated between plan and fill', async () => {
    const exp = expected('element');
    const page = await ext.context.newPage();
    await page.goto(site.url(`/${exp.page}`));
    await waitForLauncher(page);
    const tabId = await tabIdOf(ext, page);
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-record').selectOption(exampleRecord(exp.record).id);
    await panel.getByTestId('autofill').click();
    await panel.getByTestId('fill-plan').waitFor();
    await page.reload();
    await waitForLauncher(page);
    await panel.getByTestId('confirm-fill').click();
    await expect.poll(() => panel.getByTestId('fill-message').textContent()).toMatch(/未填写|已停止填写/);
    const frame = await portalFrame(page);
    const state = await frame.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    expect(state['title']).toBe('');
    await page.close();
  });

  it('does not fill a page whose form changed between plan and fill', async () => {
    const exp = expected('layui');
    const page = await ext.context.newPage();
    await page.goto(site.url(`/${exp.page}`));
    await waitForLauncher(page);
    const tabId = await tabIdOf(ext, page);
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
    await panel.getByTestId('page-title').waitFor();
    await panel.getByTestId('fill-record').selectOption(exampleRecord(exp.record).id);
    await panel.getByTestId('fill-mapping').selectOption(exp.mapping!);
    await panel.getByTestId('autofill').click();
    await panel.getByTestId('fill-plan').waitFor();
    // The portal swaps its form for another view (as a single-page app does) without navigating.
    await page.evaluate(() => { document.querySelector('form')?.remove(); });
    await panel.getByTestId('confirm-fill').click();
    await expect.poll(() => panel.getByTestId('fill-message').textContent()).toMatch(/页面内容已变化.*已停止填写/);
    expect(await panel.getByTestId('fill-report').count()).toBe(0);
    await page.close();
  });
});
