// The anchor of the full-build row of `jlaga bench`: the least a Paged.js pipeline
// does, one English PDF of an HTML page, in a minimal puppeteer script. Plain
// JavaScript, so that Node runs it as it is, as such a script would be run.
//
// Usage: node bench/pagedjs-anchor.js <browser> <page.html> <out.pdf>
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, page, out] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const polyfill = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
const browser = await puppeteer.launch({ executablePath, args: ['--no-sandbox', '--allow-file-access-from-files'] });
try {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  // Paged.js starts by itself; told not to, it is started and awaited here.
  await tab.evaluate(() => (window.PagedConfig = { auto: false }));
  await tab.addScriptTag({ path: polyfill });
  await tab.evaluate(() => window.PagedPolyfill.preview());
  await tab.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
}
