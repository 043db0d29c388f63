// The system tools the test suites need, and what to do when some are missing.
// `planSystemSetup` is pure (tested in system-deps.test.ts); `probeSystem` looks at this machine.
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * Every tool the suites use, with the Debian package that provides it.
 * kind 'file': an executable at that exact path; 'data': a readable file at that path; 'command': found on PATH;
 * 'cjk-font': `fc-list :lang=zh` lists at least one font.
 */
export const SYSTEM_TOOLS = [
  { id: 'chromium', kind: 'file', path: '/usr/bin/chromium', pkg: 'chromium', why: 'browser tests (playwright-core drives it)' },
  { id: 'pdftotext', kind: 'command', pkg: 'poppler-utils', why: 'PDF text extraction' },
  { id: 'pdffonts', kind: 'command', pkg: 'poppler-utils', why: 'PDF font checks' },
  { id: 'pdftoppm', kind: 'command', pkg: 'poppler-utils', why: 'rendering PDF pages to pixels' },
  { id: 'pdfsig', kind: 'command', pkg: 'poppler-utils', why: 'PDF signature verification' },
  { id: 'qpdf', kind: 'command', pkg: 'qpdf', why: 'PDF structure checks' },
  { id: 'fc-list', kind: 'command', pkg: 'fontconfig', why: 'font lookup' },
  { id: 'cjk-font', kind: 'cjk-font', pkg: 'fonts-noto-cjk', why: 'Chinese text in screenshots and rendered pages' },
  { id: 'unzip', kind: 'command', pkg: 'unzip', why: 'reading the .docx minutes in tests' },
  { id: 'openssl', kind: 'command', pkg: 'openssl', why: 'test keys and PKCS#12 files for PDF signatures' },
  { id: 'postgresql', kind: 'file', path: '/usr/lib/postgresql/15/bin/initdb', pkg: 'postgresql', why: 'the office server suites run on a real PostgreSQL beside PGlite (tests/harness/postgres.ts)' },
  { id: 'dejavu-font', kind: 'data', path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core', why: 'a Latin-only TrueType font for missing-glyph tests' },
];

/**
 * Decides what to do from the probe results.
 * @param {{ found: Record<string, boolean>, isRoot: boolean, isDebian: boolean }} input
 *   found: tool id → present (a missing key counts as missing)
 * @returns {{ action: 'none' | 'install' | 'manual', missing: string[], packages: string[], commands: string[] }}
 *   'install': run `commands` now (root on Debian); 'manual': print `commands` and stop.
 */
export function planSystemSetup({ found, isRoot, isDebian }) {
  const missing = SYSTEM_TOOLS.filter((t) => found[t.id] !== true);
  const packages = [...new Set(missing.map((t) => t.pkg))];
  if (packages.length === 0) return { action: 'none', missing: [], packages: [], commands: [] };
  const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
  if (isRoot && isDebian) {
    return { action: 'install', missing: missing.map((t) => t.id), packages, commands: ['apt-get update', install] };
  }
  const commands = isDebian
    ? [`sudo apt-get update && sudo ${install}`]
    : [`# not Debian: install the equivalents of these Debian packages: ${packages.join(' ')}`];
  return { action: 'manual', missing: missing.map((t) => t.id), packages, commands };
}

function onPath(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks at this machine: tool id → present. */
export function probeSystem() {
  /** @type {Record<string, boolean>} */
  const found = {};
  for (const tool of SYSTEM_TOOLS) {
    if (tool.kind === 'file') found[tool.id] = isExecutable(tool.path);
    else if (tool.kind === 'data') found[tool.id] = existsSync(tool.path);
    else if (tool.kind === 'command') found[tool.id] = onPath(tool.id);
    else {
      const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
      found[tool.id] = r.status === 0 && r.stdout.trim() !== '';
    }
  }
  return found;
}

export function systemFacts() {
  return {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isDebian: existsSync('/etc/debian_version'),
  };
}

/**
 * The one check `npm test` and `npm start` both run: probe, install with apt-get when root on
 * Debian, probe again. Returns { ok, plan }; when not ok, `plan.commands` is the exact command
 * to run (printed by the caller). `run(command)` runs a shell command with inherited output.
 * @param {{ log: (line: string) => void, run: (command: string) => unknown }} io
 */
export function ensureSystemTools({ log, run }) {
  const facts = systemFacts();
  let plan = planSystemSetup({ found: probeSystem(), ...facts });
  if (plan.action === 'install') {
    log(`missing: ${plan.missing.join(', ')} → installing ${plan.packages.join(' ')}`);
    for (const command of plan.commands) run(command);
    plan = planSystemSetup({ found: probeSystem(), ...facts });
  }
  return { ok: plan.action === 'none', plan };
}
