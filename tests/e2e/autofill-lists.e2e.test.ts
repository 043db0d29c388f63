/**
 * Choices of several items and what lies around them, on pages of our own built with the real
 * libraries (tests/fixtures/adapters/) or plain HTML (tests/fixtures/scan/): each page is filled
 * through the standalone bundle (window.Lvzhi.fill, no mapping) and its own state is compared.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FillReport, ScanResult } from '@lvzhi/shared';
import { REPO_ROOT } from '../harness/browser.ts';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ adapters: ADAPTER_FIXTURES_DIR, scan: join(REPO_ROOT, 'tests', 'fixtures', 'scan') }, buildAdapterFixtures);
const open = (url: string) => openWithBundle(t.browser, url);
const fill = async (page: Page, values: Record<string, unknown>) => (await lvzhi<{ report: FillReport }>(page, 'fill', values)).report;
const state = (page: Page) => portalState(page);
const submit = (page: Page) => portalSubmit(page);

describe('View UI Plus: a CheckboxGroup and a multiple Select', () => {
  it('keeps every ticked item, not only the last one', async () => {
    const page = await open(t.adapters.url('/view-ui-lists.html'));
    try {
      const values = { 'appraisal.method': ['听取汇报', '问卷调查', '个别走访'], 'appraisal.inquiryGroup': [{ name: '李秀英' }, { name: '赵德明' }] };
      const report = await fill(page, values);
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ methods: ['听取汇报', '问卷调查', '个别走访'], members: ['李秀英', '赵德明'] });
      expect(report.failed, detail).toEqual([]);
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(values).sort());
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });
});

describe('select2 multiple, the record holding the items as one text', () => {
  it('chooses each item the text lists and the plugin shows them', async () => {
    const page = await open(t.adapters.url('/jquery-lists.html'));
    try {
      const report = await fill(page, { 'suggestion.coHandlingUnits': '县公安局、县卫生健康委员会' });
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ hbdw: ['102', '105'], shown: ['县公安局', '县卫生健康委员会'] });
      expect(report.filled.map((f) => f.key), detail).toEqual(['suggestion.coHandlingUnits']);
      expect(await submit(page)).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });
});

describe('check-box lists whose boxes post under indexed names (ASP.NET CheckBoxList, units[0])', () => {
  it('fills each list as one question labelled by its row, and keeps separate boxes apart', async () => {
    const page = await open(t.scan.url('/checkbox-list.html'));
    try {
      const values = { 'inspection.place': '青山镇自来水厂', 'inspection.methods': ['听取汇报', '查阅资料'], 'inspection.enforcementUnits': ['县公安局', '县城管局'], 'deputy.groupLeader': true };
      const report = await fill(page, values);
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ scdd: '青山镇自来水厂', scfs: ['02', '04'], units: ['GA', 'CG'], xzz: true, flags: 0 });
      expect(report.failed, detail).toEqual([]);
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(values).sort());
      const scanned = await lvzhi<ScanResult>(page, 'scan');
      const kinds = Object.fromEntries(scanned.controls.map((c) => [c.labels[0]?.text, c.kind]));
      expect(kinds).toMatchObject({ 视察方式: 'checkboxes', 执法单位: 'checkboxes', 是否公开: 'checkbox', 是否督办: 'checkbox' });
    } finally { await page.close(); }
  });
});

describe('units named short in the record and with their town on the portal (or the other way round)', () => {
  it('chooses the one option naming the unit, and guesses nothing when two do', async () => {
    const page = await open(t.adapters.url('/unit-names.html'));
    try {
      const values = { 'suggestion.handlingUnit': '农业技术推广站', 'inspection.organiser': '司法所', 'suggestion.supervisingUnit': '派出所', 'deputy.workUnit': '泰兴市柳河镇人大主席团' };
      const report = await fill(page, values);
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ cbdw: 'A04', zzdw: 'A03', dbdw: '', gzdw: 'G2' });
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['deputy.workUnit', 'inspection.organiser', 'suggestion.handlingUnit']);
      // 柳河派出所 and 青山派出所 both end in 派出所: not filled, and said so
      expect([...report.failed, ...report.skipped].some((e) => e.label === '督办单位'), detail).toBe(true);
    } finally { await page.close(); }
  });
});

describe('an open multi-select dropdown (Arco: a checkbox in every option)', () => {
  it('is not scanned as page controls, while the page\'s own checkbox group is', async () => {
    const page = await open(t.adapters.url('/arco-lists.html'));
    try {
      // a person left the dropdown open
      await page.click('.arco-select-view');
      await page.waitForSelector('.arco-select-dropdown .arco-select-option .arco-checkbox', { state: 'visible' });
      const scanned = await lvzhi<ScanResult>(page, 'scan');
      const seen = scanned.controls.map((c) => ({ kind: c.kind, label: c.labels[0]?.text }));
      expect(seen).toEqual([{ kind: 'multiselect', label: '评议调查组成员' }, { kind: 'checkboxes', label: '评议方式' }]);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.arco-select-dropdown', { state: 'hidden' });
      const values = { 'appraisal.inquiryGroup': [{ name: '陈志强' }, { name: '孙丽华' }], 'appraisal.method': ['座谈会', '个别走访'] };
      const report = await fill(page, values);
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ members: ['陈志强', '孙丽华'], methods: ['座谈会', '个别走访'] });
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(values).sort());
      // the dropdown's ticks, still in the page after it closed, are not listed as skipped controls either
      expect(report.skipped.filter((s) => s.reason === 'unusable'), detail).toEqual([]);
    } finally { await page.close(); }
  });
});

describe('a form inside a popover whose select keeps its dropdown inline (Element Plus)', () => {
  it('is scanned and filled: a popup holding fields is not a dropdown', async () => {
    const page = await open(t.adapters.url('/popover-form.html'));
    try {
      // the inline dropdown's items are in the popover (the case the dropdown rule must not take for a dropdown)
      await page.waitForSelector('.el-popover .el-select-dropdown__item', { state: 'attached' });
      const report = await fill(page, { 'deputy.name': '马玉梅', 'deputy.ethnicity': '回族' });
      const detail = JSON.stringify(report);
      expect(await state(page), detail).toEqual({ name: '马玉梅', ethnicity: '02' });
      expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['deputy.ethnicity', 'deputy.name']);
    } finally { await page.close(); }
  });
});
