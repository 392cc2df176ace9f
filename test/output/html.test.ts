/** The HTML stage on the fixture issue: golden pages, determinism, atomic builds. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../scripts/output/build.js';
import { editionFileName } from '../../scripts/output/file-names.js';
import { buildableFormats } from '../../scripts/output/registry.js';
import { buildFixture, fixtureIssue, goldenDir, goldenFiles, hashTree, readValid } from '../helpers.js';

// One build in every format: the pages link to the PDF and EPUB editions it makes.
let full: Promise<{ outputDir: string }> | undefined;
const fullBuild = () => (full ??= buildFixture());

describe('HTML editions of the fixture issue', () => {
  it.each(goldenFiles)('%s is the reviewed page', async (built, expected) => {
    const { outputDir } = await fullBuild();
    const file = path.join(goldenDir, expected);
    expect(existsSync(file), `${file} is missing: run npm run test:update-golden and review it`).toBe(true);
    expect(await readFile(path.join(outputDir, built), 'utf8')).toBe(await readFile(file, 'utf8'));
  });

  it('writes the pages with their assets beside them', async () => {
    const { outputDir } = await fullBuild();
    const files = Object.keys(await hashTree(outputDir)).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'html/en/index.html',
        'html/hu/index.html',
        'html/parallel.html',
        'html/assets/edition.css',
        'html/assets/parallel.css',
        'html/assets/fonts.css',
        'html/assets/fonts/source-serif-4-latin-ext-400-normal.woff2',
        'html/media/chart.svg',
      ]),
    );
    const css = await readFile(path.join(outputDir, 'html', 'assets', 'fonts.css'), 'utf8');
    for (const [, font] of css.matchAll(/url\((fonts\/[^)]+)\)/g)) expect(files).toContain(`html/assets/${font}`);
  });

  it('is deterministic: two builds in every format give byte-identical files', async () => {
    const first = await fullBuild();
    const second = await buildFixture();
    expect(await hashTree(second.outputDir)).toEqual(await hashTree(first.outputDir));
  });

  it('keeps the other languages when the build is narrowed with --lang', async () => {
    const { outputRoot, outputDir } = await buildFixture();
    const before = await hashTree(outputDir);
    await writeFile(path.join(outputDir, 'html', 'en', 'index.html'), 'stale');
    const result = await buildIssue(await readValid(fixtureIssue), { outputRoot, langs: ['en'] });
    // Every format writes its English files only, and nothing else.
    expect(result.written).toEqual([
      'html/en/index.html',
      ...buildableFormats
        .filter((format) => format !== 'html')
        .map((format) => editionFileName('2099-1', 'en', format)),
    ]);
    expect(await hashTree(outputDir)).toEqual(before);
  });
});
