/**
 * Library files a test page loads as script tags, copied into its build's dist/vendor: from a
 * package installed in the workspace, or from a registry tarball (`npm pack` of an exact
 * version, cached and extracted in the build's .cache/, gitignored) for libraries that cannot be
 * installed beside the workspace's own (Vue 2 next to Vue 3, Ant Design Vue 1 next to 4) or are
 * only wanted for their dist files (DevExtreme). The adapter fixtures
 * (tests/fixtures/adapters/build.ts) and the evaluation portals (tests/eval/portals/build.ts)
 * both vendor this way.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** [path inside the package, path under the destination]; a folder is copied whole. */
export type VendorCopy = readonly [from: string, to: string];

export type VendorSource =
  /** An exact `name@version` from the npm registry. */
  | { pack: string; copy: readonly VendorCopy[] }
  /** A package installed in the workspace (resolved from `resolveFrom`). */
  | { installed: string; copy: readonly VendorCopy[] };

export interface VendorOptions {
  /** Where the files go (dist/vendor). */
  dest: string;
  /** Where tarballs are kept and extracted (needed when a source is packed). */
  cache?: string;
  /** A folder whose node_modules (and its parents') hold the installed sources. */
  resolveFrom?: string;
}

/** The file `npm pack name@version` writes: `name-version.tgz`, a scope's `@` dropped and its `/` a `-`. */
export function tarballName(spec: string): string {
  const m = /^(@[a-z0-9._~-]+\/[a-z0-9._~-]+|[a-z0-9._~-]+)@(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/i.exec(spec);
  if (!m) throw new Error(`vendor: ${spec} is not an exact name@version (the cached tarball is found by its name)`);
  return `${m[1]!.replace(/^@/, '').replace('/', '-')}-${m[2]}.tgz`;
}

/** Packs the tarballs not cached yet (one `npm pack`), extracts each once, returns each spec's package folder. */
function packed(specs: readonly string[], cache: string): Map<string, string> {
  mkdirSync(cache, { recursive: true });
  const missing = specs.filter((s) => !existsSync(join(cache, tarballName(s))));
  // (quiet: npm lists every file of every tarball as a notice, past execFileSync's buffer for a
  // package of thousands of files such as AdminLTE — ENOBUFS on a fresh clone)
  if (missing.length) execFileSync('npm', ['pack', ...missing, '--pack-destination', cache, '--loglevel', 'error'], { stdio: ['ignore', 'ignore', 'pipe'], cwd: cache, maxBuffer: 64 * 1024 * 1024 });
  const dirs = new Map<string, string>();
  for (const spec of specs) {
    const tgz = join(cache, tarballName(spec));
    if (!existsSync(tgz)) throw new Error(`vendor: npm pack ${spec} left no ${tgz}`);
    const dir = tgz.replace(/\.tgz$/, '');
    // package.json is checked, not the folder: an extraction cut short is done again
    if (!existsSync(join(dir, 'package.json'))) {
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1'], { stdio: 'inherit' });
    }
    dirs.set(spec, dir);
  }
  return dirs;
}

/** Copies every source's files into `dest`, packing and extracting the registry ones first. */
export function vendorFiles(sources: readonly VendorSource[], options: VendorOptions): void {
  const specs = sources.flatMap((s) => ('pack' in s ? [s.pack] : []));
  if (specs.length && !options.cache) throw new Error('vendor: packed sources need a cache folder');
  const dirs = specs.length ? packed(specs, options.cache!) : new Map<string, string>();
  const require = options.resolveFrom ? createRequire(join(options.resolveFrom, 'package.json')) : undefined;
  const root = (s: VendorSource): string => {
    if ('pack' in s) return dirs.get(s.pack)!;
    if (!require) throw new Error(`vendor: ${s.installed} is installed, but no resolveFrom was given`);
    return dirname(require.resolve(`${s.installed}/package.json`));
  };
  for (const s of sources) {
    const dir = root(s);
    for (const [from, to] of s.copy) {
      const target = join(options.dest, to);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(dir, from), target, { recursive: true });
    }
  }
}
