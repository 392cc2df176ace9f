/// <reference lib="dom" />
/**
 * The editions in a real Chromium, opened from disk as a reader would: no axe-core
 * violations, notes and back-links and the language switch work, nothing scrolls
 * sideways on a phone or a desktop.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { projectRoot } from '../../scripts/project.js';
import { axeViolations } from '../axe.js';
import { buildFixture } from '../helpers.js';

let session: BrowserSession;
/** The builds' temporary output folders, removed at the end. */
const outputRoots: string[] = [];
let sampleDir: string;
let fixtureDir: string;

beforeAll(async () => {
  session = await launchBrowser();
  const sample = await buildFixture(path.join(projectRoot, 'manuscript', '2026-3'), ['html']);
  const fixture = await buildFixture(undefined, ['html']);
  outputRoots.push(sample.outputRoot, fixture.outputRoot);
  sampleDir = sample.outputDir;
  fixtureDir = fixture.outputDir;
});

afterAll(async () => {
  await session?.close();
  await Promise.all(outputRoots.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function open(file: string, width = 1280) {
  const { page, blocked } = await session.openPage(path.dirname(path.dirname(path.dirname(file))));
  await page.setViewport({ width, height: 800 });
  await page.goto(fileUrl(file), { waitUntil: 'load' });
  return { page, blocked };
}

const pages = ['html/en/index.html', 'html/hu/index.html', 'html/parallel.html'];

describe('editions in Chromium', () => {
  it.each(
    pages.flatMap((page) => [
      ['2026-3', page],
      ['2099-1', page],
    ]),
  )('%s %s: axe-core finds no violations', async (issue, page) => {
    const { page: tab, blocked } = await open(path.join(issue === '2026-3' ? sampleDir : fixtureDir, page));
    expect(await axeViolations(tab)).toEqual([]);
    expect(blocked).toEqual([]);
    await tab.close();
  });

  it('follows a note reference to its note and back, and switches language', async () => {
    const { page } = await open(path.join(sampleDir, 'html/en/index.html'));
    await page.click('a.noteref[href="#note-2"]');
    expect(await page.evaluate(() => location.hash)).toBe('#note-2');
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toMatch(
      /^2\. U\.S\. Relations With the Republic of Korea/,
    );
    await page.click('#note-2 a[role="doc-backlink"]');
    expect(await page.evaluate(() => location.hash)).toBe('#noteref-2');
    const inView = await page.evaluate(() => {
      const box = document.querySelector('#noteref-2')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang="hu"]')]);
    expect(page.url()).toMatch(/\/html\/hu\/index\.html$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hu');
    expect(await page.evaluate(() => document.querySelectorAll('aside[role="doc-footnote"]').length)).toBe(26);
    await page.close();
  });

  it.each(
    pages.flatMap((page) => [
      [page, 375],
      [page, 1280],
    ]),
  )('%s at %i px has no horizontal scrolling', async (page, width) => {
    const { page: tab } = await open(path.join(sampleDir, page), width);
    await tab.evaluate(() => document.fonts.ready);
    const overflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await tab.close();
  });

  it('loads its fonts, which have ő and ű', async () => {
    const { page } = await open(path.join(sampleDir, 'html/hu/index.html'));
    // document.fonts.check() is true when no face claims a character at all: ask instead
    // which faces were loaded, and whether one of each family covers ő (U+0151) and ű (U+0171).
    const covered = await page.evaluate(async () => {
      await document.fonts.ready;
      const covers = (range: string, code: number) =>
        range.split(',').some((part) => {
          const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
          return code >= parseInt(from, 16) && code <= parseInt(to, 16);
        });
      return ['Source Serif 4', 'Source Sans 3'].map((family) =>
        [0x151, 0x171].every((code) =>
          [...document.fonts].some(
            (face) =>
              face.family.replace(/"/g, '') === family && face.status === 'loaded' && covers(face.unicodeRange, code),
          ),
        ),
      );
    });
    expect(covered).toEqual([true, true]);
    await page.close();
  });
});
