/**
 * The server's web pages in real Chromium: a 承办单位 user signs in, accepts the suggestion
 * assigned to the unit and answers it in the shared FormView (no extension); the office
 * makes a rating link with its QR code; the deputy opens the link on a phone-sized screen and
 * rates the reply. The record's history and the audit chain show every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LvzhiRecord } from '@lvzhi/shared';
import type { RunningServer } from '@lvzhi/shared/server';
import { launchChromium, screenshot, type PlainBrowser } from '../harness/browser.ts';
import { adminClient, changeId, Databases, HttpClient, pairedClient, startTestServer, suggestion, userClient } from './harness.ts';

const dbs = new Databases();
let server: RunningServer;
let browser: PlainBrowser;
let staff: HttpClient;
let rec: LvzhiRecord;

beforeAll(async () => {
  server = await startTestServer(dbs, 'pglite');
  const admin = await adminClient(server);
  staff = await userClient(server, admin, { username: 'zhangmin', displayName: '张敏', role: 'staff' });
  await admin.post('/api/accounts', { username: 'jiansheban', displayName: '周海涛', role: 'unit', unit: '青山镇村镇建设办公室', password: 'jiansheban-password' });
  const ext = await pairedClient(server, staff);
  rec = suggestion({ title: '关于修复柳河村至青山村油路的建议' });
  await ext.post('/api/sync/push', { changes: [{ changeId: changeId(), baseRevision: null, record: rec }] });
  for (const [transition, patch] of [['classify', undefined], ['assign', { number: '青人建〔2024〕3号', handlingUnit: '青山镇村镇建设办公室', assignDate: '2024-03-28' }]] as const) {
    const r = await staff.post(`/api/records/${rec.id}/step`, { transition, ...(patch ? { patch } : {}) });
    if (r.status !== 200) throw new Error(r.text);
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dbs.close();
}, 60_000);

describe('office server pages', () => {
  it('a unit answers on the web page and the deputy rates by link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/unit`);
    await page.getByLabel('用户名').fill('jiansheban');
    await page.getByLabel('密码').fill('jiansheban-password');
    await page.getByRole('button', { name: '登录' }).click();
    const card = page.locator(`section[data-record="${rec.id}"]`);
    await card.getByRole('heading', { name: '关于修复柳河村至青山村油路的建议' }).waitFor();
    await card.getByRole('button', { name: '签收' }).click();
    await page.getByRole('status').filter({ hasText: '已签收' }).waitFor();
    await card.getByRole('button', { name: '答复代表' }).click();
    await card.getByLabel('承办人', { exact: true }).fill('周海涛');
    await card.getByLabel('答复日期').fill('2024-05-20');
    await card.getByLabel('B类：列入计划逐步解决').check();
    await card.getByLabel('答复内容').fill('已列入今年道路维修计划，7月底前完成坑槽修补。');
    await card.getByRole('button', { name: '提交：答复代表' }).click();
    await page.getByRole('status').filter({ hasText: '已答复代表' }).waitFor();
    await screenshot(page, 'server-unit-replied');

    // the office makes the rating link
    const office = await browser.newPage();
    await office.goto(`${server.url}/office`);
    await office.getByLabel('用户名').fill('zhangmin');
    await office.getByLabel('密码').fill('zhangmin-password');
    await office.getByRole('button', { name: '登录' }).click();
    await office.locator(`tr[data-record="${rec.id}"]`).getByRole('button', { name: '生成测评链接' }).click();
    const link = office.locator('[data-rating-link] a');
    await office.getByRole('img', { name: '测评二维码' }).waitFor();
    const url = (await link.getAttribute('href'))!;
    await screenshot(office, 'server-office');

    // the deputy on a phone
    const phone = await browser.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const deputy = await phone.newPage();
    await deputy.goto(url);
    await deputy.getByText('已列入今年道路维修计划').waitFor();
    await screenshot(deputy, 'server-rate-mobile');
    await deputy.getByRole('button', { name: '基本满意' }).click();
    await deputy.getByRole('status').filter({ hasText: '已提交：基本满意' }).waitFor();
    await phone.close();

    const final = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(final.json.record.workflow!.state).toBe('rated');
    expect(final.json.record.values['satisfaction']).toBe('基本满意');
    expect(final.json.record.values['handlerName']).toBe('周海涛');
    expect(final.json.record.workflow!.history.map((h) => h.actor)).toEqual(['张敏', '张敏', '周海涛', '周海涛', '王建国']);
  });
});
