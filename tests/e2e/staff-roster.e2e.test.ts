/**
 * Staff faster (issue 12, parts 1 and 3), through the real built extension: a first use from the
 * office's roster as WPS saves it — each deputy's photo placed *in* its 照片 cell
 * (=DISPIMG("ID_…",1), the picture in xl/cellimages.xml) — imported from the 填写 tab's first-use
 * card: the photo reaches the portal; the imported deputies are offered in the people fields of a
 * new record by name and pinyin initials in that same panel; and the deputy just filled into one
 * portal is the record preselected for the next portal of that form.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LvzhiRecord } from '@lvzhi/shared';
import { writeXlsx, validateFiles } from '@lvzhi/shared/node';
import { REPO_ROOT, launchWithExtension, screenshot, serveDir, type ExtensionBrowser, type StaticServer } from '../harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../fixtures/portals/build.ts';
import { withWpsInCellPictures } from '../harness/wps-xlsx.ts';
import { TEST_BUILD_DIR, exampleRecord, otherDeputies, rosterSheet, tabIdOf, waitForLauncher } from './extension-helpers.ts';

type PortalApi = { state(): Record<string, unknown> };
// real PNGs (2×2, 1×1)
const PNG_A = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8Dwn4GBgYGJAQoAAB8EAf+VtSR2AAAAAElFTkSuQmCC';
const PNG_B = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4c+YMAATMAmU5mmUsAAAAAElFTkSuQmCC';

describe('staff faster: a WPS roster with its photos in the cells, the deputies everywhere, the next portal', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  let dir: string;
  let deputy: LvzhiRecord;
  let panel: Page;
  let deputyId: string;

  beforeAll(async () => {
    await buildPortals();
    site = await serveDir(PORTALS_DIR);
    ext = await launchWithExtension(TEST_BUILD_DIR);
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-staffroster-'));
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('first use from a roster saved by WPS: each deputy\'s in-cell photo is imported and reaches the portal', async () => {
    const { packs } = await validateFiles(['forms/packs'], REPO_ROOT);
    deputy = exampleRecord('forms/examples/deputy-profile.json');
    const form = packs.flatMap((p) => p.forms ?? []).find((f) => f.id === deputy.form)!;
    // the deputy to fill is neither the first nor the last row; no record holds a photo but through the sheet
    const rows = [...otherDeputies(deputy, ['李秀英', '陈志强']), deputy, ...otherDeputies(deputy, ['曾小明']).map((r) => ({ ...r, id: 'deputy-z' }))]
      .map((r) => ({ ...r, values: { ...r.values, photo: undefined } }));
    const { images: _floating, ...table } = rosterSheet(form, rows, { photos: true });
    const col = table.header.indexOf('照片');
    expect(col).toBeGreaterThan(0);
    const file = join(dir, '代表名册（WPS）.xlsx');
    writeFileSync(file, await withWpsInCellPictures(await writeXlsx([table]), rows.map((_, row) => ({ row, col, type: 'image/png' as const, base64: row === 2 ? PNG_A : PNG_B }))));

    const page = await ext.context.newPage();
    await page.goto(site.url('/antd.html'));
    panel = await ext.context.newPage();
    await panel.goto(ext.url(`sidepanel.html?tab=${await tabIdOf(ext, page)}`));
    await panel.getByTestId('first-use').waitFor();
    await panel.getByTestId('first-import-table').setInputFiles(file);
    await panel.getByTestId('fill-message').filter({ hasText: '已导入记录：4' }).waitFor({ timeout: 15_000 }).catch(async () => {
      throw new Error(`first import: ${await panel.getByTestId('fill-message').textContent()}`);
    });
    await panel.getByTestId('allow-site').click();
    await waitForLauncher(page);
    deputyId = (await panel.getByTestId('fill-record').locator('option', { hasText: String(deputy.values['name']) }).getAttribute('value'))!;
    if ((await panel.getByTestId('fill-record').inputValue()) !== deputyId) await panel.getByTestId('fill-record').selectOption(deputyId);
    await panel.locator(`[data-testid="fill-plan"][data-record-id="${deputyId}"]`).waitFor({ timeout: 30_000 });
    await page.bringToFront();
    await panel.getByTestId('confirm-fill').click();
    await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
    const state = await page.evaluate(() => (window as unknown as { __portal: PortalApi }).__portal.state());
    expect(state['xm']).toBe(deputy.values['name']);
    // the photo is the one in the deputy's own 照片 cell, named after the deputy
    expect(state['zp']).toEqual([`${String(deputy.values['name'])}.png`]);
    const bytes = await page.evaluate(async () => {
      const input = document.querySelector('input[type="file"]') as HTMLInputElement | null;
      const f = input?.files?.[0];
      return f ? Array.from(new Uint8Array(await f.arrayBuffer())) : null;
    });
    if (bytes) expect(Buffer.from(bytes).toString('base64')).toBe(PNG_A);
    await page.close();
  });

  it('offers the deputies imported on the 填写 tab in a new record\'s people fields, by pinyin initials, in the same panel', async () => {
    await panel.getByTestId('tab-records').click();
    await panel.getByTestId('new-form').selectOption('inspection');
    await panel.getByTestId('new-record').click();
    const editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    const box = editor.locator('.lvz-form [data-field="deputies"] input[role="combobox"]');
    const option = editor.locator('.lvz-form [data-field="deputies"] [role="option"]');
    for (const [initials, name] of [['czq', '陈志强'], ['zxm', '曾小明'], ['wjg', '王建国']] as const) {
      await box.fill(initials);
      await option.filter({ hasText: name }).first().click();
    }
    expect(await editor.locator('.lvz-form [data-field="deputies"] .lvz-chip').allTextContents()).toEqual(['陈志强×', '曾小明×', '王建国×']);
    await screenshot(panel, 'staff-roster-people');
    await panel.getByTestId('editor-back').click();
  });

  it('preselects the deputy just filled into one portal for the next portal of that form', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('/layui.html'));
    const bound = await ext.context.newPage();
    await bound.goto(ext.url(`sidepanel.html?tab=${await tabIdOf(ext, page)}`));
    await bound.getByTestId('allow-site').or(bound.getByTestId('page-title')).first().waitFor();
    await bound.getByTestId('page-title').waitFor();
    // the newest deputy of the roster is another one; the one just filled is meant
    await expect.poll(() => bound.getByTestId('fill-record').inputValue(), { timeout: 15_000 }).toBe(deputyId);
    await bound.close();
    await page.close();
  });
});
