/**
 * Data in without retyping (issue 12, part 1), through the real built extension: the offices'
 * other lists — a list of suggestions (.xlsx) and a list of meetings (.csv), each as the office
 * keeps it, one row a record — are imported from 记录 → 导入表格; the form is told from the
 * column names, every row becomes a complete record of it, and the records are then there to fill
 * and to make minutes from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordsTable, tableToCsv, type FormDefinition, type LvzhiRecord, type PackDefinition } from '@lvzhi/shared';
import { validateFiles, writeXlsx } from '@lvzhi/shared/node';
import { REPO_ROOT, launchWithExtension, type ExtensionBrowser } from '../harness/browser.ts';
import { TEST_BUILD_DIR, exampleRecord } from './extension-helpers.ts';

/** The office's list: every column of the form but the record's own bookkeeping. */
function officeList(form: FormDefinition, records: LvzhiRecord[]) {
  const t = recordsTable(form, records, { full: true });
  const keep = t.header.map((h, i) => (['记录编号', '状态', '流程状态'].includes(h) ? -1 : i)).filter((i) => i >= 0);
  return { name: t.name, header: keep.map((i) => t.header[i]!), rows: t.rows.map((r) => keep.map((i) => r[i] ?? null)) };
}

describe('data in: the offices\' lists of suggestions and meetings', () => {
  let ext: ExtensionBrowser;
  let panel: Page;
  let dir: string;
  let packs: PackDefinition[];
  const form = (id: string) => packs.flatMap((p) => p.forms ?? []).find((f) => f.id === id)!;
  const rows = () => panel.getByTestId('record-row');

  beforeAll(async () => {
    ({ packs } = await validateFiles(['forms/packs'], REPO_ROOT));
    ext = await launchWithExtension(TEST_BUILD_DIR);
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-stafflists-'));
    panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
  });
  afterAll(async () => {
    await ext?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const importFile = async (file: string, formTitle: string, count: number, skipped: string) => {
    await panel.getByTestId('tab-records').click();
    await panel.getByTestId('import-open').click();
    await panel.getByTestId('import-view').waitFor();
    await panel.getByTestId('import-file').setInputFiles(file);
    await panel.getByTestId('import-preview').waitFor();
    expect(await panel.getByTestId('import-preview').textContent()).toContain(formTitle);
    expect(await panel.getByTestId('import-row-count').textContent()).toBe(String(count));
    // a signature or file column cannot come from a sheet: it is named, not a reason to refuse the list
    expect(await panel.getByTestId('import-skipped').textContent()).toContain(skipped);
    if (await panel.getByTestId('import-all').isDisabled()) throw new Error(`refused: ${await panel.getByTestId('import-errors').textContent()}`);
    await panel.getByTestId('import-all').click();
    await panel.getByTestId('import-done').waitFor();
  };

  it('imports a list of suggestions (.xlsx), each row a complete suggestion', async () => {
    const base = exampleRecord('forms/examples/suggestion.json');
    const list = [
      base,
      { ...base, id: 's2', values: { ...base.values, number: '青人建〔2024〕4号', title: '关于在青山小学门口增设人行横道的建议' } },
      { ...base, id: 's3', values: { ...base.values, number: '青人建〔2024〕5号', title: '关于整治柳河村河道垃圾的建议' } },
    ];
    const file = join(dir, '代表建议汇总表.xlsx');
    writeFileSync(file, await writeXlsx([officeList(form('suggestion'), list)]));
    await importFile(file, form('suggestion').title, 3, '答复函');
    for (const r of list) {
      const row = rows().filter({ hasText: String(r.values['title']) });
      expect(await row.count()).toBe(1);
      expect(await row.getAttribute('data-status')).toBe('complete');
    }
  });

  it('imports a list of meetings (.csv), and the imported meeting gives its minutes', async () => {
    const meeting = exampleRecord('forms/examples/presidium-monthly.json');
    const file = join(dir, '会议台账.csv');
    writeFileSync(file, tableToCsv(officeList(form('presidium-monthly'), [meeting])));
    await importFile(file, form('presidium-monthly').title, 1, '主持人签名');
    const row = rows().filter({ hasText: String(meeting.values['title']) });
    expect(await row.getAttribute('data-status')).toBe('complete');
    const id = (await row.getAttribute('data-record-id'))!;
    await panel.getByTestId('tab-minutes').click();
    await panel.getByTestId('minutes-record').selectOption(id);
    await panel.getByTestId('minutes-preview').click();
    await panel.getByTestId('minutes-status').filter({ hasText: '会议纪要已生成' }).waitFor({ timeout: 120_000 });
  });
});
