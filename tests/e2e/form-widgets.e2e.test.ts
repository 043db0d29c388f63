/**
 * The widgets a clerk uses with the pointer or a file chooser, in headless Chromium on the real
 * IndexedDB store, in a 420 px side panel: a signature drawn with the pointer on the signature
 * pad (stored as a PNG data URL with the signer and the time), a file attached and photos added
 * (setInputFiles), and a rating matrix rated with the keyboard only. Each is saved and found
 * again after a reload.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from '../harness/browser.ts';
import { useFormApp } from '../fixtures/form-app/serve.ts';

const app = useFormApp('form-widgets');

type Lvzhi = { __lvzhi: { saver: { flush(): Promise<void> }; engine: { getValues(): Record<string, unknown> }; store: { get(id: string): Promise<{ values: Record<string, unknown> } | undefined> } } };
const newContext = (): Promise<BrowserContext> => app.browser.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 420, height: 900 } });
async function open(page: Page, form: string, rid: string): Promise<void> {
  await page.goto(app.site.url(`/index.html?form=${form}&rid=${rid}&db=${rid}&delay=800`));
  await page.waitForSelector('body[data-ready="1"]');
}
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
}
/** The record as IndexedDB holds it (after writing what is pending). */
const stored = (page: Page, rid: string) => page.evaluate(async (id) => {
  const l = (window as unknown as Lvzhi).__lvzhi;
  await l.saver.flush();
  return (await l.store.get(id))?.values;
}, rid);
/** Dark pixels of a PNG data URL, counted in the page. */
const inkOf = (page: Page, dataUrl: string) => page.evaluate(async (src) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d')!;
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i]! > 128 && d[i - 1]! < 100) ink++;
  return ink;
}, dataUrl);

// A 1×1 PNG and a small PDF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('form widgets in the side panel', () => {
  it('a signature drawn with the pointer is stored as a PNG with signer and time, and a file is attached; both survive a reload', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, 'presidium-monthly', 'widgets-sign');
    // the chair signs; the signer comes from the chair field
    await page.locator('[data-field="chair"] input').click();
    await page.keyboard.type('zjg');
    await page.waitForSelector('[data-field="chair"] [role=option]');
    await page.keyboard.press('Enter');
    const pad = page.locator('[data-field="chairSignature"] canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    // 张 — a few strokes with the pointer
    const strokes: Array<Array<[number, number]>> = [
      [[0.15, 0.3], [0.35, 0.3], [0.35, 0.55], [0.18, 0.55], [0.2, 0.8], [0.4, 0.8]],
      [[0.5, 0.2], [0.5, 0.85]],
      [[0.6, 0.3], [0.8, 0.25]], [[0.55, 0.5], [0.85, 0.5]], [[0.6, 0.55], [0.85, 0.85]],
    ];
    for (const s of strokes) {
      await page.mouse.move(box.x + s[0]![0] * box.width, box.y + s[0]![1] * box.height);
      await page.mouse.down();
      for (const [x, y] of s.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 6 });
      await page.mouse.up();
    }
    const sig = await page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.engine.getValues()['chairSignature']) as { image: string; signer: string; signedAt: string };
    expect(sig.image).toMatch(/^data:image\/png;base64,/);
    expect(sig.signer).toBe('张建国');
    expect(sig.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Math.abs(Date.parse(sig.signedAt) - Date.now())).toBeLessThan(60_000);
    expect(await inkOf(page, sig.image)).toBeGreaterThan(200);

    // meeting materials: a PDF and a photo through the file chooser
    const files = page.locator('[data-field="attachments"] input[type=file]');
    await files.setInputFiles([{ name: '会议议程.pdf', mimeType: 'application/pdf', buffer: PDF }, { name: '现场.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-field="attachments"] li').count()).toBe(2);
    await screenshot(page, 'form-widgets-signature');

    await reload(page);
    const values = (await stored(page, 'widgets-sign'))!;
    expect(values['chairSignature']).toEqual(sig);
    const att = values['attachments'] as Array<{ name: string; type: string; size: number; data: string }>;
    expect(att.map((a) => [a.name, a.type, a.size])).toEqual([['会议议程.pdf', 'application/pdf', PDF.length], ['现场.png', 'image/png', PNG.length]]);
    expect(Buffer.from(att[0]!.data.split(',')[1]!, 'base64').equals(PDF)).toBe(true);
    // on screen: the signature image with who signed and when, the files by name
    const img = page.locator('[data-field="chairSignature"] img');
    expect(await img.getAttribute('alt')).toBe('签名人 张建国');
    expect(await img.getAttribute('src')).toBe(sig.image);
    expect(await page.locator('[data-field="chairSignature"] figcaption').textContent()).toBe(`张建国 · ${sig.signedAt.slice(0, 16).replace('T', ' ')}`);
    expect(await page.locator('[data-field="attachments"] li span').allTextContents()).toEqual(['会议议程.pdf（1 KB）', '现场.png（1 KB）']);
    // signing again replaces the image
    await page.getByRole('button', { name: '重新签名' }).first().click();
    expect(await page.locator('[data-field="chairSignature"] canvas').count()).toBe(1);
    await context.close();
  });

  it('photos are added with the file chooser, shown as thumbnails and kept after a reload', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, 'deputy-activity', 'widgets-photo');
    const chooser = page.locator('[data-field="photos"] input[type=file]');
    expect(await chooser.getAttribute('accept')).toBe('image/*');
    await chooser.setInputFiles([{ name: '调研1.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-field="photos"] img.lvz-thumb').count()).toBe(1);
    await chooser.setInputFiles([{ name: '调研2.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-field="photos"] img.lvz-thumb').count()).toBe(2);
    await reload(page);
    const photos = (await stored(page, 'widgets-photo'))!['photos'] as Array<{ name: string; data: string }>;
    expect(photos.map((p) => p.name)).toEqual(['调研1.png', '调研2.png']);
    expect(photos[0]!.data).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(await page.locator('[data-field="photos"] img.lvz-thumb').evaluateAll((xs) => xs.map((x) => [(x as HTMLImageElement).alt, (x as HTMLImageElement).naturalWidth]))).toEqual([['调研1.png', 1], ['调研2.png', 1]]);
    // removing one is saved too
    await page.getByRole('button', { name: '删除 调研1.png' }).click();
    await reload(page);
    expect(((await stored(page, 'widgets-photo'))!['photos'] as Array<{ name: string }>).map((p) => p.name)).toEqual(['调研2.png']);
    await context.close();
  });

  it('in an English browser a Chinese form shows dates year first, reads 2024年5月14日, refuses 05/14/2024 aloud, and its file chooser speaks Chinese', async () => {
    // An English Chrome: its own date box would show 05/14/2024 and its file input "Choose File / No file chosen".
    const context = await app.browser.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await open(page, 'presidium-monthly', 'widgets-dates');
    const values = () => page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.engine.getValues());
    const start = page.locator('[data-field="startTime"] input');
    expect(await start.getAttribute('type')).toBe('text');
    expect(await start.getAttribute('placeholder')).toBe('2024-05-14 09:00');
    await start.fill('2024年5月14日 下午3:30');
    await expect.poll(async () => (await values())['startTime']).toBe('2024-05-14T15:30');
    await start.blur();
    expect(await start.inputValue()).toBe('2024-05-14 15:30');
    // Month-first text is not guessed at: the value is cleared and the box says why.
    await start.fill('05/14/2024 09:00');
    await expect.poll(async () => (await values())['startTime']).toBeUndefined();
    expect(await page.locator('[data-field="startTime"] .lvz-date-problem').textContent()).toMatch(/无法识别的日期.*2024-05-14 09:00/);
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    await start.fill('2024-05-14 09:00');
    await expect.poll(async () => (await values())['startTime']).toBe('2024-05-14T09:00');
    expect(await page.locator('[data-field="startTime"] .lvz-date-problem').count()).toBe(0);
    // A value set from elsewhere (a fill, last month's record) is shown year first too.
    await page.evaluate(() => (window as unknown as { __lvzhi: { engine: { setValue(id: string, v: unknown): void } } }).__lvzhi.engine.setValue('endTime', '2024-05-14T11:30'));
    await expect.poll(() => page.locator('[data-field="endTime"] input').inputValue()).toBe('2024-05-14 11:30');
    // The file chooser: 选择文件 / 未选择文件, then the chosen file's name.
    const files = page.locator('[data-field="attachments"]');
    expect(await files.locator('label').first().textContent()).toBe('选择文件');
    expect(await files.locator('.lvz-file-chosen').textContent()).toBe('未选择文件');
    expect(await files.textContent()).not.toMatch(/Choose File|No file chosen/);
    await files.locator('input[type=file]').setInputFiles([{ name: '会议议程.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await expect.poll(() => files.locator('.lvz-file-chosen').textContent()).toBe('会议议程.pdf');
    await screenshot(page, 'form-widgets-dates-en-browser');
    await context.close();
  });

  it('a rating matrix is rated with the keyboard only, totals update, and the marks survive a reload', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await open(page, 'appraisal-survey', 'widgets-matrix');
    const matrix = page.locator('[data-field="ratings"]');
    // Tab into the matrix from the field before it, then per criterion: Space marks 优秀 (5),
    // ArrowRight moves down the scale; Tab goes to the next criterion.
    const wanted = [5, 4, 4, 3, 5];
    await page.locator('[data-field="ratings"] input[type=radio]').first().focus();
    for (const [i, mark] of wanted.entries()) {
      await page.keyboard.press('Space');
      for (let k = 0; k < 5 - mark; k++) await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
      if (i < wanted.length - 1) await page.keyboard.press('Tab');
    }
    const criteria = ['lawfulAdministration', 'serviceAttitude', 'efficiency', 'integrity', 'rectification'];
    const expected = Object.fromEntries(criteria.map((c, i) => [c, wanted[i]]));
    expect(await page.evaluate(() => (window as unknown as Lvzhi).__lvzhi.engine.getValues()['ratings'])).toEqual(expected);
    expect(await matrix.locator('.lvz-summary').textContent()).toBe('合计 21 / 25；平均 4.20');
    expect(await page.locator('[data-field="total"] output').textContent()).toContain('21');
    await screenshot(page, 'form-widgets-matrix');

    await reload(page); // before the debounce has fired
    expect((await stored(page, 'widgets-matrix'))!['ratings']).toEqual(expected);
    const checked = await matrix.locator('input[type=radio]:checked').evaluateAll((xs) => xs.map((x) => x.getAttribute('aria-label')));
    expect(checked).toEqual(['优秀 5', '良好 4', '良好 4', '一般 3', '优秀 5']);
    expect(await matrix.locator('.lvz-summary').textContent()).toBe('合计 21 / 25；平均 4.20');
    await context.close();
  });
});
