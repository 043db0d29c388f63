#!/usr/bin/env node
// `npm start`: build the packs and the extension, validate the built-in packs, and say what was
// built and how to load it into Chrome/Chromium. Chinese first, English after.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(extensionDir, '..');
const buildDir = join(extensionDir, 'build', 'chrome-mv3-prod');

function run(command, args, cwd) {
  console.log(`\n$ ${[command, ...args].join(' ')}   (in ${cwd})`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  return r.status ?? 1;
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

如何加载到 Chrome / Chromium：
  1. 打开 chrome://extensions
  2. 打开右上角“开发者模式”
  3. 点击“加载已解压的扩展程序”，选择上面的扩展目录
  4. 在扩展详情中打开“扩展程序选项”，可看到已安装的内置表单包及校验结果

目前只有设置页（内置表单包列表）。演示门户和操作演练尚未包含，
将随“扩展”功能的 issue 一起提供。

English: the extension is built in ${buildDir}.
Load it at chrome://extensions → Developer mode → "Load unpacked". Its options page lists
the built-in packs and their validation result. The demo portal and the walkthrough are not
here yet: they arrive with the extension issue.
========================================================================`);
process.exit(validateStatus === 0 ? 0 : 1);
