/**
 * Running the `lvzhi` command from tests, three ways:
 * - `lvzhiNpx(...)`: exactly as a user types it (`npx lvzhi …`), to prove the bin is linked;
 * - `lvzhiBin(...)`: the bin as a child process, without npx's start-up cost (exit codes,
 *   files written, what a crash would look like);
 * - `lvzhiInProcess(...)`: the dispatcher called directly (fast, for output details).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '@lvzhi/shared/node';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(repoRoot, 'shared/bin/lvzhi.mjs');
const run = promisify(execFile);

export interface CliResult { code: number; stdout: string; stderr: string }
export interface CliOptions { cwd?: string; env?: NodeJS.ProcessEnv }

async function spawn(file: string, args: string[], options: CliOptions): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

export function lvzhiNpx(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return spawn('npx', ['lvzhi', ...args], options);
}

export function lvzhiBin(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return spawn(process.execPath, [bin, ...args], options);
}

export async function lvzhiInProcess(args: string[], options: Pick<CliOptions, 'cwd'> = {}): Promise<CliResult> {
  let stdout = '', stderr = '';
  const code = await main(args, { cwd: options.cwd ?? repoRoot, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}
