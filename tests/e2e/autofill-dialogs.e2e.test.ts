/**
 * Forms in dialogs, as admin systems open their 新增/编辑 forms (tests/fixtures/adapters/modal-*.html,
 * real Element UI 2, Ant Design Vue 4 and Element Plus): a list page with its query form, and over it a modal
 * whose form is taller than a 1280×720 screen, in a fixed wrapper that scrolls.
 * - Every field of the dialog is reached the way a person reaches it, by scrolling the dialog's
 *   wrapper, and filled; the scroll is put back afterwards (reach.ts).
 * - The query form behind the modal's mask, whose labels are the dialog's labels, is never
 *   written, also when it shows in a taller window (1000 px).
 * - A box clipped by an ancestor that does not scroll stays out of reach inside the dialog.
 * - A tree-select whose node reads 柳河镇司法所 takes the record's 司法所 when only that node ends
 *   so, and takes nothing when two nodes do (柳河派出所, 柳河镇东区派出所); a tree-select without a
 *   search box, its branches collapsed, is opened branch by branch (人大主席团 → 柳河镇人大主席团).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
type Out = { report: FillReport };
const open = (file: string, height = 720) => openWithBundle(t.browser, t.site.url(`/${file}`), { viewport: { width: 1280, height } });
/** Where the page and every dialog wrapper are scrolled to. */
const scrolls = (page: Page) => page.evaluate(() => [window.scrollY, ...Array.from(document.querySelectorAll('.el-dialog__wrapper, .ant-modal-wrap'), (e) => e.scrollTop)]);
const filledKeys = (r: FillReport) => r.filled.map((f) => f.key).sort();

const SUGGESTION = {
  'suggestion.number': '2025-007', 'suggestion.title': '关于在柳河中学门口增设过街信号灯的建议', 'suggestion.proposer': '陈晓燕',
  'suggestion.proposerPhone': '13912345678', 'suggestion.category': '交通道路', 'suggestion.submitDate': '2025-01-08',
  'suggestion.reason': '柳河中学门口是省道，上下学时段车流量大，学生过街存在安全隐患。',
  'suggestion.content': '建议在柳河中学门口增设人行横道信号灯，并设置减速带和警示标志。',
  'suggestion.handlingUnit': '县交通运输局', 'suggestion.coHandlingUnits': '县公安局交警大队', 'suggestion.dueDate': '2025-04-08', 'record.remarks': '大会期间提出',
};

const APPRAISAL = {
  'appraisal.name': '柳河镇2025年度派驻机构工作评议', 'appraisal.unit': '司法所', 'appraisal.organiser': '人大主席团', 'appraisal.participantCount': 60, 'appraisal.satisfiedVotes': 50,
  'appraisal.basicallySatisfiedVotes': 8, 'appraisal.dissatisfiedVotes': 2, 'appraisal.score': 92, 'appraisal.grade': '优秀',
  'appraisal.comments': '调解工作扎实，法律援助宣传还需加强。', 'appraisal.rectificationCount': 3, 'appraisal.rectification': '已制定宣传计划，每季度进村开展一次。',
  'appraisal.notice': '评议结果已在镇政务公开栏通报。', 'appraisal.noticeDate': '2025-03-10',
};

describe('Element UI 2: el-dialog (append-to-body) taller than the screen over a list page', () => {
  it('fills every field of the dialog by scrolling its wrapper, writes nothing behind the mask, and puts the scroll back', async () => {
    const page = await open('modal-element-ui.html');
    try {
      const { report } = await lvzhi<Out>(page, 'fill', SUGGESTION);
      const state = await portalState<{ query: unknown; form: Record<string, string> }>(page);
      const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped });
      expect(state.form, detail).toEqual({
        number: '2025-007', title: SUGGESTION['suggestion.title'], proposer: '陈晓燕', phone: '13912345678', category: '4', submitDate: '2025-01-08',
        reason: SUGGESTION['suggestion.reason'], content: SUGGESTION['suggestion.content'], handlingUnit: '县交通运输局', coUnits: '县公安局交警大队',
        dueDate: '2025-04-08', remark: '大会期间提出',
      });
      expect(state.query, detail).toEqual({ title: '', proposer: '', category: '' });
      expect(filledKeys(report), detail).toEqual(Object.keys(SUGGESTION).sort());
      expect(report.failed, detail).toEqual([]);
      // the query form's fields are reported as covered, in plain words
      const behind = report.skipped.filter((s) => s.reason === 'unusable');
      expect(behind.map((s) => s.label).sort(), detail).toEqual(['建议分类', '标题', '领衔代表']);
      expect(behind.every((s) => s.detail === '控件被其他内容遮住'), detail).toBe(true);
      expect(await scrolls(page)).toEqual([0, 0]);
      expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });
});

describe('Ant Design Vue 4: a-modal taller than the screen over a list page', () => {
  for (const height of [720, 1000]) {
    it(`fills the modal, never the query form behind its mask (window ${height} px high), and no clipped box`, async () => {
      const page = await open('modal-antdv.html', height);
      try {
        const { report } = await lvzhi<Out>(page, 'fill', APPRAISAL);
        const state = await portalState<{ query: unknown; form: Record<string, unknown>; trap: string }>(page);
        const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped });
        expect(state.query, detail).toEqual({ name: '', unit: null, grade: null });
        expect(state.trap, detail).toBe('');
        expect(state.form, detail).toEqual({
          name: APPRAISAL['appraisal.name'], unit: 'L203', organiser: 'T1', participants: 60, satisfied: 50, basic: 8, dissatisfied: 2, score: 92, grade: '1',
          comments: APPRAISAL['appraisal.comments'], rectCount: 3, rectification: APPRAISAL['appraisal.rectification'], notice: APPRAISAL['appraisal.notice'], noticeDate: '2025-03-10',
        });
        expect(filledKeys(report), detail).toEqual(Object.keys(APPRAISAL).sort());
        expect(report.failed, detail).toEqual([]);
        const unusable = report.skipped.filter((s) => s.reason === 'unusable');
        expect(unusable.filter((s) => s.detail === '控件被其他内容遮住').map((s) => s.label).sort(), detail).toEqual(['等次', '被评议单位', '评议活动']);
        expect(unusable.filter((s) => s.detail === '控件被裁剪，看不见').map((s) => s.label), detail).toEqual(['得分']);
        expect(await scrolls(page)).toEqual([0, 0]);
        expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
      } finally { await page.close(); }
    });
  }

  // 卫生院 holds the synonym 镇卫生院 too, which only 柳河镇卫生院 ends with: once the record's own
  // name is ambiguous (柳河镇卫生院, 柳河镇中心卫生院), a narrower synonym does not pick one either
  for (const unit of ['派出所', '卫生院']) {
    it(`takes no tree node when two end with the record’s unit (${unit}), and says so`, async () => {
      const page = await open('modal-antdv.html');
      try {
        const { report } = await lvzhi<Out>(page, 'fill', { 'appraisal.name': APPRAISAL['appraisal.name'], 'appraisal.unit': unit });
        const state = await portalState<{ query: unknown; form: Record<string, unknown> }>(page);
        const detail = JSON.stringify({ state, report });
        expect(state.form['unit'], detail).toBeNull();
        expect(state.form['name'], detail).toBe(APPRAISAL['appraisal.name']);
        expect(report.filled.some((f) => f.key === 'appraisal.unit'), detail).toBe(false);
        expect(report.failed.find((f) => f.key === 'appraisal.unit')?.error, detail).toBe('找不到选项');
      } finally { await page.close(); }
    });
  }
});

describe('Element Plus: el-tree-select and a multiple select in an el-dialog appended to body (RuoYi-Vue3 部门 pickers)', () => {
  it('takes the one node naming the unit (filterable), opens a collapsed tree branch by branch, reaches a field below the fold of a scrolling dialog body, and writes nothing behind the mask', async () => {
    const page = await open('modal-element-plus.html');
    try {
      const { report } = await lvzhi<Out>(page, 'fill', { 'appraisal.name': '柳河镇2025年度评议', 'appraisal.unit': '司法所', 'appraisal.organiser': '人大主席团', 'appraisal.appraisers': [{ name: '孙美华' }, { name: '吴晓燕' }], 'appraisal.comments': '工作扎实。', 'record.remarks': '当场统计' });
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      // 评议代表 is an empty multiple select in the teleported dialog: taken for a single one, the two names went in as one option that does not exist
      expect(state, detail).toEqual({ query: { name: '', unit: '' }, form: { name: '柳河镇2025年度评议', unit: 'L203', organiser: 'T1', appraisers: [32, 34], comments: '工作扎实。', remark: '当场统计' }, open: true });
      expect(filledKeys(report), detail).toEqual(['appraisal.appraisers', 'appraisal.comments', 'appraisal.name', 'appraisal.organiser', 'appraisal.unit', 'record.remarks']);
      // 备注 sat below the fold of the dialog's scrolling body: reached by scrolling it, and the scroll put back
      expect(await page.evaluate(() => document.querySelector('.form-scroll')!.scrollTop)).toBe(0);
      expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    } finally { await page.close(); }
  });

  it('takes no node when two end with the record’s unit', async () => {
    const page = await open('modal-element-plus.html');
    try {
      const { report } = await lvzhi<Out>(page, 'fill', { 'appraisal.unit': '派出所' });
      const state = await portalState<{ form: Record<string, string> }>(page);
      expect(state.form['unit'], JSON.stringify(report)).toBe('');
      expect(report.failed.map((f) => f.key), JSON.stringify(report)).toEqual(['appraisal.unit']);
    } finally { await page.close(); }
  });
});

describe('a table drawn as a header table and a body table inside a dialog (dialog-split-table.html)', () => {
  // The body table of a split table inside role=dialog was taken for a widget's own table (a date
  // panel's dialog): the rows were looked for in the header table and never seen.
  it('adds the rows into the body table and fills them', async () => {
    const page = await open('dialog-split-table.html');
    try {
      const { report } = await lvzhi<{ report: FillReport }>(page, 'fill', { 'inspection.subject': '农村饮水安全视察', 'inspection.units': [{ unit: '柳河镇中心小学', location: '柳河村' }, { unit: '柳河镇卫生院', location: '镇区' }] });
      expect(await portalState(page), JSON.stringify(report)).toEqual({ subject: '农村饮水安全视察', units: [{ unit: '柳河镇中心小学', location: '柳河村' }, { unit: '柳河镇卫生院', location: '镇区' }] });
      expect(report.failed, JSON.stringify(report)).toEqual([]);
    } finally { await page.close(); }
  });
});
