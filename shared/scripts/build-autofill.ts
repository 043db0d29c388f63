/**
 * Builds shared/dist/lvzhi-autofill.js: the autofill engine for pages outside the extension,
 * as one IIFE script that sets `window.Lvzhi`, with the validated built-in packs inside.
 * Run by `npm run build -w @lvzhi/shared`.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadPaths } from '../src/node/load.ts';
import { validatePackSet } from '../src/core/validate-pack.ts';

const shared = fileURLToPath(new URL('..', import.meta.url));
const repo = join(shared, '..');
const loaded = await loadPaths([join(repo, 'forms', 'packs')], repo);
const packs = validatePackSet(loaded.documents.filter((d) => d.kind === 'pack').map((d) => ({ json: d.json, source: d.source }))).packs;
if (packs.length === 0) throw new Error('no valid built-in pack found under forms/packs');
const out = join(shared, 'dist', 'lvzhi-autofill.js');
await build({
  entryPoints: [join(shared, 'src', 'dom', 'autofill', 'standalone.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  define: { __LVZHI_BUILTIN_PACKS__: JSON.stringify(packs) },
  outfile: out,
});
console.log(`wrote ${out} (${packs.length} packs)`);
