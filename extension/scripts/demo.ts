/**
 * The walkthrough `npm start` runs after the build (run with tsx: `npx tsx extension/scripts/demo.ts`).
 *
 * Serves the test portals (tests/fixtures/portals) from 127.0.0.1 and opens Chromium with the
 * extension (the build that holds the 127.0.0.1 permission up front, so no prompt is needed) and
 * the built-in packs active, the portal site allowed.
 *   - With a display (DISPLAY or WAYLAND_DISPLAY set, and not --headless): a normal window with
 *     the portals and the panel open; it stays until the browser is closed.
 *   - Without one: the same walkthrough headless — fill the deputy profile, autofill two portals
 *     (Layui deputy page, Element Plus suggestion page), record a meeting, sign its minutes — and
 *     writes screenshots and the signed PDF to demo-output/, printing each step.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, serveDir } from '../../tests/harness/browser.ts';
import { buildPortals, PORTALS_DIR } from '../../tests/fixtures/portals/build.ts';
import { TEST_BUILD_DIR, allowPortal, exampleRecord, importRecords, launchProfile, tabIdOf, waitForLauncher } from '../../tests/e2e/extension-helpers.ts';

const FINAL_OUT = join(REPO_ROOT, 'demo-output');
// Written to a staging folder and swapped in only when the walkthrough succeeds: a failed run
// never deletes the previous demo output.
const OUT = join(REPO_ROOT, `.demo-output-${process.pid}`);
const DOCS = join(REPO_ROOT, 'extension', 'docs');
const headed = !process.argv.includes('--headless') && !!(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
const updateDocs = process.argv.includes('--update-docs');

let step = 0;
const say = (zh: string, en: string) => console.log(`\n${++step}. ${zh}\n   ${en}`);
const shots: string[] = [];
async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const path = join(OUT, `${name}.png`);
  // The form's sections are `content-visibility: auto`: those outside the viewport are not painted,
  // and a full-page screenshot showed them as empty boxes. Laid out fully for the picture only.
  await page.addStyleTag({ content: '*{content-visibility:visible !important}' });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  shots.push(path);
  console.log(`   → ${path}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(TEST_BUILD_DIR, 'manifest.json'))) throw new Error('扩展尚未构建 / the extension is not built: npm run build');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  process.on('exit', () => rmSync(OUT, { recursive: true, force: true }));
  say('构建演示门户', 'Building the demo portals (Element Plus, Ant Design, Layui, frameset)');
  await buildPortals();
  const site = await serveDir(PORTALS_DIR);
  console.log(`   演示门户 / demo portals: ${site.url('/layui.html')}  ${site.url('/element.html')}  ${site.url('/antd.html')}  ${site.url('/legacy/index.html')}`);

  const profile = mkdtempSync(join(tmpdir(), 'lvzhi-demo-'));
  const ext = await launchProfile(profile, TEST_BUILD_DIR, { headless: !headed });
  try {
    say('允许演示门户（运行时注册悬浮按钮）', `Allowing the demo portal site ${site.origin} (launcher registered at run time)`);
    await allowPortal(ext, site.origin);

    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 440, height: 900 });
    await panel.goto(ext.url('sidepanel.html?view=settings'));
    say('导入去年的记录（备份导入）', 'Importing last year\'s records through the panel\'s backup import');
    const examples = ['deputy-profile.json', 'suggestion.json', 'presidium-monthly.json', 'inspection.json'].map((f) => exampleRecord(`forms/examples/${f}`));
    await importRecords(panel, examples);
    console.log(`   ${await panel.getByTestId('backup-status').textContent()}`);

    if (headed) {
      const portal = await ext.context.newPage();
      await portal.goto(site.url('/layui.html'));
      await panel.goto(ext.url('sidepanel.html?view=records'));
      console.log('\n浏览器已打开：门户页右下角有“履职”悬浮按钮，面板在另一个标签页。关闭浏览器即结束。\nThe browser is open; close it to finish.');
      await new Promise<void>((ok) => ext.context.on('close', () => ok()));
      return;
    }

    say('填写代表信息（侧边面板表单）', 'Filling the deputy profile in the panel (the shared form renderer, saved as a draft while typing)');
    await panel.getByTestId('tab-records').click();
    const deputy = examples[0]!;
    await panel.locator(`[data-testid="record-row"][data-record-id="${deputy.id}"]`).getByTestId('record-edit').click();
    const editor = panel.getByTestId('record-editor');
    await editor.waitFor();
    const remarks = editor.locator('textarea[id$="-remarks"]');
    if (await remarks.count()) await remarks.first().fill('2024年3月起任青山镇第二代表小组组长。');
    await panel.getByTestId('save-state').filter({ hasText: '草稿已保存' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    await shot(panel, '01-panel-deputy-profile');
    await panel.getByTestId('record-complete').click();
    await panel.getByTestId('new-form').waitFor();

    const fills: Array<{ page: string; record: string; mapping: string | null; name: string }> = [
      { page: 'layui.html', record: deputy.id, mapping: 'deputy-profile-layui', name: 'layui' },
      { page: 'element.html', record: examples[1]!.id, mapping: 'suggestion-oa', name: 'element' },
    ];
    let n = 2;
    for (const f of fills) {
      say(`自动填写门户：${f.page}`, `Autofilling the ${f.name} portal: plan, fill, report`);
      const portal = await ext.context.newPage();
      await portal.setViewportSize({ width: 1100, height: 900 });
      await portal.goto(site.url(`/${f.page}`));
      await waitForLauncher(portal);
      const tabId = await tabIdOf(ext, portal);
      await panel.goto(ext.url(`sidepanel.html?tab=${tabId}&view=fill`));
      await panel.getByTestId('page-title').waitFor();
      await panel.getByTestId('fill-record').selectOption(f.record);
      if (f.mapping) await panel.getByTestId('fill-mapping').selectOption(f.mapping);
      await panel.getByTestId('autofill').click();
      await panel.getByTestId('fill-plan').waitFor();
      console.log(`   填写计划 / plan: ${await panel.getByTestId('plan-step').count()} 项`);
      await shot(panel, `0${n++}-panel-plan-${f.name}`);
      await panel.getByTestId('confirm-fill').click();
      await panel.getByTestId('fill-report').waitFor({ timeout: 60_000 });
      console.log(`   ${(await panel.getByTestId('report-filled').textContent()) ?? ''}`);
      await shot(portal, `0${n++}-portal-filled-${f.name}`);
      const submit = await portal.evaluate(() => (window as unknown as { __portal: { submit(): unknown } }).__portal.submit());
      console.log(`   门户自己的提交 / the portal's own submit: ${JSON.stringify(submit)}`);
      await portal.close();
    }

    say('记录一次会议（主席团月例会）', 'Recording a meeting (presidium monthly meeting) from last month\'s record');
    await panel.goto(ext.url('sidepanel.html?view=records'));
    await panel.getByTestId('new-form').selectOption('presidium-monthly');
    await panel.getByTestId('new-from-last').click();
    const meetingEditor = panel.getByTestId('record-editor');
    await meetingEditor.waitFor();
    const meetingId = await meetingEditor.getAttribute('data-record-id');
    const title = meetingEditor.locator('input[id$="-title"]');
    if (await title.count()) await title.first().fill('青山镇人大主席团2024年4月例会');
    // 会议时间 and 结束时间 are date-and-time boxes (DateInput): typed as a clerk writes them.
    await meetingEditor.locator('input[id$="-startTime"]').first().fill('2024-04-25 09:00');
    await meetingEditor.locator('input[id$="-endTime"]').first().fill('2024年4月25日 11:30');
    await meetingEditor.locator('input[id$="-documentDate"]').first().fill('2024-04-26');
    await panel.getByTestId('save-state').filter({ hasText: '草稿已保存' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    // The meeting's first screen (title, 会议时间 as typed, place), not 11,000 px of attendees.
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shot(panel, `0${n++}-panel-meeting`, { fullPage: false });
    // 完成: the record must be complete before its minutes can be issued.
    await panel.getByTestId('record-complete').click();
    await panel.getByTestId('new-form').waitFor({ timeout: 10_000 });

    say('生成并签署会议纪要', 'Making the minutes PDF and signing it with a key generated in the browser (non-extractable)');
    await panel.getByTestId('tab-minutes').click();
    const options = await panel.getByTestId('minutes-record').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (!meetingId || !options.includes(meetingId)) throw new Error('新记录的会议不在纪要列表中 / the recorded meeting is not listed for minutes');
    await panel.getByTestId('minutes-record').selectOption(meetingId);
    await panel.getByTestId('minutes-preview').click();
    await panel.getByTestId('minutes-status').filter({ hasText: /会议纪要已生成|纪要|错误|缺/ }).waitFor({ timeout: 60_000 });
    const status = (await panel.getByTestId('minutes-status').textContent()) ?? '';
    console.log(`   ${status}`);
    // No fallback: the demo shows the minutes of the meeting it recorded, or fails.
    if (!status.includes('会议纪要已生成')) throw new Error(`会议纪要未生成 / the minutes were not made: ${status}`);
    await panel.getByText('管理签名密钥').click();
    await panel.getByTestId('key-name').fill('张建国');
    await panel.getByTestId('key-create').click();
    await panel.getByTestId('minutes-status').filter({ hasText: '已生成签名密钥' }).waitFor({ timeout: 30_000 });
    // Headless Chromium draws no PDF viewer: the preview iframe is a dark box in a screenshot.
    // For the picture, the preview's own bytes (its blob URL) are rendered with pdftoppm and shown
    // over it, captioned as such; the iframe comes back right after.
    const frame = panel.getByTestId('minutes-frame');
    const previewBytes = Buffer.from(await frame.evaluate(async (f) => {
      const bytes = new Uint8Array(await (await fetch((f as HTMLIFrameElement).src)).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }), 'base64');
    const previewPdf = join(profile, 'preview.pdf');
    writeFileSync(previewPdf, previewBytes);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', previewPdf, join(profile, 'preview')]);
    const previewPng = `data:image/png;base64,${readFileSync(join(profile, 'preview.png')).toString('base64')}`;
    await frame.evaluate(async (f, src) => {
      const box = document.createElement('figure');
      box.id = 'demo-preview';
      box.style.cssText = 'margin:0';
      const img = document.createElement('img');
      img.src = src;
      img.alt = '纪要预览第 1 页';
      img.style.cssText = 'width:100%;border:1px solid #d0d7de;display:block';
      const cap = document.createElement('figcaption');
      cap.className = 'hint';
      cap.textContent = '预览第 1 页（演示截图：无头浏览器不显示 PDF 查看器，此处是同一 PDF 由 poppler 渲染）';
      box.append(img, cap);
      (f as HTMLElement).style.display = 'none';
      f.after(box);
      await img.decode();
    }, previewPng);
    await shot(panel, `0${n++}-panel-minutes`);
    await panel.evaluate(() => {
      document.getElementById('demo-preview')?.remove();
      const f = document.querySelector<HTMLElement>('[data-testid="minutes-frame"]');
      if (f) f.style.display = '';
    });
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('minutes-sign').click()]);
    const pdf = join(OUT, 'minutes-signed.pdf');
    await download.saveAs(pdf);
    console.log(`   → ${pdf}`);
    try {
      const out = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
      console.log(out.split('\n').filter((l) => /Signer|Signature Validation|Total document|Signing Time/.test(l)).map((l) => `   pdfsig:${l}`).join('\n'));
    } catch (e) {
      console.log(`   pdfsig: ${String((e as { stdout?: string }).stdout ?? e).split('\n').slice(0, 6).join(' ')}`);
    }
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, `0${n++}-minutes-page`)]);
    } catch (e) { throw new Error(`pdftoppm 无法渲染纪要 / pdftoppm could not render the minutes: ${(e as Error).message}`); }

    writeFileSync(join(OUT, 'README.txt'), `履职演示输出 / Lvzhi demo output\n${new Date().toISOString()}\n\n${shots.map((s) => s.replace(`${OUT}/`, '')).join('\n')}\nminutes-signed.pdf\n`);
    if (updateDocs) {
      mkdirSync(DOCS, { recursive: true });
      const page = join(OUT, `0${n - 1}-minutes-page-1.png`);
      for (const s of [...shots, page]) copyFileSync(s, join(DOCS, `demo-${s.slice(OUT.length + 1)}`));
      console.log(`\n截图已复制到 / screenshots copied to ${DOCS}`);
    }
    rmSync(FINAL_OUT, { recursive: true, force: true });
    renameSync(OUT, FINAL_OUT);
    console.log(`\n演示完成：截图与签名 PDF 在 ${FINAL_OUT}\nDone: screenshots and the signed PDF are in ${FINAL_OUT}`);
  } finally {
    await ext.close();
    await site.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`\n演示失败 / the walkthrough failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
