// Browser tests: real Chromium via playwright-core, one file at a time (the machine is small and
// each file starts its own browser). Needs `npm run build` first (npm test does it).
// `npx vitest run --config tests/vitest.e2e.config.ts`
// The json report path is also read by tests/scripts/run-tests.mjs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/security/**/*.e2e.test.ts', 'tests/server/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]],
  },
});
