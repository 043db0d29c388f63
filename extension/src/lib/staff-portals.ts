/**
 * Which pages get the in-page launcher. Pure (no chrome.*), tested in staff-portals.test.ts.
 *
 * The launcher is not declared in the manifest: the background registers it at run time
 * (`chrome.scripting.registerContentScripts`) for the match patterns of the enabled packs'
 * portal mappings plus the portals the user added, and only for those the extension holds a
 * host permission for. Everything else gets nothing.
 */

/** The content script the build writes next to manifest.json (scripts/build-content.mjs). */
export const LAUNCHER_SCRIPT = 'lvzhi-launcher.js';
/** The id of the run-time registration. */
export const LAUNCHER_ID = 'lvzhi-launcher';
/**
 * The MAIN-world helper (src/inpage/page-world.ts, built by scripts/build-content.mjs): reaches
 * the framework state of a radio group for undo. Not registered: the background injects it into
 * the portal tab when the launcher asks, right before a fill.
 */
export const PAGE_WORLD_SCRIPT = 'lvzhi-page-world.js';
/** The launcher's request for that injection (runtime message from the content script). */
export const PAGE_WORLD_INJECT = 'lvzhi.pageWorld.inject';
/** chrome.storage.local key: the portals the user added, as match patterns. */
export const USER_PORTALS_KEY = 'lvzhi.portals';

const SCHEMES = new Set(['http', 'https']);

/**
 * A Chrome match pattern for web pages: `http(s)://host[:port]/path*`. The host may start
 * with `*.`; `<all_urls>` and a bare `*` host are refused: the launcher never goes everywhere.
 */
export function isPortalPattern(pattern: string): boolean {
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, hostPort, path] = m;
  if (!scheme || !SCHEMES.has(scheme) || !path || !hostPort) return false;
  const hm = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:]+\])(?::(\d{1,5}|\*))?$/i.exec(hostPort);
  if (!hm) return false;
  const host = hm[2] ?? '';
  if (hm[1] && !host.includes('.')) return false; // "*.com" is too broad
  return true;
}

/**
 * The pattern that covers one page's site: `http://127.0.0.1:5173/any/page` →
 * `http://127.0.0.1:5173/*`. Undefined for what is not an http(s) address.
 */
export function sitePattern(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.protocol}//${url.host}/*`;
}

/**
 * Accepts what a person types: a match pattern (with a `*`), or an address or bare site name,
 * which stands for its whole site (`oa.example.gov.cn/rd/x.aspx` → `http://oa.example.gov.cn/*`).
 */
export function patternFromInput(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (text.includes('*')) return isPortalPattern(text) ? text : undefined;
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `http://${text}`;
  return sitePattern(withScheme);
}

/**
 * The host permission a pattern needs. Chrome's permission patterns ignore ports, so the port
 * is dropped (`http://127.0.0.1:5173/x/*` → `http://127.0.0.1/*`).
 */
export function permissionOrigin(pattern: string): string {
  const m = /^(https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return pattern;
  const host = (m[2] ?? '').replace(/:(\d+|\*)$/, '');
  return `${m[1]}://${host}/*`;
}

interface PackLike {
  portals?: ReadonlyArray<{ match: readonly string[] }> | undefined;
}

/** The match patterns of the portal mappings of the given (enabled) packs. */
export function packPortalPatterns(packs: readonly PackLike[]): string[] {
  return packs.flatMap((p) => p.portals ?? []).flatMap((m) => [...m.match]);
}

/**
 * The patterns the launcher is registered for: valid portal patterns from packs, policy and
 * the user, deduplicated and sorted (so an unchanged set is recognised), and only those whose
 * host permission `granted` says the extension holds.
 */
export function launcherMatches(sources: ReadonlyArray<readonly string[]>, granted: (origin: string) => boolean): string[] {
  const all = new Set<string>();
  for (const list of sources) for (const p of list) if (isPortalPattern(p)) all.add(p);
  return [...all].filter((p) => granted(permissionOrigin(p))).sort();
}

/** Whether two sorted lists hold the same patterns. */
export function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Whether a Chrome match pattern matches an address (scheme, host with `*.`, port, path with `*`). */
export function matchesPattern(pattern: string, address: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const [, scheme, hostPort = '', path = '/*'] = m;
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hp = /^(.*?)(?::(\d+|\*))?$/.exec(hostPort);
  const host = hp?.[1] ?? '';
  const port = hp?.[2];
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  if (port !== undefined && port !== '*' && url.port !== port && !(url.port === '' && port === (protocol === 'https' ? '443' : '80'))) return false;
  const re = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(url.pathname + url.search);
}

/** chrome.storage.managed key of the policy's allowed portals (issue 13 part 4). */
export const ALLOWED_PORTALS_POLICY = 'allowedPortals';

/**
 * Whether the managed policy's `allowedPortals` admits a launcher pattern: every address the
 * pattern matches must be matched by one allowed pattern. An empty list (no policy) admits all.
 * Checked on the pattern's narrowest address (path before its first `*`); a wildcard host is
 * admitted only by an allowed pattern with that same wildcard host.
 */
export function withinAllowedPortals(pattern: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, hostPort = '', path = '/'] = m;
  if (hostPort.includes('*')) return allowed.some((a) => a.startsWith(`${scheme}://${hostPort}/`) && withinPath(path, a.slice(`${scheme}://${hostPort}`.length)));
  const probe = `${scheme}://${hostPort}${path.split('*')[0] ?? '/'}`;
  return allowed.some((a) => matchesPattern(a, probe) && withinPath(path, /^[^:]+:\/\/[^/]+(\/.*)$/.exec(a)?.[1] ?? '/'));
}

function withinPath(path: string, allowedPath: string): boolean {
  const prefix = allowedPath.split('*')[0] ?? '';
  return path.startsWith(prefix);
}
