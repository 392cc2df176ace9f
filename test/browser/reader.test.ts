/// <reference lib="dom" />
/**
 * The pages as readers get them, in Chromium, opened from disk: the HTML editions, the
 * parallel edition and the downloads page of the sample and the fixture issue, each
 * loaded once and looked at 320, 375, 768 and 1280 px wide, light and dark: nothing
 * scrolls sideways, axe-core finds nothing (in the dark scheme, which changes only
 * colours, its rules of colour), note references are 24 × 24 px targets, on a
 * wide screen every note is beside its reference. The Nu Html Checker reads every page.
 * Notes open and close by mouse and by keyboard; without scripts the references lead
 * to the endnotes and back.
 */
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { stringifyHtml } from '../../scripts/output/html-shared.js';
import { editionFileName, htmlPageName, parallelPageName } from '../../scripts/output/file-names.js';
import { projectRoot } from '../../scripts/project.js';
import { renderDownloadsPage } from '../../scripts/release/downloads-page.js';
import type { Manifest } from '../../scripts/release/manifest.js';
import { sha256 } from '../../scripts/release/manifest.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { axeViolations, colourRules } from '../axe.js';
import { buildFixture } from '../helpers.js';

const widths = [320, 375, 768, 1280] as const;
const schemes = ['light', 'dark'] as const;
const pages = { en: htmlPageName('en'), hu: htmlPageName('hu'), parallel: parallelPageName, downloads: 'index.html' };
type PageName = keyof typeof pages;

let session: BrowserSession;
const outputRoots: string[] = [];
const issues: Record<string, string> = {};

/**
 * The downloads page a release of the build in `outputDir` would have, beside its `html/`
 * as in a release; the fixture's as a draft, with problems as long as a release's.
 */
async function writeDownloadsPage(outputDir: string, slug: string, issue: string, draft: boolean): Promise<void> {
  const languages = ['en', 'hu'] as const;
  const files: Manifest['files'] = [
    ...languages.map((lang) => ({ format: 'pdf' as const, mediaType: 'application/pdf', languages: [lang] })),
    ...languages.map((lang) => ({ format: 'epub' as const, mediaType: 'application/epub+zip', languages: [lang] })),
  ].map((file, index) => ({
    ...file,
    name: editionFileName(slug, file.languages[0] ?? 'en', file.format, { draft }),
    bytes: 180_000 + index * 61_234,
    sha256: sha256(`${slug} ${index}`),
  }));
  files.push({
    name: `jlaga-${slug}-html${draft ? '-draft' : ''}.zip`,
    format: 'html',
    mediaType: 'application/zip',
    languages: [...languages],
    bytes: 427_100,
    sha256: sha256(`${slug} html`),
  });
  const manifest: Manifest = {
    issue,
    slug,
    date: '2099-01-15',
    draft,
    languages: [...languages],
    series: { en: 'John Lukacs Analyses on Global Affairs', hu: 'John Lukacs Elemzések a Globális Ügyekről' },
    titles: { en: 'Testing Alliances: A Fixture Issue (1990–2099)', hu: 'Szövetségek próbája: tesztszám (1990–2099)' },
    authors: [{ en: 'Bálint Jurászik', hu: 'Jurászik Bálint' }],
    files,
    online: { editions: { en: htmlPageName('en'), hu: htmlPageName('hu') }, parallel: parallelPageName },
    tool: { name: 'jlaga-pipeline', version: '0.0.0' },
    ...(draft
      ? {
          problems: [
            'unconfirmed hu translation of #lead',
            'nu:error html/hu/index.html:120:14: Element “div” not allowed as child of element “span” in this context.',
          ],
        }
      : {}),
  };
  const page = renderDownloadsPage(manifest, loadLabels(languages), `jlaga-${slug}${draft ? '-draft' : ''}.zip`);
  await writeFile(path.join(outputDir, 'index.html'), stringifyHtml(page));
}

beforeAll(async () => {
  session = await launchBrowser();
  const [sample, fixture] = await Promise.all([
    buildFixture(path.join(projectRoot, 'manuscript', '2026-3'), ['html']),
    buildFixture(undefined, ['html']),
  ]);
  outputRoots.push(sample.outputRoot, fixture.outputRoot);
  issues['2026-3'] = sample.outputDir;
  issues['2099-1'] = fixture.outputDir;
  await writeDownloadsPage(sample.outputDir, '2026-3', '2026/3', false);
  await writeDownloadsPage(fixture.outputDir, '2099-1', '2099/1', true);
});

afterAll(async () => {
  await session?.close();
  await Promise.all(outputRoots.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function open(issue: string, name: PageName, width: number, options: { javaScript?: boolean } = {}) {
  const folder = issues[issue] ?? '';
  const { page, blocked } = await session.openPage(folder);
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  await page.setViewport({ width, height: 800 });
  await page.goto(fileUrl(path.join(folder, pages[name])), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, blocked };
}

/** Let the page lay itself out after a change of width or scheme (the side notes follow in a frame). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What is wrong with the page as it is now, beyond axe: sideways scrolling, small targets, side notes. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
    for (const reference of document.querySelectorAll<HTMLElement>('a[role="doc-noteref"]')) {
      const box = reference.getBoundingClientRect();
      if (box.width < 24 || box.height < 24)
        problems.push(`${reference.id} is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
    for (const frame of document.querySelectorAll<HTMLElement>('.table-scroll')) {
      if (frame.tabIndex !== 0 || !frame.getAttribute('aria-label'))
        problems.push('a table frame without focus or name');
      if (frame.getBoundingClientRect().right > root.clientWidth) problems.push('a table frame wider than the page');
    }
    if (root.classList.contains('has-sidenotes')) {
      const article = document.querySelector('main article')?.getBoundingClientRect();
      let previous = -Infinity;
      const sideNotes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
      if (sideNotes.length !== document.querySelectorAll('section.notes aside').length)
        problems.push('not every note has a side note');
      for (const sideNote of sideNotes) {
        const box = sideNote.getBoundingClientRect();
        const reference = document.querySelector(`#noteref-${sideNote.dataset.note ?? ''}`)?.getBoundingClientRect();
        if (!article || !reference) continue;
        if (box.left < article.right || box.right > root.clientWidth)
          problems.push(`side note ${sideNote.dataset.note} is not in the margin`);
        // Beside its reference, or as near below it as the notes before it allow.
        if (box.top < reference.top - 1 || (box.top > reference.top + 1 && box.top > previous + 13))
          problems.push(`side note ${sideNote.dataset.note} is ${box.top - reference.top} px from its reference`);
        if (box.top < previous) problems.push(`side note ${sideNote.dataset.note} overlaps the one before`);
        previous = box.bottom;
      }
    }
    return problems;
  });
}

describe('the pages readers open', () => {
  const cases = (Object.keys(pages) as PageName[]).flatMap((name) =>
    ['2026-3', '2099-1'].map((issue): [string, PageName] => [issue, name]),
  );
  it.each(cases)(
    '%s %s: at every width, light and dark, no sideways scrolling and no axe-core violation',
    async (issue, name) => {
      const { page, blocked } = await open(issue, name, widths[0]);
      const found: string[] = [];
      for (const width of widths) {
        for (const scheme of schemes) {
          await page.setViewport({ width, height: 800 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await settle(page);
          // A scheme changes colours only: in the dark one, axe's rules of colour (the page is the same else).
          const rules = scheme === 'light' ? undefined : colourRules;
          const problems = [...(await layoutProblems(page)), ...(await axeViolations(page, undefined, rules))];
          found.push(...problems.map((problem) => `${width} px ${scheme}: ${problem}`));
        }
      }
      expect(found).toEqual([]);
      expect(blocked).toEqual([]);
      await page.close();
    },
  );

  it('the Nu Html Checker finds no error and no warning in any page', async () => {
    const files = Object.values(issues).flatMap((folder) =>
      Object.values(pages).map((page) => path.join(folder, page)),
    );
    const problems = await checkHtml(files);
    expect(
      problems.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line ?? 0} ${message.reason}`)),
    ).toEqual([]);
  });
});

describe('notes', () => {
  /** The note the popover shows, whether it is open, and where the focus is. */
  const popoverState = (page: Page) =>
    page.evaluate(() => {
      const popover = document.querySelector('#note-popover');
      return {
        open: popover?.matches(':popover-open') ?? false,
        text: popover?.querySelector('.note-popover-body')?.textContent?.trim() ?? '',
        focus: document.activeElement?.id || document.activeElement?.className || '',
      };
    });

  it('on a phone, a tap or Enter opens a note at its reference, Escape or a tap elsewhere closes it', async () => {
    const { page } = await open('2026-3', 'en', 375);
    const reference = 'a#noteref-2';
    await page.click(reference);
    expect(await popoverState(page)).toEqual({
      open: true,
      text: expect.stringMatching(/^2\. U\.S\. Relations With the Republic of Korea/) as unknown,
      focus: 'note-popover',
    });
    expect(await page.$eval(reference, (link) => link.getAttribute('aria-expanded'))).toBe('true');
    // Beside the reference: just below its line, inside the screen.
    const [link, popover] = await page.$$eval(`${reference}, #note-popover`, (elements) =>
      elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(popover && link && popover.top - link.bottom).toBeGreaterThanOrEqual(0);
    expect(popover && link && popover.top - link.bottom).toBeLessThan(12);
    expect(popover && popover.left >= 0 && popover.right <= 375).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.keyboard.press('Escape');
    expect(await popoverState(page)).toMatchObject({ open: false, focus: 'noteref-2' });
    expect(await page.$eval(reference, (link) => link.getAttribute('aria-expanded'))).toBe('false');

    // By keyboard: Enter opens, the close button closes, the focus comes back.
    await page.focus('a#noteref-3');
    await page.keyboard.press('Enter');
    expect(await popoverState(page)).toMatchObject({ open: true, text: expect.stringMatching(/^3\. /) as unknown });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await popoverState(page)).toMatchObject({ open: false, focus: 'noteref-3' });

    // A tap elsewhere closes it, and leaves the focus where the tap put it.
    await page.click(reference);
    await page.mouse.click(5, 5);
    expect((await popoverState(page)).open).toBe(false);
    await page.close();
  });

  it('on a wide screen, notes are beside their references; a click marks one, Enter opens it', async () => {
    const { page } = await open('2026-3', 'hu', 1280);
    await settle(page);
    expect(await layoutProblems(page)).toEqual([]);
    const beside = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sidenote')].slice(0, 3).map((note) => {
        const reference = document.querySelector(`#noteref-${note.dataset.note ?? ''}`)?.getBoundingClientRect();
        return Math.round(note.getBoundingClientRect().top - (reference?.top ?? 0));
      }),
    );
    expect(beside).toEqual([0, 0, 0]);
    await page.click('a#noteref-2');
    expect(await page.$eval('.sidenote[data-note="2"]', (note) => note.classList.contains('is-current'))).toBe(true);
    expect((await popoverState(page)).open).toBe(false);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.focus('a#noteref-2');
    await page.keyboard.press('Enter');
    expect(await popoverState(page)).toMatchObject({ open: true, text: expect.stringMatching(/^2\. /) as unknown });
    await page.keyboard.press('Escape');
    expect(await popoverState(page)).toMatchObject({ open: false, focus: 'noteref-2' });
    await page.close();
  });

  it('without scripts, a reference leads to its endnote and the note back; the language switch works', async () => {
    const { page } = await open('2026-3', 'en', 1280, { javaScript: false });
    await page.click('a.noteref[href="#note-2"]');
    expect(await page.evaluate(() => location.hash)).toBe('#note-2');
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toMatch(
      /^2\. U\.S\. Relations With the Republic of Korea/,
    );
    await page.click('#note-2 a[role="doc-backlink"]');
    expect(await page.evaluate(() => location.hash)).toBe('#noteref-2');
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang="hu"]')]);
    expect(page.url()).toMatch(/\/html\/hu\/index\.html$/);
    expect(await page.evaluate(() => document.querySelectorAll('aside[role="doc-footnote"]').length)).toBe(26);
    await page.close();
  });
});

describe('fonts', () => {
  it('the editions load their fonts, which have ő and ű', async () => {
    const { page } = await open('2026-3', 'hu', 1280);
    // document.fonts.check() is true when no face claims a character at all: ask instead
    // which faces were loaded, and whether one of each family covers ő (U+0151) and ű (U+0171).
    const covered = await page.evaluate(() => {
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

describe('the parallel edition and the downloads page lead on', () => {
  it('the parallel page links each language’s edition and files, and its legend marks as the cells do', async () => {
    const { page } = await open('2099-1', 'parallel', 1280);
    const links = await page.$$eval('.edition-links a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['en/index.html', 'hu/index.html']);
    const bars = await page.evaluate(() =>
      ['confirmed', 'stale', 'unconfirmed', 'missing'].map((state) => {
        const legend = document.querySelector(`.legend .state-${state}`);
        const cell = document.querySelector(`.cell.state-${state}`) ?? legend;
        const colour = (element: Element | null) => (element ? getComputedStyle(element).borderLeftColor : '');
        return [state, colour(legend) === colour(cell)];
      }),
    );
    expect(bars).toEqual([
      ['confirmed', true],
      ['stale', true],
      ['unconfirmed', true],
      ['missing', true],
    ]);
    await page.close();
  });

  it('the downloads page is set in the house fonts and links each edition online', async () => {
    const { page } = await open('2026-3', 'downloads', 375);
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')),
    );
    expect(new Set(fonts)).toEqual(new Set(['Source Sans 3', 'Source Serif 4']));
    const online = await page.$$eval('.online a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(online).toEqual(['html/en/index.html', 'html/parallel.html', 'html/hu/index.html', 'html/parallel.html']);
    // A file is a block of a few lines on a phone, its checksum on the screen.
    const rows = await page.$$eval('.files li', (items) =>
      items.map((item) => {
        const code = item.querySelector('code')?.getBoundingClientRect();
        return { height: item.getBoundingClientRect().height, inside: (code?.right ?? 0) <= window.innerWidth };
      }),
    );
    for (const row of rows) expect(row).toEqual({ height: expect.any(Number) as unknown, inside: true });
    expect(Math.max(...rows.map((row) => row.height))).toBeLessThan(140);
    await page.close();
  });
});
