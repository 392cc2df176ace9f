/**
 * The only module that touches puppeteer: it finds Chromium, launches it once per
 * build, lets a page load only the build's own files, and always closes it, even when
 * the program is stopped or killed.
 */
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { makeTemporaryFolder, onStop } from './cleanup.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';

/** A launched browser and a way to close it, once, whatever happens. */
export interface BrowserSession {
  browser: Browser;
  /** Open a page that may load only files under `allowedRoot` (and data: URLs). */
  openPage: (allowedRoot: string) => Promise<{ page: Page; blocked: string[] }>;
  close: () => Promise<void>;
}

/** How long a browser may take to close before it is killed. */
const closeTimeoutMs = 5_000;

/**
 * Launch Chromium headless.
 *
 * It dies with this process: puppeteer talks to it over a pipe, not a port, and
 * Chromium ends itself and its children when the pipe closes, so even a SIGKILL of
 * this process leaves no browser. Its profile is a temporary folder named with this
 * process's id, which the next run removes if this one could not. `close()` is
 * idempotent, and runs on SIGINT, SIGTERM and SIGHUP (see cleanup.ts).
 *
 * @returns the session; throws BrowserNotFoundError when there is no browser.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = findBrowser();
  if (!executablePath) throw new BrowserNotFoundError();
  const profile = await makeTemporaryFolder('chromium');
  const launching = puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    userDataDir: profile.path,
    // Signals are cleanup.ts's: puppeteer's own handler would end the program on SIGINT
    // at once, before the build's folders are removed.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // No sandbox when run as root (CI); no background traffic to the network.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      unregister();
      // A stop while Chromium starts waits for it: removing its profile under it would
      // leave the files it writes next.
      const browser = await launching.catch(() => undefined);
      if (browser) {
        const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, closeTimeoutMs, 'timeout').unref());
        const closed = await Promise.race([browser.close().catch(() => undefined), timer]);
        // A browser that does not close when asked is killed, with its process group.
        if (closed === 'timeout') killGroup(browser);
      }
      await profile.remove();
    })());
  const unregister = onStop(close);
  let browser: Browser;
  try {
    browser = await launching;
  } catch (error) {
    await close();
    throw error;
  }

  const openPage = async (allowedRoot: string) => {
    // A context of its own for every page: a renderer process of its own, whose
    // counters (the ids of the tagged PDF's structure elements) start afresh, so the
    // same page always prints the same bytes. Closing the page closes its context.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    const blocked: string[] = [];
    const root = path.resolve(allowedRoot) + path.sep;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || (url.startsWith('file:') && path.resolve(fileURLToPath(url)).startsWith(root))) {
        void request.continue();
      } else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    return { page, blocked };
  };
  return { browser, openPage, close };
}

function killGroup(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    // Puppeteer starts Chromium in a process group of its own.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The `file:` URL of a local file. */
export function fileUrl(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** A browser launched on first use and closed once: one browser for a whole build. */
export interface LazyBrowser {
  get: () => Promise<BrowserSession>;
  close: () => Promise<void>;
}

/** Make a lazy browser: nothing is launched until an edition needs printing. */
export function lazyBrowser(): LazyBrowser {
  let session: Promise<BrowserSession> | undefined;
  return {
    get: () => (session ??= launchBrowser()),
    close: async () => {
      if (session) await (await session.catch(() => undefined))?.close();
    },
  };
}
