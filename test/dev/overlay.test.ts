/// <reference lib="dom" />
/**
 * The live-reload client in Chromium: a manuscript error shows an accessible overlay
 * over the last good page, and the next good build reloads the page without it.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { startDevServer } from '../../scripts/dev/dev-server.js';
import type { DevServer } from '../../scripts/dev/dev-server.js';
import { axeViolations } from '../axe.js';
import { copyFixtureManuscript, locate, tempFolder } from '../helpers.js';

let session: BrowserSession;
let server: DevServer;
let manuscript: string;
/** The copy of the fixture and the output folder, removed at the end. */
const folders: string[] = [];

beforeAll(async () => {
  const { root, issue } = await copyFixtureManuscript();
  manuscript = path.join(issue, 'index.md');
  const outputRoot = await tempFolder('jlaga-dev-');
  folders.push(root, outputRoot);
  server = await startDevServer({ location: locate(issue), outputRoot, port: 0 });
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function edit(from: string, to: string): Promise<void> {
  await writeFile(manuscript, (await readFile(manuscript, 'utf8')).replace(from, to));
}

/** Wait (at most 15 s) until the overlay's dialog is open. */
async function overlayOpen(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-dev-overlay]')?.shadowRoot?.querySelector('dialog[open]') != null,
    { timeout: 15_000 },
  );
}

describe('the dev overlay in Chromium', () => {
  it('shows the errors over the last good page, and goes with the next good build', async () => {
    // The server is on localhost, which the pages of openPage may not load.
    const page = await session.browser.newPage();
    await page.goto(new URL('html/en/index.html', server.url).href, { waitUntil: 'load' });
    // Whether the page connects before the build fails or after, it is told.
    await edit(':::en{#lead .lead}', ':::en{#Lead .lead}');
    let broken = true;
    try {
      await overlayOpen(page);
      const overlay = await page.evaluate(() => {
        const root = document.querySelector('[data-dev-overlay]')?.shadowRoot;
        const dialog = root?.querySelector('dialog');
        return {
          role: dialog?.getAttribute('role'),
          label: dialog?.querySelector('h2')?.textContent,
          text: dialog?.textContent,
          focused: root?.activeElement?.textContent,
        };
      });
      expect(overlay.role).toBe('alertdialog');
      expect(overlay.label).toBe('2099-1: not rebuilt');
      expect(overlay.text).toMatch(/index\.md:48:\d+/);
      expect(overlay.text).toContain('invalid-id');
      expect(overlay.focused).toBe('Close');
      // The last good page is still there underneath.
      expect(await page.evaluate(() => document.querySelector('main')?.textContent)).toContain('In 1999');

      expect(await axeViolations(page, '[data-dev-overlay]')).toEqual([]);

      await Promise.all([
        page.waitForNavigation({ timeout: 15_000 }),
        edit(':::en{#Lead .lead}', ':::en{#lead .lead}'),
      ]);
      broken = false;
      expect(await page.evaluate(() => document.querySelector('[data-dev-overlay]'))).toBeNull();
    } finally {
      // Restored even when an assertion fails, or the next test would see the error.
      if (broken) await edit(':::en{#Lead .lead}', ':::en{#lead .lead}');
      await page.close();
    }
  });

  it('closes with its button', async () => {
    const page = await session.browser.newPage();
    await edit(':::en{#lead .lead}', ':::en{#Lead .lead}');
    try {
      await page.goto(new URL('html/en/index.html', server.url).href, { waitUntil: 'load' });
      // The page opened after the failure learns of it as it connects.
      await overlayOpen(page);
      const overlay = () => page.evaluate(() => document.querySelector('[data-dev-overlay]') !== null);
      expect(await overlay()).toBe(true);
      await page.keyboard.press('Enter');
      await page
        .waitForFunction(() => !document.querySelector('[data-dev-overlay]'), { timeout: 5_000 })
        .catch(() => undefined);
      expect(await overlay()).toBe(false);
    } finally {
      // Restored even when it fails, or every later test would see the error.
      await edit(':::en{#Lead .lead}', ':::en{#lead .lead}');
      await page.close();
    }
  });
});
