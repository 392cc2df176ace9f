/**
 * The anchors the benchmark measures the program against, in the same run:
 * `pandoc -s -t html5` of the sample's manuscript (Debian's pandoc, installed with
 * apt-get when it is missing and the benchmark may), and one English PDF printed by a
 * minimal Paged.js-in-puppeteer script (`pagedjs-anchor.js`, the project's own
 * Paged.js and puppeteer).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findBrowser } from '../scripts/find-browser.js';
import { projectRoot } from '../scripts/project.js';
import { processTimes } from './measure.js';

const run = promisify(execFile);

/** Why an anchor could not be measured, in one line. */
export interface Unmeasured {
  why: string;
}

async function hasPandoc(): Promise<boolean> {
  return run('pandoc', ['--version']).then(
    () => true,
    () => false,
  );
}

/** Pandoc, installed from Debian's packages when it is missing and this is a Debian machine's root. */
export async function ensurePandoc(print: (line: string) => void): Promise<true | Unmeasured> {
  if (await hasPandoc()) return true;
  const apt = await run('apt-get', ['--version']).then(
    () => true,
    () => false,
  );
  if (!apt || process.getuid?.() !== 0) {
    return { why: 'pandoc is not installed (Debian: apt-get install pandoc; elsewhere: pandoc.org)' };
  }
  print('installing the pandoc anchor with apt-get');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', 'pandoc'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return (await hasPandoc()) ? true : { why: 'pandoc could not be installed' };
}

/** `pandoc -s -t html5` of `manuscript`, `runs` times, as new processes. */
export async function pandocTimes(runs: number, manuscript: string, out: string): Promise<number[]> {
  return processTimes(runs, 'pandoc', ['-s', '-t', 'html5', manuscript, '-o', out]);
}

/** One English PDF of `page` by the minimal Paged.js script, `runs` times, as new processes. */
export async function pagedJsTimes(runs: number, page: string, out: string): Promise<number[] | Unmeasured> {
  const browser = findBrowser();
  if (!browser) return { why: 'no Chromium found (npm run setup)' };
  const script = path.join(projectRoot, 'bench', 'pagedjs-anchor.js');
  return processTimes(runs, process.execPath, [script, browser, page, out]);
}
