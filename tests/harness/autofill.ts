/**
 * The standalone autofill bundle (`window.Lvzhi`) that the autofill browser tests inject into
 * fixture pages: one path and one way to build it when a test runs before `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './browser.ts';

export const AUTOFILL_BUNDLE = join(REPO_ROOT, 'shared', 'dist', 'lvzhi-autofill.js');

/** Builds shared/dist/lvzhi-autofill.js when it is not there yet. */
export function ensureAutofillBundle(): void {
  if (!existsSync(AUTOFILL_BUNDLE)) execFileSync('npx', ['tsx', join(REPO_ROOT, 'shared', 'scripts', 'build-autofill.ts')], { cwd: REPO_ROOT, stdio: 'inherit' });
}
