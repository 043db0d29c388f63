// Browser tests: real Chromium via playwright-core. Needs `npm run build` first (npm test does it).
// `npx vitest run --config tests/vitest.e2e.config.ts [FILTER]`
// The json report path is also read by tests/scripts/run-tests.mjs.
//
// Two files at a time (each file starts its own browser; the CI machine has two cores): the suite
// took 23 minutes one file at a time. Files that change what every Chromium on the machine sees
// (packs-managed writes a managed policy file under /etc/chromium) run afterwards, alone: the
// project `browser-alone` has a later `sequence.groupOrder`, so it starts when the rest is done.
// A failed test is run once more (`retry: 1`): on a loaded two-core machine a bounded wait of
// the engine's can run out once (a dropdown that did not open within its bound); a test that
// fails twice fails the run.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Files that must not run beside another browser (they change machine-wide Chromium policy). */
const ALONE = ['tests/e2e/packs-managed.e2e.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 1,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.e2e.test.ts', 'tests/security/**/*.e2e.test.ts', 'tests/server/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', ...ALONE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser-alone',
          include: ALONE,
          exclude: ['**/node_modules/**'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
