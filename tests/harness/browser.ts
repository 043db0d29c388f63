/**
 * Browser-test harness: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
 * Never `playwright install`; there is no downloaded browser.
 *
 *   const site = await serveDir('tests/fixtures/portal');      // static files on 127.0.0.1
 *   const b = await launchChromium();                           // plain headless browser
 *   const page = await b.newPage(); await page.goto(site.url('/index.html'));
 *
 *   const ext = await launchWithExtension(EXTENSION_BUILD_DIR); // browser with the extension
 *   const options = await ext.context.newPage();
 *   await options.goto(ext.url('options.html'));                // chrome-extension://ID/options.html
 *   await screenshot(options, 'options');                       // test-results/screenshots/options.png
 *
 * Always `close()` what you open (in afterAll); each close is safe to call twice.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build` puts the unpacked extension. */
export const EXTENSION_BUILD_DIR = join(REPO_ROOT, 'extension', 'build', 'chrome-mv3-prod');
/**
 * The same build with http://127.0.0.1/* granted up front: headless Chromium cannot click the
 * permission prompt a user answers when adding a portal or subscribing to a pack URL.
 */
export const EXTENSION_TEST_BUILD_DIR = join(REPO_ROOT, 'extension', 'build', 'chrome-mv3-test');
/** Screenshots go here (gitignored with the rest of test-results/). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
/** The browser binary; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags every launch uses: no sandbox (root in a container), no GPU, nothing that phones home. */
export const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

// ---------------------------------------------------------------- static server

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + path: `url('/form.html')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` (GET/HEAD) on 127.0.0.1 at a random free port. `/` and directory
 * paths serve `index.html`; paths outside `dir` and missing files answer 404. No caching.
 */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`serveDir: not a directory: ${root}`);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    close: () => {
      closing ??= new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
      return closing;
    },
  };
}

// ---------------------------------------------------------------- browsers

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (npm test does it when run as root)`);
  }
}

export interface PlainBrowser {
  browser: Browser;
  /** A page in a fresh context (own cookies and storage). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Plain headless Chromium, no extension. */
export async function launchChromium(): Promise<PlainBrowser> {
  assertChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...COMMON_ARGS] });
  let closing: Promise<void> | undefined;
  return {
    browser,
    newPage: async () => (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage(),
    close: () => (closing ??= browser.close()),
  };
}

export interface ExtensionBrowser {
  /** The persistent context the extension is loaded in; open pages with `context.newPage()`. */
  context: BrowserContext;
  /** The 32-letter id Chromium gave the unpacked extension. */
  extensionId: string;
  /** The extension's background service worker (`serviceWorker.evaluate(() => chrome.storage…)`). */
  serviceWorker: Worker;
  /** `chrome-extension://ID/` + path: `url('options.html')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Headless Chromium with the unpacked extension in `extensionDir` (default: the built one), on
 * a fresh temporary profile that `close()` deletes. Needs an MV3 extension with a background
 * service worker: its URL gives the extension id.
 */
export async function launchWithExtension(extensionDir: string = EXTENSION_BUILD_DIR): Promise<ExtensionBrowser> {
  assertChromium();
  const dir = resolve(extensionDir);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`no extension at ${dir} (manifest.json missing): run npm run build first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'lvzhi-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      args: ['--headless=new', ...COMMON_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const ctx = context;
    let closing: Promise<void> | undefined;
    return {
      context: ctx,
      extensionId,
      serviceWorker,
      url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      close: () =>
        (closing ??= ctx.close().finally(() => rmSync(profile, { recursive: true, force: true }))),
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------- screenshots

/**
 * Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. `name`
 * is reduced to letters, digits, `-`, `_` and `.`.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'screenshot';
  const path = join(SCREENSHOT_DIR, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
