// Unit tests: fast, no browser. `npx vitest run --config tests/vitest.unit.config.ts`
// The json report path is also read by tests/scripts/run-tests.mjs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/harness/**/*.test.ts', 'extension/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-unit.json' }]],
  },
});
