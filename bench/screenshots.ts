/// <reference lib="dom" />
/**
 * `npm run screenshots -- <folder>… [--out docs/screenshots] [--pages en,hu,parallel,downloads,home-en,home-hu]`:
 * what readers see, as PNGs to look at and to keep in the docs. A folder is an issue's
 * build (`output/2099-1`), release (`output/release/2026-3`, which adds its downloads
 * page) or the series' website (`output/site`, its homes: the second issue below the first screen). Each page is taken at 375 and 1280 px, light and dark, as one picture of two
 * screens: its first screen, and below it the screen a reader of the feature sees: an
 * edition page's table (when it has one) or a note (on a phone in its popover, on a
 * desktop beside the text), the parallel page's first table or second row of segments,
 * the downloads page's second language. Named `<issue>-<page>-<width>-<scheme>.png`, in 32 colours
 * (text on flat colours needs no more), which keeps each under about 100 kB.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as upngModule from '@pdf-lib/upng';
import type { Page } from 'puppeteer-core';
import { fileUrl, launchBrowser } from '../scripts/browser.js';

// The package is CommonJS with its functions on `exports.default`, which an ESM import
// puts one `default` deeper than its types (named exports) say.
type Upng = typeof upngModule;
const UPNG = (upngModule as unknown as { default: { default: Upng } }).default.default;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'docs/screenshots' }, pages: { type: 'string' } },
});
if (positionals.length === 0) {
  process.stderr.write(
    'Usage: npm run screenshots -- <build, release or site folder>… [--out <folder>] [--pages en,hu,parallel,downloads,home-en,home-hu]\n',
  );
  process.exit(2);
}

/** The pages of a folder, by name, that exist there. */
const pageFiles: Record<string, string> = {
  en: 'html/en/index.html',
  hu: 'html/hu/index.html',
  parallel: 'html/parallel.html',
  downloads: 'index.html',
  // The series' website (`output/site`): each language's home.
  'home-en': 'en/index.html',
  'home-hu': 'hu/index.html',
};
const wanted = values.pages?.split(',') ?? Object.keys(pageFiles);
const screens = [
  { width: 375, height: 720 },
  { width: 1280, height: 640 },
];
const schemes = ['light', 'dark'] as const;

const session = await launchBrowser();
try {
  await mkdir(values.out, { recursive: true });
  for (const folder of positionals) {
    const issue = path.basename(path.resolve(folder));
    for (const [name, file] of Object.entries(pageFiles)) {
      const page = path.join(folder, file);
      if (!wanted.includes(name) || !existsSync(page)) continue;
      for (const screen of screens) {
        for (const scheme of schemes) {
          const { page: tab, blocked } = await session.openPage(path.resolve(folder));
          await tab.setViewport({ ...screen, deviceScaleFactor: 1 });
          await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await tab.goto(fileUrl(page), { waitUntil: 'load' });
          await tab.evaluate(() => document.fonts.ready);
          const first = await tab.screenshot({ encoding: 'base64' });
          await showFeature(tab, name);
          const second = await tab.screenshot({ encoding: 'base64' });
          const out = path.join(values.out, `${issue}-${name}-${screen.width}-${scheme}.png`);
          await writeFile(out, await stack(tab, [first, second], screen, scheme));
          await tab.close();
          process.stdout.write(`${out}\n`);
          if (blocked.length > 0) process.stderr.write(`blocked: ${blocked.join(', ')}\n`);
        }
      }
    }
  }
} finally {
  await session.close();
}

/** Scroll to what the page is about, and open a note where that is how readers see it. */
async function showFeature(tab: Page, name: string): Promise<void> {
  if (name === 'en' || name === 'hu') {
    if (await tab.$('article .table-scroll')) {
      await scrollTo(tab, 'article .table-scroll', 0.3);
      return;
    }
    // A reference in the text, not the title's: the first of the second section.
    const reference = 'article .segment:nth-of-type(n + 4) a[role="doc-noteref"]';
    await scrollTo(tab, reference, 0.35);
    const wide = await tab.evaluate(() => document.documentElement.classList.contains('has-sidenotes'));
    if (wide) await tab.click(reference);
    else {
      await tab.focus(reference);
      await tab.keyboard.press('Enter');
    }
    return;
  }
  if (name.startsWith('home-')) {
    await scrollTo(tab, '.issue-list > li:nth-child(2)', 0.1);
    return;
  }
  if (name === 'parallel') {
    await scrollTo(tab, (await tab.$('.table-scroll')) ? '.table-scroll' : '.row:nth-of-type(4)', 0.2);
    return;
  }
  await scrollTo(tab, 'section + section', 0);
}

async function scrollTo(tab: Page, selector: string, fromTop: number): Promise<void> {
  await tab.evaluate(
    (target, share) => {
      const box = document.querySelector(target)?.getBoundingClientRect();
      if (box) window.scrollTo(0, box.top + window.scrollY - window.innerHeight * share);
    },
    selector,
    fromTop,
  );
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The two screens one above the other, parted by a rule, as one PNG. */
async function stack(
  tab: Page,
  images: readonly string[],
  screen: { width: number; height: number },
  scheme: string,
): Promise<Uint8Array> {
  const rule = 6;
  await tab.setViewport({ width: screen.width, height: screen.height * images.length + rule });
  await tab.setContent('<!doctype html><title>screens</title><body></body>', { waitUntil: 'load' });
  await tab.evaluate(
    async (sources, gap, background) => {
      document.body.style.cssText = `margin:0;background:${background}`;
      for (const source of sources) {
        const image = document.createElement('img');
        image.style.cssText = `display:block;margin-bottom:${gap}px`;
        image.src = `data:image/png;base64,${source}`;
        document.body.append(image);
        await image.decode();
      }
    },
    images,
    rule,
    scheme === 'dark' ? '#888888' : '#1d3461',
  );
  const height = screen.height * images.length + rule;
  const png = await tab.screenshot({ clip: { x: 0, y: 0, width: screen.width, height } });
  return fewerColours(png, 32);
}

/** The PNG again with a palette of `colours` (UPNG's quantizer), for a file a fraction of the size. */
function fewerColours(png: Uint8Array, colours: number): Uint8Array {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  return new Uint8Array(UPNG.encode(UPNG.toRGBA8(image), image.width, image.height, colours));
}
