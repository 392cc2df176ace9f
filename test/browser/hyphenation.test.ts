/**
 * Hyphenation of the HTML editions in a browser without a dictionary for the language
 * (this Chromium has none: `hyphens: auto` breaks nothing): Hyphenopoly hyphenates the
 * Hungarian page served over HTTP as the build's soft hyphens did, its English phrases by
 * the English patterns, the browser's find finds every hyphenated word, and a copy gives
 * whole words.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { projectRoot } from '../../scripts/project.js';
import { buildFixture } from '../helpers.js';

const require = createRequire(import.meta.url);
type Hyphenator = { hyphenateSync: (text: string) => string };
const englishPatterns = require('hyphen/en-gb') as Hyphenator;
const hungarianPatterns = require('hyphen/hu') as Hyphenator;

/** Where a word with soft hyphens may break: the number of letters before each. */
function breaks(hyphenated: string): number[] {
  const at: number[] = [];
  let letters = 0;
  for (const char of hyphenated) {
    if (char === '\u00ad') at.push(letters);
    else letters += 1;
  }
  return at;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

let session: BrowserSession;
let server: Server;
let origin: string;

beforeAll(async () => {
  const { outputDir } = await buildFixture(path.join(projectRoot, 'manuscript', '2026-3'), ['html']);
  const root = path.join(outputDir, 'html');
  server = createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    readFile(file).then(
      (body) =>
        response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the Hungarian edition in a browser without a Hungarian dictionary', () => {
  it('is hyphenated by Hyphenopoly, found by the browser’s find and copied whole', async () => {
    const page = await session.browser.newPage();
    try {
      await page.setViewport({ width: 375, height: 800 });
      await page.goto(`${origin}/hu/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('.segment p')?.textContent?.includes('\u00ad'), {
        timeout: 10_000,
      });
      const result = await page.evaluate(() => {
        const words = [
          ...new Set(
            [...document.querySelectorAll('.segment p, .footnote p')].flatMap(
              (element) => element.textContent?.match(/[\p{L}\p{M}]*\u00ad[\p{L}\p{M}\u00ad]*/gu) ?? [],
            ),
          ),
        ].map((word) => word.replace(/\u00ad/g, ''));
        const missed = words.filter((word) => {
          window.getSelection()?.removeAllRanges();
          return !(window as unknown as { find: (text: string) => boolean }).find(word);
        });
        // A copy of the first paragraph, as the browser hands it to the clipboard.
        const paragraph = document.querySelector('.segment p');
        const range = document.createRange();
        if (paragraph) range.selectNodeContents(paragraph);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        const clipboardData = new DataTransfer();
        paragraph?.dispatchEvent(new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true }));
        // The words of the English phrases in the Hungarian text, as Hyphenopoly broke them.
        const english = [...document.querySelectorAll('.segment [lang="en"], .footnote [lang="en"]')].flatMap(
          (element) => element.textContent?.match(/[\p{L}\p{M}]*\u00ad[\p{L}\p{M}\u00ad]*/gu) ?? [],
        );
        return {
          english,
          words: words.length,
          missed,
          shown: paragraph?.textContent ?? '',
          copied: clipboardData.getData('text/plain'),
        };
      });
      expect(result.words).toBeGreaterThan(300);
      expect(result.missed).toEqual([]);
      // An English phrase breaks only where the English patterns allow, not the Hungarian ones.
      const allowed = (hyphenated: string) => breaks(hyphenated);
      const english = result.english.filter((word) => !/^\p{Lu}/u.test(word));
      expect(english.length).toBeGreaterThan(10);
      for (const word of english) {
        const whole = word.replace(/\u00ad/g, '');
        expect(
          allowed(word).every((at) => allowed(englishPatterns.hyphenateSync(whole)).includes(at)),
          word,
        ).toBe(true);
      }
      expect(
        english.some((word) => {
          const whole = word.replace(/\u00ad/g, '');
          return allowed(word).some((at) => !allowed(hungarianPatterns.hyphenateSync(whole)).includes(at));
        }),
      ).toBe(true);
      // The paragraph shows soft hyphens; its copy is the same text without them.
      expect(result.shown).toContain('\u00ad');
      expect(result.copied.replace(/\s+/g, ' ').trim()).toBe(
        result.shown
          .replace(/\u00ad/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    } finally {
      await page.close();
    }
  });
});
