/**
 * The only module that touches puppeteer: it finds Chromium, launches it once per
 * build, lets a page load only the build's own files, and always closes it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

/** Where a browser is looked for, in order. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Chromium's path: `PUPPETEER_EXECUTABLE_PATH`, Debian's chromium, or an installed Chrome. */
export function findBrowser(): string | undefined {
  const fromEnvironment = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  return candidates.find((candidate) => existsSync(candidate));
}

/** The one-line error of a missing browser, saying how to get one. */
export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'No Chromium found: run `npm run setup` (installs Debian’s chromium), or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** A launched browser and a way to close it, once, whatever happens. */
export interface BrowserSession {
  browser: Browser;
  /** Open a page that may load only files under `allowedRoot` (and data: URLs). */
  openPage: (allowedRoot: string) => Promise<{ page: Page; blocked: string[] }>;
  close: () => Promise<void>;
}

/** Launch Chromium headless; closed on `close()`, on process exit and on SIGINT/SIGTERM. */
export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = findBrowser();
  if (!executablePath) throw new BrowserNotFoundError();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
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
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser.close().catch(() => undefined);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void close().then(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

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
