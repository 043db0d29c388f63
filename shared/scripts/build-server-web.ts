/**
 * Builds shared/dist/server-web/app.js: the office server's browser pages (src/server/web),
 * React and the shared FormView in one script. `lvzhi serve` uses it when present and builds
 * it in memory otherwise. Run by `npm run build -w @lvzhi/shared`.
 */
import { fileURLToPath } from 'node:url';
import { buildWebBundle } from '../src/server/server.ts';

const out = fileURLToPath(new URL('../dist/server-web/app.js', import.meta.url));
const text = await buildWebBundle(out);
console.log(`wrote ${out} (${Math.round(text.length / 1024)} KB)`);
