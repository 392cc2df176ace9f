/**
 * Where a Chromium-based browser is installed. Kept apart from `browser.ts` (which
 * loads puppeteer) so that commands that only need to know, or to say that there is
 * none, start without loading it.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The standard places of Chromium, Chrome and Edge, in the order they are tried: the
 * distribution's Chromium first (what set-up installs), then the vendors' packages on
 * Linux, then the applications on macOS, system-wide and in the user's folder.
 */
export function browserCandidates(home = os.homedir()): string[] {
  const macApps = [
    'Google Chrome.app/Contents/MacOS/Google Chrome',
    'Chromium.app/Contents/MacOS/Chromium',
    'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ];
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
    ...macApps.map((app) => path.join('/Applications', app)),
    ...macApps.map((app) => path.join(home, 'Applications', app)),
  ];
}

/**
 * The browser's path: `PUPPETEER_EXECUTABLE_PATH` when set (and only then, so that a
 * wrong setting is not hidden by another browser), else the first standard place that
 * has one.
 */
export function findBrowser(candidates = browserCandidates()): string | undefined {
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
