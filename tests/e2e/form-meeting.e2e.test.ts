/**
 * The form renderer on Chromium's real IndexedDB: a clerk fills a presidium monthly meeting
 * record (30 attendees, 5 agenda items, 3 votes) with the keyboard; the tab is crashed
 * (DevTools `Page.crash`) before the draft debounce has fired — nothing is in IndexedDB yet, the
 * write-ahead journal in localStorage has it all — and later the page is reloaded before the
 * debounce; every value is found again, on screen and in the store.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../harness/browser.ts';
import { useFormApp } from '../fixtures/form-app/serve.ts';

const app = useFormApp('form-app');
const ATTENDEES = [
  '张建国', '李明', '王秀英', '刘伟', '陈静', '杨洋', '赵磊', '黄丽', '周杰', '吴敏',
  '徐强', '孙燕', '胡军', '朱红', '高峰', '林芳', '何勇', '郭丽华', '马骏', '罗兰',
  '梁超', '宋佳', '郑凯', '谢婷', '韩冰', '唐亮', '冯雪', '于洪', '董明珠', '萧山',
];
const AGENDA = ['通报镇政府一季度重点工作', '讨论代表活动经费使用办法', '研究食品安全执法检查方案', '部署代表接待日活动', '审议建议办理情况通报'];
const VOTES = [
  { item: '关于代表活动经费使用办法的决定', inFavour: 28, against: 1, abstain: 1 },
  { item: '关于开展食品安全执法检查的决定', inFavour: 30, against: 0, abstain: 0 },
  { item: '关于调整代表小组的决定', inFavour: 12, against: 10, abstain: 8 },
];
const DELAY = 4000;


const url = () => app.site.url(`/index.html?form=presidium-monthly&rid=meeting-1&delay=${DELAY}`);
async function open(page: Page): Promise<void> {
  await page.goto(url());
  await page.waitForSelector('body[data-ready="1"]');
}
const input = (page: Page, field: string) => page.locator(`[data-field="${field}"] input, [data-field="${field}"] textarea`).first();
type Lvzhi = { __lvzhi: { saver: { dirty: boolean; flush(): Promise<void> }; record: { values: Record<string, unknown> }; state: { recovered: string[]; journalProblems: string[] } } };
const stored = (page: Page) => page.evaluate(async () => (await (window as unknown as { __lvzhi: { store: { get(id: string): Promise<{ values: Record<string, unknown> } | undefined> } } }).__lvzhi.store.get('meeting-1'))?.values);

async function expectEverything(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.state.journalProblems)).toEqual([]);
  // the store gets the recovered record too
  await page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.saver.flush());
  const values = (await stored(page))!;
  expect(values['title']).toBe('青山镇人大主席团2024年4月份例会');
  expect(values['place']).toBe('镇人大办公室');
  expect(values['startTime']).toBe('2024-04-26T09:00');
  expect(values['chair']).toEqual({ id: 'deputies-1', name: '张建国' });
  expect((values['present'] as { name: string }[]).map((p) => p.name)).toEqual(ATTENDEES);
  expect((values['agenda'] as { topic: string }[]).map((a) => a.topic)).toEqual(AGENDA);
  expect(values['votes']).toEqual(VOTES);
  // and on screen
  await expect.poll(() => input(page, 'title').inputValue()).toBe('青山镇人大主席团2024年4月份例会');
  expect(await page.locator('[data-field="present"] .lvz-chip').count()).toBe(30);
  expect(await page.locator('[data-field="presentCount"] output').textContent()).toBe('30 人');
  for (let i = 0; i < 5; i++) expect(await page.locator(`input[name="agenda.${i}.topic"]`).inputValue()).toBe(AGENDA[i]);
  for (let i = 0; i < 3; i++) {
    expect(await page.locator(`input[name="votes.${i}.item"]`).inputValue()).toBe(VOTES[i]!.item);
    expect(await page.locator(`input[name="votes.${i}.inFavour"]`).inputValue()).toBe(String(VOTES[i]!.inFavour));
  }
  expect(await page.locator('[data-field="votes"] td[data-column="result"] output').allTextContents()).toEqual(['通过', '通过', '未通过']);
}

/** Kills the page's renderer with the DevTools protocol (as an out-of-memory crash would). */
async function crash(context: import('playwright-core').BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise<boolean>((resolve) => { page.once('crash', () => resolve(true)); setTimeout(() => resolve(false), 15_000); });
  void cdp.send('Page.crash').catch(() => undefined);
  expect(await crashed).toBe(true);
  await expect(page.evaluate(() => 1)).rejects.toThrow();
}

describe('meeting record on IndexedDB', () => {
  it('survives tab crashes and a reload before the debounce, with 30 attendees, 5 agenda items and 3 votes', async () => {
    const context = await app.browser.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await open(page);

    await input(page, 'title').fill('青山镇人大主席团2024年4月份例会');
    await input(page, 'startTime').fill('2024-04-26T09:00');
    await input(page, 'place').click();
    await page.keyboard.type('镇人大办公室');
    // chair: pick from the roster by pinyin initials
    await input(page, 'chair').click();
    await page.keyboard.type('zjg');
    await page.waitForSelector('[data-field="chair"] [role=option]');
    await page.keyboard.press('Enter');
    // 30 attendees, keyboard only: name, Enter
    const present = page.locator('[data-field="present"] input[role=combobox]');
    await present.click();
    for (const name of ATTENDEES) {
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
    }
    // 5 agenda items: Enter in the last row adds the next row
    await page.locator('input[name="agenda.0.topic"]').click();
    for (let i = 0; i < AGENDA.length; i++) {
      await page.keyboard.type(AGENDA[i]!);
      if (i < AGENDA.length - 1) {
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`agenda.${i + 1}.topic`);
      }
    }
    // 3 votes
    const addVote = page.locator('[data-field="votes"] .lvz-add');
    for (let i = 0; i < VOTES.length; i++) {
      await addVote.click();
      const v = VOTES[i]!;
      await page.locator(`input[name="votes.${i}.item"]`).fill(v.item);
      for (const k of ['inFavour', 'against', 'abstain'] as const) await page.locator(`input[name="votes.${i}.${k}"]`).fill(String(v[k]));
    }
    // Nothing has been written to IndexedDB yet: the debounce (4 s) has not fired.
    expect(await stored(page)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.saver.dirty)).toBe(true);
    await screenshot(page, 'form-meeting-panel');

    // 1. the renderer crashes inside the debounce pause: no page-hide flush can run
    await crash(context, page);
    const again = await context.newPage();
    await open(again);
    expect(await again.evaluate(() => (window as unknown as Lvzhi).__lvzhi.state.recovered)).toEqual(expect.arrayContaining(['agenda', 'chair', 'place', 'present', 'startTime', 'title', 'votes']));
    await expectEverything(again);

    // 2. more typing, then a reload before the debounce fires
    await input(again, 'discussion').click();
    await again.keyboard.type('会议通报了镇政府一季度重点工作完成情况。');
    expect((await stored(again))!['discussion']).toBeUndefined();
    await again.reload();
    await again.waitForSelector('body[data-ready="1"]');
    await expectEverything(again);
    expect(await input(again, 'discussion').inputValue()).toBe('会议通报了镇政府一季度重点工作完成情况。');

    // 3. typing, crash at once (the journal alone has it), reopen
    await input(again, 'distribution').fill('');
    await again.keyboard.type('各代表小组、镇政府办公室');
    expect((await stored(again))!['distribution']).not.toBe('各代表小组、镇政府办公室');
    await crash(context, again);
    const third = await context.newPage();
    await open(third);
    expect(await third.evaluate(() => (window as unknown as Lvzhi).__lvzhi.state.recovered)).toEqual(['distribution']);
    await expectEverything(third);
    expect(await input(third, 'distribution').inputValue()).toBe('各代表小组、镇政府办公室');
    expect((await stored(third))!['discussion']).toBe('会议通报了镇政府一季度重点工作完成情况。');
    // once the store has the save, the journal is cleared
    expect(await third.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lvzhi:journal')))).toEqual([]);
    await context.close();
  });

  it('without the journal, a crash inside the pause does lose the typing (the test can fail)', async () => {
    const context = await app.browser.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const u = app.site.url(`/index.html?form=presidium-monthly&rid=nojournal&db=nojournal&delay=${DELAY}&journal=0`);
    await page.goto(u);
    await page.waitForSelector('body[data-ready="1"]');
    await input(page, 'title').fill('不会保存的标题');
    await crash(context, page);
    const again = await context.newPage();
    await again.goto(u);
    await again.waitForSelector('body[data-ready="1"]');
    expect(await input(again, 'title').inputValue()).toBe('');
    await context.close();
  });

  it('renders accessibly in English at full page width: labels, aria-invalid and error text tied to the field', async () => {
    const context = await app.browser.browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.site.url('/index.html?form=presidium-monthly&rid=a11y&lang=en&db=a11y'));
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.getByLabel('Meeting title').count()).toBe(1);
    const end = page.getByLabel('Ends at');
    await page.getByLabel('Starts at').fill('2024-04-26T10:00');
    await end.fill('2024-04-26T09:00');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    const errId = (await end.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`[id="${errId}"]`).textContent()).toBe('The end must be after the start');
    // Tab order follows the form: title → starts at
    await page.getByLabel('Meeting title').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('startTime');
    // the table layout at full width is a real table with headers
    expect(await page.locator('[data-field="agenda"] thead').isVisible()).toBe(true);
    await screenshot(page, 'form-meeting-page-en');
    await context.close();
  });
});
