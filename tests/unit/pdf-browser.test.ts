// The signing core must run in the extension too: bundle @lvzhi/shared/pdf for the browser
// (esbuild, platform browser — a Node import would fail the bundle) and sign, countersign,
// import a legacy .p12 and verify inside headless Chromium; pdfsig checks the result.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDir, type PlainBrowser, type StaticServer } from '../harness/browser.ts';
import { opensslP12, pdfsig, repoRoot, samplePdf, tempDir, write } from '../fixtures/pdf/helpers.ts';

const tmp = tempDir('lvzhi-pdf-browser-');
let browser: PlainBrowser | undefined;
let site: StaticServer | undefined;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(repoRoot, 'shared/src/pdf/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(tmp.file('pdf.js'), bundle.outputFiles[0]!.contents);
  writeFileSync(tmp.file('index.html'), '<!doctype html><meta charset="utf-8"><title>pdf</title>');
  writeFileSync(tmp.file('input.pdf'), await samplePdf());
  const legacy = opensslP12(tmp.dir, 'legacy', { alg: 'RSA', legacy: true, password: 'pw', subject: '/C=CN/O=青山镇人大主席团/CN=李秀英' });
  writeFileSync(tmp.file('legacy.bin'), readFileSync(legacy.p12));
  site = await serveDir(tmp.dir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  tmp.cleanup();
});

describe('@lvzhi/shared/pdf in Chromium', () => {
  it('the browser bundle has no Node built-ins', () => {
    const code = readFileSync(tmp.file('pdf.js'), 'utf8');
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/require\(["'](fs|crypto|path|buffer)["']\)/);
    for (const f of readdirSync(path.join(repoRoot, 'shared/src/pdf')).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(path.join(repoRoot, 'shared/src/pdf', f), 'utf8'), f).not.toMatch(/from '(node:|fs|path|crypto)|Buffer\./);
    }
  });

  it('generates a non-extractable ECDSA key, signs, countersigns with a legacy .p12, and verifies', async () => {
    const page = await browser!.newPage();
    await page.goto(site!.url('/index.html'));
    // a string, not a function: vitest would rewrite a dynamic import() inside a function
    const script = `(async () => {
      const pdf = await import(${JSON.stringify(site!.url('/pdf.js'))});
      const get = async (p) => new Uint8Array(await (await fetch(p)).arrayBuffer());
      const chair = await pdf.generateSigner({ subject: { commonName: '张建国', organization: '青山镇人大主席团' }, algorithm: 'ECDSA' });
      const one = await pdf.signPdf(await get('/input.pdf'), { signer: chair, reason: '主持人确认' });
      const recorder = await pdf.importPkcs12(await get('/legacy.bin'), 'pw');
      const two = await pdf.signPdf(one, { signer: recorder, reason: '记录人确认' });
      const report = await pdf.verifyPdf(two);
      let bin = '';
      for (const b of two) bin += String.fromCharCode(b);
      return {
        node: typeof process !== 'undefined',
        extractable: [chair.privateKey.extractable, recorder.privateKey.extractable],
        ok: report.ok,
        sigs: report.signatures.map((s) => [s.signer, s.valid, s.changesAfter]),
        base64: btoa(bin),
      };
    })()`;
    const result = (await page.evaluate(script)) as { node: boolean; extractable: boolean[]; ok: boolean; sigs: unknown[]; base64: string };
    expect(result.node).toBe(false);
    expect(result.extractable).toEqual([false, false]);
    expect(result.ok).toBe(true);
    expect(result.sigs).toEqual([
      ['张建国', true, 'later-signatures'],
      ['李秀英', true, 'nothing'],
    ]);
    const file = write(tmp.file('browser-signed.pdf'), new Uint8Array(Buffer.from(result.base64, 'base64')));
    expect(pdfsig(file).signatures.map((s) => [s.valid, s.total])).toEqual([
      [true, false],
      [true, true],
    ]);
  });
});
