/**
 * One office in real Chromium: two extension profiles (the built test extension, two clerks'
 * browsers) paired with the office server in Settings → 同步到办公室服务器, and a 承办单位 user
 * on the server's web page. A suggestion registered in the first profile reaches the server,
 * is assigned, accepted and answered by the unit on /unit, rated by the deputy through the
 * rating link, and the second profile pulls it with the rating. Then both profiles edit the same
 * record while cut off from the server; after both sync, each offers both versions (服务器上的版本
 * and the other clerk's), the server holds both, and nothing typed is lost.
 * Each profile reaches the server through its own relay (`networkGate`), and "offline" is that
 * relay cut: Chromium's offline emulation did not always hold for the panel's fetch on CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LvzhiRecord } from '@lvzhi/shared';
import type { RunningServer } from '@lvzhi/shared/server';
import { launchWithExtension, screenshot, type ExtensionBrowser } from '../harness/browser.ts';
import { importRecords, TEST_BUILD_DIR } from '../e2e/extension-helpers.ts';
import { adminClient, Databases, HttpClient, networkGate, startTestServer, suggestion, userClient, type NetworkGate } from './harness.ts';

const dbs = new Databases();
let server: RunningServer;
let staff: HttpClient;
const profiles: Array<{ ext: ExtensionBrowser; panel: Page; gate: NetworkGate }> = [];
const rec: LvzhiRecord = suggestion({ title: '关于在青山村增设公交站点的建议', content: '村民进城需步行三公里，建议增设站点。' }, 'sug-office-e2e-1');

beforeAll(async () => {
  server = await startTestServer(dbs, 'pglite');
  const admin = await adminClient(server);
  staff = await userClient(server, admin, { username: 'zhangmin', displayName: '张敏', role: 'staff' });
  const unit = await admin.post('/api/accounts', { username: 'jiaotong', displayName: '李晓东', role: 'unit', unit: '青山镇交通管理站', password: 'jiaotong-password' });
  if (unit.status !== 201) throw new Error(unit.text);
  for (let i = 0; i < 2; i++) {
    const ext = await launchWithExtension(TEST_BUILD_DIR);
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html?view=records'));
    profiles.push({ ext, panel, gate: await networkGate(server.url) });
  }
}, 240_000);

afterAll(async () => {
  for (const p of profiles) { await p.ext.close(); await p.gate.close(); }
  await server?.close();
  await dbs.close();
}, 60_000);

/** Pairs a profile (through its relay) with the code the office page hands out (the staff account's). */
async function pair(panel: Page, via: NetworkGate): Promise<void> {
  const code = (await staff.post<{ code: string }>('/api/pairing-code')).json.code;
  await panel.getByTestId('tab-settings').click();
  const view = panel.getByTestId('sync-view');
  await view.getByTestId('sync-server').fill(via.url);
  await view.getByTestId('sync-code').fill(code);
  await view.getByTestId('sync-pair').click();
  await view.getByRole('status').filter({ hasText: '已配对并同步' }).waitFor({ timeout: 20_000 });
}

/**
 * 立即同步, done when the last-sync moment changes (the status line's text shows seconds only,
 * so two syncs in one second would read the same).
 */
async function syncNow(panel: Page): Promise<void> {
  await panel.getByTestId('tab-settings').click();
  const line = panel.getByTestId('sync-status');
  const before = await line.getAttribute('data-last-sync');
  await panel.getByTestId('sync-now').click();
  await expect.poll(async () => {
    const text = await line.textContent();
    if (text?.includes('上次出错')) throw new Error(`sync failed: ${text}`);
    return line.getAttribute('data-last-sync');
  }, { timeout: 20_000 }).not.toBe(before);
}

/** The outbox count as the settings page shows it (re-read on each visit). */
async function pending(panel: Page): Promise<string> {
  await panel.getByTestId('tab-records').click();
  await panel.getByTestId('tab-settings').click();
  return (await panel.getByTestId('sync-status').textContent()) ?? '';
}

/** Edits the record's content in the panel's editor and leaves it (leaving flushes the draft). */
async function editContent(panel: Page, id: string, content: string): Promise<void> {
  await panel.getByTestId('tab-records').click();
  await panel.locator(`[data-testid="record-row"][data-record-id="${id}"]`).getByTestId('record-edit').click();
  const editor = panel.getByTestId('record-editor');
  await editor.waitFor();
  await editor.locator('.lvz-form [data-field="content"] textarea').fill(content);
  await expect.poll(() => panel.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('草稿已保存');
  await panel.getByTestId('editor-back').click();
  await expect.poll(() => pending(panel), { timeout: 15_000 }).toContain('待上传 1 条');
}

describe('one office: two extensions, the server and a handling unit', () => {
  it('carries a suggestion from registration in one extension to the deputy\'s rating, seen in the other', async () => {
    const [a, b] = profiles as [typeof profiles[0], typeof profiles[0]];
    await pair(a.panel, a.gate);
    await pair(b.panel, b.gate);
    // registered in the first clerk's browser (brought in from a backup file, as after a move)
    await importRecords(a.panel, [rec]);
    await expect.poll(() => pending(a.panel), { timeout: 15_000 }).toContain('待上传 1 条');
    // each time Settings opens, the line shows the count read, never a placeholder: it used to
    // show 待上传 0 条 (and no last sync) while loading, about one read in twenty here — the
    // offline case once took that for a lost edit
    for (let i = 0; i < 20; i++) expect(await pending(a.panel)).toContain('待上传 1 条');
    await syncNow(a.panel);
    expect(await pending(a.panel)).toContain('待上传 0 条');
    const stored = await staff.get<{ record: LvzhiRecord; revision: number }>(`/api/records/${rec.id}`);
    expect(stored.status).toBe(200);
    expect(stored.json.record.values['title']).toBe('关于在青山村增设公交站点的建议');

    // the office assigns it to the unit
    for (const [transition, patch] of [['classify', undefined], ['assign', { number: '青人建〔2024〕7号', handlingUnit: '青山镇交通管理站', assignDate: '2024-03-28' }]] as const) {
      const r = await staff.post(`/api/records/${rec.id}/step`, { transition, ...(patch ? { patch } : {}) });
      expect(r.status, r.text).toBe(200);
    }

    // the unit accepts and answers on the server's page
    const web = await a.ext.context.newPage();
    await web.goto(`${server.url}/unit`);
    await web.getByLabel('用户名').fill('jiaotong');
    await web.getByLabel('密码').fill('jiaotong-password');
    await web.getByRole('button', { name: '登录' }).click();
    const card = web.locator(`section[data-record="${rec.id}"]`);
    await card.getByRole('heading', { name: '关于在青山村增设公交站点的建议' }).waitFor();
    await card.getByRole('button', { name: '签收' }).click();
    await web.getByRole('status').filter({ hasText: '已签收' }).waitFor();
    await card.getByRole('button', { name: '答复代表' }).click();
    await card.getByLabel('承办人', { exact: true }).fill('李晓东');
    await card.getByLabel('答复日期').fill('2024-05-20');
    await card.getByLabel('B类：列入计划逐步解决').check();
    await card.getByLabel('答复内容').fill('已在青山村口增设公交停靠站，6月1日起启用。');
    await card.getByRole('button', { name: '提交：答复代表' }).click();
    await web.getByRole('status').filter({ hasText: '已答复代表' }).waitFor();
    await web.close();

    // the deputy rates through the link the office made
    const link = await staff.post<{ url: string }>(`/api/records/${rec.id}/rating-link`);
    expect(link.status, link.text).toBe(200);
    const deputy = await b.ext.context.newPage();
    await deputy.goto(link.json.url);
    await deputy.getByText('已在青山村口增设公交停靠站').waitFor();
    await deputy.getByRole('button', { name: '满意', exact: true }).click();
    await deputy.getByRole('status').filter({ hasText: '已提交：满意' }).waitFor();
    await deputy.close();

    // the second clerk's browser pulls the rated suggestion
    await syncNow(b.panel);
    await b.panel.getByTestId('tab-records').click();
    const row = b.panel.locator(`[data-testid="record-row"][data-record-id="${rec.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId('record-edit').click();
    const editor = b.panel.getByTestId('record-editor');
    await expect.poll(() => editor.locator('.lvz-form [data-field="reply"] textarea').inputValue().catch(() => ''), { timeout: 10_000 }).toContain('增设公交停靠站');
    await b.panel.getByTestId('editor-back').click();
    const final = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(final.json.record.workflow!.state).toBe('rated');
    expect(final.json.record.values['satisfaction']).toBe('满意');
    // the first clerk's browser gets it too
    await syncNow(a.panel);
  }, 300_000);

  it('a record edited offline in both browsers ends with both versions offered, nothing lost', async () => {
    const [a, b] = profiles as [typeof profiles[0], typeof profiles[0]];
    const before = await staff.get<{ record: LvzhiRecord; revision: number }>(`/api/records/${rec.id}`);
    a.gate.cut();
    b.gate.cut();
    await editContent(a.panel, rec.id, '甲：建议同时增设候车亭。');
    await editContent(b.panel, rec.id, '乙：建议把站点设在村委会门口。');
    // cut off: 立即同步 fails, the edit stays queued, nothing reached the server
    await a.panel.getByTestId('sync-now').click();
    await expect.poll(() => a.panel.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toContain('上次出错');
    expect(await pending(a.panel)).toContain('待上传 1 条');
    const during = await staff.get<{ record: LvzhiRecord; revision: number }>(`/api/records/${rec.id}`);
    expect(during.json.revision).toBe(before.json.revision);
    a.gate.mend();
    b.gate.mend();

    await syncNow(a.panel); // first back: applied
    // applied, not refused (不能删除记录的办理流程): the edit started from the record as pulled,
    // with its workflow, not from the list's older copy
    expect(await a.panel.getByTestId('sync-view').locator('ul.bad').count()).toBe(0);
    expect(await pending(a.panel)).toContain('待上传 0 条');
    const applied = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(applied.json.record.values['content']).toBe('甲：建议同时增设候车亭。');
    await syncNow(b.panel); // second: its base is older, the server keeps both
    expect(await pending(b.panel)).toContain('待上传 0 条');
    await syncNow(a.panel); // the first browser learns of the conflict as well
    for (const p of [a.panel, b.panel]) {
      const conflict = p.locator(`[data-testid="sync-conflict"][data-record="${rec.id}"]`);
      await conflict.waitFor({ timeout: 10_000 });
      const text = (await conflict.textContent()) ?? '';
      expect(text).toContain('服务器上的版本');
      expect(text).toContain('甲：建议同时增设候车亭。');
      expect(text).toContain('乙：建议把站点设在村委会门口。');
      expect(await conflict.getByTestId('keep-server').count()).toBe(1);
      expect(await conflict.getByTestId('keep-theirs').count()).toBe(1);
    }
    await screenshot(b.panel, 'server-office-conflict');

    // the server holds both: the current version and the waiting one
    const cur = await staff.get<{ record: LvzhiRecord }>(`/api/records/${rec.id}`);
    expect(cur.json.record.values['content']).toBe('甲：建议同时增设候车亭。');
    expect(cur.json.record.workflow!.state).toBe('rated'); // the offline edit kept the workflow
    const pulled = await staff.get<{ conflicts: Array<{ recordId: string; theirs: LvzhiRecord }> }>('/api/sync/pull?since=0');
    const open = pulled.json.conflicts.filter((c) => c.recordId === rec.id);
    expect(open.map((c) => c.theirs.values['content'])).toEqual(['乙：建议把站点设在村委会门口。']);
  }, 300_000);
});
