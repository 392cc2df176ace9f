/// <reference lib="dom" />
/**
 * `npm run screenshot -- <html file> <png> [width] [height] [scroll]`: a screenshot of a
 * built page (the viewport, scrolled down by `scroll` pixels or to the `scroll` selector), to look at what a reader sees.
 */
import path from 'node:path';
import { fileUrl, launchBrowser } from '../scripts/browser.js';

const [file, out, width = '1280', height = '900', scroll = '0'] = process.argv.slice(2);
if (!file || !out) {
  process.stderr.write('Usage: npm run screenshot -- <html file> <png> [width] [height] [scroll]\n');
  process.exit(2);
}
const session = await launchBrowser();
try {
  const { page, blocked } = await session.openPage(path.resolve(path.dirname(file), '..', '..'));
  await page.setViewport({ width: Number(width), height: Number(height) });
  await page.goto(fileUrl(file), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // A number scrolls by pixels; anything else is a selector to scroll to.
  await page.evaluate((target) => {
    const y = /^\d+$/.test(target)
      ? Number(target)
      : (document.querySelector(target)?.getBoundingClientRect().top ?? 0) + window.scrollY;
    window.scrollTo(0, y);
  }, scroll);
  await page.screenshot({ path: out });
  if (blocked.length > 0) process.stderr.write(`blocked: ${blocked.join(', ')}\n`);
} finally {
  await session.close();
}
