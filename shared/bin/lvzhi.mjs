#!/usr/bin/env node
// The `lvzhi` command runs the TypeScript sources directly through tsx, so that `npx lvzhi`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// `lvzhi schema | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
const { main } = await import('../src/node/cli.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
