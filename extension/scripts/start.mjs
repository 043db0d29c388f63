#!/usr/bin/env node
// `npm start`: build the packs and the extension, validate the built-in packs, say how to load
// it, then run the walkthrough (scripts/demo.ts): demo portals served from 127.0.0.1 and
// Chromium with the extension — a window when there is a display, otherwise headless with
// screenshots and the signed minutes PDF written to demo-output/. Chinese first, English after.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemTools } from '../../tests/scripts/system-deps.mjs';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(extensionDir, '..');
const buildDir = join(extensionDir, 'build', 'chrome-mv3-prod');

function run(command, args, cwd) {
  console.log(`\n$ ${[command, ...args].join(' ')}   (in ${cwd})`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return r.status ?? 1;
}

// First the system tools the walkthrough needs (Chromium, poppler's pdfsig/pdftoppm, qpdf, a
// Chinese font — without one every label is a box): the same check and install as npm test.
{
  console.log('\n检查系统工具 / checking the system tools (chromium, poppler-utils, qpdf, fonts-noto-cjk)…');
  const { ok, plan } = ensureSystemTools({ log: (l) => console.log(l), run: (c) => spawnSync('sh', ['-c', c], { stdio: 'inherit' }) });
  if (!ok) {
    console.error(
      `\n缺少系统工具：${plan.missing.join('、')}（Debian 软件包：${plan.packages.join(' ')}）。请先运行以下命令，再运行 npm start：\n` +
        `missing system tools: ${plan.missing.join(', ')}. Run this, then npm start again:\n  ${plan.commands.join('\n  ')}`,
    );
    process.exit(1);
  }
}

if (run('npm', ['run', 'build'], extensionDir) !== 0) {
  console.error('\n构建失败，见上方输出。 / The build failed; see the output above.');
  process.exit(1);
}
const validateStatus = run('npx', ['lvzhi', 'validate', 'forms'], repo);

const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
const indexPath = join(repo, 'forms', 'dist', 'index.json');
const packs = existsSync(indexPath) ? JSON.parse(readFileSync(indexPath, 'utf8')) : [];

console.log(`
========================================================================
履职 Lvzhi 扩展 ${manifest.version} 已构建
  扩展目录：${buildDir}
  内置表单包（${packs.length} 个，来自 ${indexPath}）：`);
for (const p of packs) {
  console.log(`    - ${p.title}  ${p.id} ${p.version}  表单 ${Array.isArray(p.forms) ? p.forms.length : 0} 个`);
}
console.log(`  表单包校验：${validateStatus === 0 ? '通过' : '发现问题（见上方 lvzhi validate 的输出）'}

安装到自己的 Chrome / Chromium（109 及以上）：
  chrome://extensions → 打开“开发者模式” → “加载已解压的扩展程序” → 选择上面的扩展目录。
  工具栏的“履职”按钮（或 Alt+Shift+L）打开侧边面板；在“设置”中添加门户网站地址，
  该网站的页面右下角就会出现“履职”悬浮按钮（Alt+Shift+F 自动填写当前页面）。
English: load ${buildDir} at chrome://extensions (Developer mode → Load unpacked).
========================================================================`);

// The walkthrough: demo portals on 127.0.0.1 and Chromium with the extension; headless (with
// screenshots and the signed PDF in demo-output/) when there is no display.
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.argv.includes('--headless');
console.log(headless
  ? '\n没有图形界面：以无头模式运行演示（填写代表信息、自动填写两个门户、记录会议、签署纪要）。\nNo display: running the walkthrough headless.'
  : '\n打开 Chromium 演示（关闭浏览器即结束）。\nOpening Chromium with the extension (close it to finish).');
const demoStatus = run('npx', ['tsx', join(extensionDir, 'scripts', 'demo.ts'), ...process.argv.slice(2)], repo);
process.exit(validateStatus === 0 && demoStatus === 0 ? 0 : 1);
