#!/usr/bin/env node
// After `plasmo build`: bundle the in-page launcher (src/inpage/launcher.ts) with esbuild under a
// fixed name, `lvzhi-launcher.js`, next to manifest.json. The background registers it at run
// time for the allowed portals only (chrome.scripting.registerContentScripts), so it is not in
// the manifest and Plasmo's hashed, statically declared content scripts are not used.
// Then make the test build (build/chrome-mv3-test): the same files, with host permission for
// http://127.0.0.1 granted at install, because headless Chromium cannot click a permission prompt.
// Prints the bundle size; fails when PDF or font code got into the content script.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const prodDir = join(extensionDir, 'build', 'chrome-mv3-prod');
const testDir = join(extensionDir, 'build', 'chrome-mv3-test');
if (!existsSync(join(prodDir, 'manifest.json'))) {
  console.error(`build-content: ${prodDir}/manifest.json missing: run plasmo build first`);
  process.exit(1);
}

/** One in-page script: a minified IIFE for the browsers the extension supports. */
const buildInpage = (entry, outfile) => build({
  entryPoints: [join(extensionDir, 'src', 'inpage', entry)],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome109'],
  platform: 'browser',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const out = join(prodDir, 'lvzhi-launcher.js');
const result = await buildInpage('launcher.ts', out);
const inputs = Object.keys(result.metafile.inputs);
const forbidden = inputs.filter((p) => /pdf-lib|fontkit|noto-serif|noto-sans|pkijs|asn1js|\/shared\/src\/pdf\/|\/zod\/|react-dom/.test(p));
if (forbidden.length > 0) {
  console.error(`build-content: the content script must not carry PDF, font, zod or React code:\n  ${forbidden.join('\n  ')}`);
  process.exit(1);
}
// The MAIN-world helper (src/inpage/page-world.ts): reads and restores the framework model of a
// radio group for undo; the background injects it into the page's own JavaScript world on request.
const pageWorldOut = join(prodDir, 'lvzhi-page-world.js');
await buildInpage('page-world.ts', pageWorldOut);
console.log(`build-content: lvzhi-page-world.js ${(statSync(pageWorldOut).size / 1024).toFixed(1)} KB minified`);
const size = statSync(out).size;
writeFileSync(join(extensionDir, 'build', 'content-script-meta.json'), JSON.stringify({ bytes: size, inputs: inputs.length }, null, 2));
console.log(`build-content: lvzhi-launcher.js ${(size / 1024).toFixed(1)} KB minified (${inputs.length} modules)`);

// The minutes fonts (SIL OFL 1.1, TrueType outlines: see toolchain-facts), the same three the
// CLI uses — Noto Serif SC regular (body) and bold (labels, title), Noto Sans SC bold (headings) —
// so panel and CLI minutes look alike; only the panel fetches them, never a portal page.
mkdirSync(join(prodDir, 'fonts'), { recursive: true });
for (const [pkg, file, name] of [
  ['noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC-Regular.ttf'],
  ['noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
  ['noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
]) {
  cpSync(join(extensionDir, '..', 'node_modules', '@expo-google-fonts', pkg, file), join(prodDir, 'fonts', name));
}

rmSync(testDir, { recursive: true, force: true });
cpSync(prodDir, testDir, { recursive: true });
const manifest = JSON.parse(readFileSync(join(testDir, 'manifest.json'), 'utf8'));
manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'])];
manifest.name = `${manifest.name} (test build)`;
writeFileSync(join(testDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`build-content: test build with http://127.0.0.1 pre-granted in ${testDir}`);
