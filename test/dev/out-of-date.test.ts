/**
 * The dev server over an output that holds EPUBs of an earlier build: it builds the HTML
 * only, so once the manuscript changes they are not of the text it serves. Its pages
 * link them as current while they are, marked as out of date after the change, and its
 * build lines say it kept them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBuildLine, startDevServer } from '../../scripts/dev/dev-server.js';
import type { DevBuild, DevServer } from '../../scripts/dev/dev-server.js';
import { buildIssue } from '../../scripts/output/build.js';
import { copyFixtureManuscript, locate, readValid, tempFolder } from '../helpers.js';

let server: DevServer;
let manuscript: string;
const builds: DevBuild[] = [];
let built: (() => void) | undefined;

beforeAll(async () => {
  const { issue } = await copyFixtureManuscript();
  manuscript = path.join(issue, 'index.md');
  const outputRoot = await tempFolder('jlaga-dev-');
  // The earlier build: EPUBs only, no browser needed.
  await buildIssue(await readValid(issue), { outputRoot, formats: ['epub'] });
  server = await startDevServer({
    location: locate(issue),
    outputRoot,
    port: 0,
    onBuild: (build) => {
      builds.push(build);
      built?.();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** The download links of a served page, as `href text`, soft hyphens taken out. */
async function downloadLinks(page: string): Promise<string[]> {
  const text = (await (await fetch(new URL(page, server.url))).text()).replaceAll('\u00ad', '');
  return [...text.matchAll(/<a href="(\.\.\/\.\.\/[^"]+)"[^>]*>([^<]*)<\/a>/g)].map(
    ([, href, label]) => `${href} ${label}`,
  );
}

/** The next build after the one now last, within 15 s. */
function nextBuild(): Promise<DevBuild> {
  const count = builds.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no build within 15 s')), 15_000);
    built = () => {
      const build = builds[count];
      if (!build) return;
      clearTimeout(timer);
      built = undefined;
      resolve(build);
    };
  });
}

describe('npm run dev over EPUBs of an earlier build', () => {
  it('links them as current while they are of the served text', async () => {
    expect(builds).toHaveLength(1);
    expect(builds[0]?.outOfDate).toEqual([]);
    expect(formatBuildLine(builds[0]!)).not.toContain('\n');
    expect(await downloadLinks('html/en/index.html')).toEqual(['../../jlaga-2099-1-en.epub EPUB edition']);
    expect(await downloadLinks('html/hu/index.html')).toEqual(['../../jlaga-2099-1-hu.epub EPUB-kiadás']);
  });

  it('marks them out of date once the manuscript changed, and says it kept them', async () => {
    const text = await readFile(manuscript, 'utf8');
    expect(text).toContain('In 1999, 3.5%');
    const rebuilt = nextBuild();
    await writeFile(manuscript, text.replace('In 1999, 3.5%', 'In 1998, 3.5%'));
    const build = await rebuilt;
    expect(build.built).toBe(true);
    expect(await downloadLinks('html/en/index.html')).toEqual([
      '../../jlaga-2099-1-en.epub EPUB edition (out of date)',
    ]);
    expect(await downloadLinks('html/hu/index.html')).toEqual(['../../jlaga-2099-1-hu.epub EPUB-kiadás (elavult)']);
    expect(build.outOfDate.map((entry) => entry.file)).toEqual(['jlaga-2099-1-en.epub', 'jlaga-2099-1-hu.epub']);
    expect(formatBuildLine(build).split('\n')[1]).toMatch(
      /^2099-1: kept epub en, epub hu from an earlier build of a different manuscript(?: and [a-z ]+)?; run a full build to bring them up to date$/,
    );
  });
});
