/**
 * The widget adapters on pages built with the real libraries (tests/fixtures/adapters/): each
 * page is filled through the standalone bundle (window.Lvzhi.fill, no mapping), then per field
 * its framework state and the report's status are compared, and the page's own submit must pass.
 * The document-date picker refuses the date written (disabledDate): the report must say failed,
 * never filled. The ethnicity select is disabled until its options load: it must be waited for.
 */
import { describe, expect, it } from 'vitest';
import type { FillPlan, FillReport } from '@lvzhi/shared';
import { autofillSuite, lvzhi, openWithBundle, portalState, portalSubmit } from '../harness/autofill.ts';
import { ADAPTER_FIXTURES_DIR, buildAdapterFixtures } from '../fixtures/adapters/build.ts';
import { EXPECTED, RECORD, STATUS } from '../fixtures/adapters/record.ts';

const t = autofillSuite({ site: ADAPTER_FIXTURES_DIR }, buildAdapterFixtures);
const openPage = (file: string, viewport?: { width: number; height: number }) => openWithBundle(t.browser, t.site.url(`/${file}`), { viewport });
const fillFixture = (page: Parameters<typeof lvzhi>[0], values: Record<string, unknown>) => lvzhi<{ plan: FillPlan; report: FillReport }>(page, 'fill', values);

/** Pickers whose typed input takes a date their calendar disables: the page holds it, so "filled" is the honest report. */
const ACCEPTS_DISABLED_DATE = ['naive', 'tdesign'];

/** Widgets a page has beyond the shared fields: extra record values and what the page must hold. */
const EXTRA: Record<string, { values: Record<string, unknown>; state: Record<string, unknown> }> = {
  // a month picker (出生年月) and the dayjs DatePicker2, whose dropped text once read back as filled
  fusion: { values: { 'deputy.electedDate': '2021-11-20' }, state: { birthMonth: '1975-06', elected: '2021-11-20' } },
};

const statusOf = (r: FillReport, key: string) => r.filled.some((f) => f.key === key) ? 'filled' : r.failed.some((f) => f.key === key) ? 'failed' : 'skipped';


describe.each(['element-plus', 'antd', 'ant-design-vue', 'naive', 'tdesign', 'arco', 'view-ui', 'fusion', 'element-ui'])('%s', (name) => {
  it('fills every widget, reports honestly, and the page submits', async () => {
    const page = await openPage(`${name}.html`);
    const extra = EXTRA[name];
    const { report } = await fillFixture(page, { ...RECORD, ...extra?.values });
    const state = await portalState(page);
    const detail = JSON.stringify({ state, failed: report.failed, skipped: report.skipped.filter((s) => s.reason !== 'no-match') });
    const accepts = ACCEPTS_DISABLED_DATE.includes(name);
    const expected = { ...(accepts ? { ...EXPECTED, docDate: RECORD['meeting.documentDate'] } : EXPECTED), ...extra?.state };
    for (const k of Object.keys(extra?.values ?? {})) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
    for (const [k, want] of Object.entries(expected)) expect(state[k], `${k}: ${detail}`).toEqual(want);
    for (const [k, want] of Object.entries(STATUS)) expect(statusOf(report, k), `${k}: ${detail}`).toBe(accepts ? 'filled' : want);
    if (!accepts) expect(report.failed.find((f) => f.key === 'meeting.documentDate')?.error).toMatch(/门户未接受该值/);
    const submitted = await portalSubmit(page);
    expect(submitted, detail).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('Vant 4 (a mobile page: picker, date and cascader popups behind read-only fields)', () => {
  it('fills each field through its popup and the page submits', async () => {
    // a phone’s screen, with the page's submit bar fixed over its bottom
    const page = await openPage('vant.html', { width: 390, height: 700 });
    const keys = ['deputy.name', 'deputy.gender', 'deputy.ethnicity', 'deputy.politicalStatus', 'deputy.birthDate', 'inspection.enforcementUnits', 'deputy.address', 'deputy.groupLeader', 'record.remarks'];
    const { report } = await fillFixture(page, { ...Object.fromEntries(keys.map((k) => [k, RECORD[k]])), 'record.remarks': '群众反映路灯不亮' });
    const state = await portalState(page);
    const detail = JSON.stringify(report);
    const { name, gender, ethnicity, party, birth, units, address, leader } = EXPECTED;
    expect(state, detail).toEqual({ note: '群众反映路灯不亮', name, gender, ethnicity, party, birth, units, address, leader });
    expect(report.failed, detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual([...keys].sort());
    expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('Vant 4, one popup shared by the choice fields (vant-popups.html)', () => {
  // A confirm right after the popup opens (the value is the picker's first option, already
  // selected) once left the popup drawn while Vue's state said closed: tapping the overlay did
  // nothing, and every field below was "covered" and skipped. A step that fails (the value is
  // not among the options) must close its popup too. The shared popup, emptied as it fades out,
  // gets the date field's (empty) picker while the date's own popup opens: it is not the date's.
  it('leaves no popup open after each step, failed or not, and fills the fields below', async () => {
    const page = await openPage('vant-popups.html', { width: 375, height: 700 });
    const values = { 'deputy.politicalStatus': '中共党员', 'deputy.ethnicity': '汉族', 'deputy.birthDate': '1975-06-12', 'inspection.enforcementUnits': ['县公安局', '县城管局'], 'deputy.name': '王建国', 'record.remarks': '群众反映路灯不亮' };
    const { report } = await fillFixture(page, values);
    const detail = JSON.stringify(report);
    const state = await portalState(page);
    expect(state, detail).toEqual({ party: '', ethnicity: '汉族', birth: '1975-06-12', units: ['县公安局', '县城管局'], name: '王建国', note: '群众反映路灯不亮' });
    expect(report.failed.map((f) => f.key), detail).toEqual(['deputy.politicalStatus']);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['deputy.birthDate', 'deputy.ethnicity', 'deputy.name', 'inspection.enforcementUnits', 'record.remarks']);
    // nothing left drawn over the page: the fill returns while the last popup fades out (it does
    // not wait for decoration), and once the page's own leave animations are over no popup and no
    // overlay is drawn. A popup left drawn while its state says closed never goes.
    const drawn = () => page.evaluate(() => Array.from(document.querySelectorAll('.van-popup, .van-overlay')).filter((e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })).map((e) => e.className));
    await page.waitForFunction(() => !document.querySelector('[class*="-leave-active"]'), undefined, { timeout: 2000 }).catch(() => undefined);
    expect(await drawn(), detail).toEqual([]);
    await page.close();
  });
});

describe('jQuery EasyUI 1.5 (combobox, multiple combobox, datebox, datetimebox on a table-layout page)', () => {
  it('writes through the panels, the widgets\' own values hold it, and the report is honest', async () => {
    const page = await openPage('easyui.html');
    const keys = ['deputy.name', 'deputy.gender', 'deputy.ethnicity', 'deputy.politicalStatus', 'deputy.birthDate', 'meeting.startTime', 'inspection.enforcementUnits'];
    const { report } = await fillFixture(page, Object.fromEntries(keys.map((k) => [k, RECORD[k]])));
    const state = await portalState(page);
    const detail = JSON.stringify(report);
    expect(state, detail).toEqual({ xm: '王建国', xb: '1', mz: '03', zzmm: '01', csrq: '1975-06-12', hysj: '2026-03-05 09:30', zfdw: ['ga', 'cg'] });
    expect(report.failed, detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual([...keys].sort());
    expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('ARIA role widgets (a low-code page with div labels)', () => {
  it('fills textbox, radiogroup, combobox+listbox, checkbox group, switch and spinbutton', async () => {
    const page = await openPage('aria.html');
    const values = { 'deputy.name': '李秀英', 'deputy.gender': '女', 'deputy.politicalStatus': '群众', 'inspection.enforcementUnits': ['县市场监管局', '县城管局'], 'deputy.groupLeader': true, 'meeting.expectedCount': 35 };
    const { report } = await fillFixture(page, values);
    const state = await portalState(page);
    const detail = JSON.stringify(report);
    expect(state, detail).toEqual({ name: '李秀英', gender: '女', party: '群众', units: ['县市场监管局', '县城管局'], leader: true, count: '35' });
    expect(report.failed, detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(values).sort());
    await page.close();
  });
});

describe('date pickers whose placeholder says 时间 (date-placeholder.html)', () => {
  // 请选择 印发时间 over a type="date" picker was taken for a date-time: the date was skipped as
  // 'the portal asks for a time the record does not hold'. The component's own type decides.
  it('takes the component\'s type over the placeholder\'s wording', async () => {
    const page = await openPage('date-placeholder.html');
    const { report } = await fillFixture(page, { 'meeting.documentDate': '2025-07-02', 'meeting.startTime': '2025-07-01T09:30' });
    const detail = JSON.stringify(report);
    expect(await portalState(page), detail).toEqual({ issued: '2025-07-02', start: '2025-07-01 09:30:00' });
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['meeting.documentDate', 'meeting.startTime']);
    await page.close();
  });
});

describe('a date picker of a library no adapter knows (unknown-picker.html)', () => {
  // Its panel opened on the typed box's focus, stayed open over the fields below after the blur
  // (it closes on a press outside while the box is active), and they were skipped as covered
  // after waiting; the box took only the machine form while the dictionary's 2025年6月30日 was typed.
  it('types the machine date form, closes the panel as a person does, and fills the fields below', async () => {
    const page = await openPage('unknown-picker.html');
    const { report } = await fillFixture(page, { 'meeting.documentDate': '2025-06-30', 'record.remarks': '按期整改', 'inspection.place': '青山镇中心小学' });
    const detail = JSON.stringify(report);
    await page.mouse.click(5, 5); // a person's click elsewhere: the picker takes what its box holds
    expect(await portalState(page), detail).toEqual({ deadline: '2025-06-30', note: '按期整改', place: '青山镇中心小学' });
    expect(report.skipped.filter((x) => x.reason === 'unusable'), detail).toEqual([]);
    await page.close();
  });
});

describe('a select of a library no adapter knows: a read-only input inside its component (unknown-select.html)', () => {
  // Typing the option's text into the read-only box was read back from the box and reported
  // filled while the component held nothing (the vxe-select case). The component owning the box
  // is asked now: not accepted, reported failed, and the box's text put back.
  it('reports the choice failed, not filled, and leaves no text in the box the widget does not hold', async () => {
    const page = await openPage('unknown-select.html');
    const { report } = await fillFixture(page, { 'meeting.title': '党委扩大会议', 'meeting.type': '党委扩大会议' });
    const detail = JSON.stringify(report);
    expect(await portalState(page), detail).toEqual({ title: '党委扩大会议', type: null });
    expect(report.filled.map((f) => f.key), detail).toEqual(['meeting.title']);
    expect(report.failed.map((f) => f.key), detail).toEqual(['meeting.type']);
    expect(await page.evaluate(() => (document.querySelector('.house-select__input') as HTMLInputElement).value)).toBe('');
    await page.close();
  });
});

describe('a jQuery form-horizontal: two label/control pairs per row, read-only date-time picker boxes (jquery-pickers.html)', () => {
  // smalot's bootstrap-datetimepicker takes an empty box for "now" when it opens and writes its
  // own date back when the next click closes it: a write that focused the box was read back as
  // filled, then clobbered by the next field's click. The second pair of a row was labelled with
  // the row's first label (开始 twice, 结束 never).
  const values = { 'inspection.place': '青山镇中心小学', 'inspection.leader': { name: '李秀英' }, 'inspection.startTime': '2025-04-08T09:00', 'inspection.endTime': '2025-04-08T11:30', 'inspection.rectificationDeadline': '2025-06-30', 'inspection.type': '执法检查' };
  it('labels each pair by its own label, writes the boxes in the picker\'s form, and the values stay', async () => {
    const page = await openPage('jquery-pickers.html');
    const { report } = await fillFixture(page, values);
    const detail = JSON.stringify(report);
    // the page's own click elsewhere closes any picker: what it holds then is what it keeps
    await page.mouse.click(5, 5);
    const state = await portalState(page);
    expect(state, detail).toEqual({ place: '青山镇中心小学', leader: '', begin: '2025-04-08 09:00', end: '2025-04-08 11:30', deadline: '2025-06-30', form: '3', note: '' });
    // 带队领导 was written, then cleared by the page when 活动形式 changed: the report says so
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(['inspection.endTime', 'inspection.place', 'inspection.rectificationDeadline', 'inspection.startTime', 'inspection.type']);
    expect(report.failed.map((f) => [f.key, f.error]), detail).toEqual([['inspection.leader', '填写后被页面的后续操作清除或改回，请手工核对']]);
    expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('jQuery plugins that hide the native select (select2, bootstrap-select)', () => {
  it('writes the native select and the plugin shows the same choice', async () => {
    const page = await openPage('jquery.html');
    const values = { 'deputy.ethnicity': '回族', 'inspection.enforcementUnits': ['县公安局', '县城管局'], 'deputy.politicalStatus': '中共党员', 'deputy.education': '大学本科' };
    const { report } = await fillFixture(page, values);
    const state = await portalState(page);
    const detail = JSON.stringify(report);
    expect(state, detail).toEqual({ mz: '03', zfdw: ['ga', 'cg'], zzmm: '01', xl: '20', shown: { mz: '回族', zzmm: '中国共产党党员', xl: '大学本科' } });
    expect(report.failed, detail).toEqual([]);
    expect(report.filled.map((f) => f.key).sort(), detail).toEqual(Object.keys(values).sort());
    expect(await portalSubmit(page)).toEqual({ ok: true, errors: [] });
    await page.close();
  });
});

describe('jQuery plugins: chosen, and pickers that keep their choice outside the box', () => {
  it('writes chosen selects through their native select (chosen redraws), and leaves read-only boxes of jQuery WeUI pickers unfilled, saying so, instead of typing text the picker never chose', async () => {
    const page = await openPage('jquery-plugin-pickers.html');
    try {
      const values = { 'inspection.subject': '《中华人民共和国食品安全法》执法检查', 'inspection.type': '执法检查', 'inspection.enforcementUnits': ['县公安局', '县城管局'], 'inspection.leader': { name: '王建国' }, 'inspection.deputies': [{ name: '李秀英' }, { name: '赵德明' }], 'inspection.place': '青山镇农贸市场' };
      const { report } = await fillFixture(page, values);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      // jQuery WeUI's picker and select are chosen in their own popups (jquery-weui.ts): the hidden id and data-values hold the choice
      expect(state, detail).toEqual({ jcmc: values['inspection.subject'], jclx: '2', zfdw: ['ga', 'cg'], ddldId: '11', chdb: '21,23', shown: { jclx: '执法检查', zfdw: '县公安局、县城管局' } });
      for (const k of ['inspection.subject', 'inspection.type', 'inspection.enforcementUnits', 'inspection.leader', 'inspection.deputies']) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
      // a read-only box a plugin no adapter knows owns (the site's own area picker): reported as a
      // widget to choose by hand, never typed into and claimed
      expect(report.skipped.find((s) => s.label === '检查地点')?.reason, detail).toBe('unsupported');
      expect(report.filled.map((f) => f.label), detail).not.toContain('检查地点');
      expect(await page.evaluate(() => (document.getElementById('jcdd') as HTMLInputElement).value), detail).toBe('');
    } finally {
      await page.close();
    }
  });
});

describe('amis (low-code JSON forms)', () => {
  it('fills unnamed radios and a checkbox list laid out in rows as one question each, ticks each box only once the last one took, and chooses in amis selects, a multiple select and a tree-select', async () => {
    const page = await openPage('amis.html');
    try {
      const values = { 'suggestion.title': '关于增设镇村公交候车亭的建议', 'suggestion.period': '闭会期间', 'appraisal.method': ['民意测评', '走访', '查阅资料', '听取述职'], 'suggestion.proposer': { name: '刘桂兰' }, 'suggestion.coSigners': [{ name: '李秀英' }, { name: '马玉梅' }], 'suggestion.handlingUnit': '青山镇农经站' };
      const { report } = await fillFixture(page, values);
      // amis's form takes a control's change into its store after a short debounce: what the clerk's 提交 posts a moment later
      await expect.poll(() => portalState(page), { timeout: 3000 }).toEqual({ title: values['suggestion.title'], period: 'bh', ways: '1,3,4,5', proposer: 2002, cosigners: '3001,3003', unit: 'A05' });
      const detail = JSON.stringify({ state: await portalState(page), report });
      for (const k of Object.keys(values)) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
    } finally {
      await page.close();
    }
  });
});

describe('OpenTiny Vue', () => {
  it('chooses in a TinySelect of codes, a multiple filterable TinySelect of ids and a TinyTreeSelect, types the date of a TinyDatePicker, each held in its model', async () => {
    const page = await openPage('opentiny.html');
    try {
      const values = { 'inspection.subject': '农村饮水安全工作视察', 'inspection.type': '执法检查', 'inspection.deputies': [{ name: '李秀英' }, { name: '孙丽华' }, { name: '马玉梅' }], 'inspection.organiser': '青山镇人大主席团', 'inspection.date': '2025-04-16' };
      const { report } = await fillFixture(page, values);
      const state = await portalState(page);
      const detail = JSON.stringify({ state, report });
      expect(state, detail).toEqual({ subject: values['inspection.subject'], type: 'jc', deputies: [5002, 5005, 5008], org: 'T01', date: '2025-04-16' });
      for (const k of Object.keys(values)) expect(statusOf(report, k), `${k}: ${detail}`).toBe('filled');
    } finally {
      await page.close();
    }
  });
});

describe('antd 6: a virtual list longer than its box', () => {
  it('reaches a 民族 near the end of a plain select (no search box) by scrolling its list: 基诺族 is held by its code, and the page submits', async () => {
    const page = await openPage('long-select-antd.html');
    try {
      const { report } = await fillFixture(page, { 'deputy.name': '白玉兰', 'deputy.ethnicity': '基诺族' });
      const state = await portalState(page);
      const detail = JSON.stringify({ state, failed: report.failed });
      expect(state, detail).toEqual({ name: '白玉兰', ethnicity: '56' });
      expect(statusOf(report, 'deputy.ethnicity'), detail).toBe('filled');
      expect(await portalSubmit(page), detail).toEqual({ ok: true, errors: [] });
    } finally {
      await page.close();
    }
  });
});

describe('options drawn as a name and a note beside it', () => {
  it('takes the option whose name is the value (the grey note is not part of it), and never one of two that share the name', async () => {
    const page = await openPage('option-notes.html');
    try {
      const { report } = await fillFixture(page, { 'suggestion.title': '关于整治校门口交通秩序的建议', 'suggestion.proposer': { name: '陈志强' }, 'suggestion.handlingUnit': '青山镇财政所' });
      const state = await portalState(page);
      const detail = JSON.stringify({ state, failed: report.failed });
      expect(state, detail).toEqual({ title: '关于整治校门口交通秩序的建议', proposer: 2002, unit: 'A02' });
      expect(report.failed, detail).toEqual([]);
      // two deputies named 王伟: the name alone picks neither, and says so
      const again = await openPage('option-notes.html');
      try {
        const { report: r2 } = await fillFixture(again, { 'suggestion.proposer': { name: '王伟' } });
        expect((await portalState(again)).proposer).toBeNull();
        expect(statusOf(r2, 'suggestion.proposer')).toBe('failed');
      } finally {
        await again.close();
      }
    } finally {
      await page.close();
    }
  });
});
