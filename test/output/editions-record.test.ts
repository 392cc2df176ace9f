/**
 * What a build records of its input: the digest and its parts (the same for the same
 * input wherever it lies, another when any part changes), and what a narrowed build
 * makes of the editions it kept: out of date when their input differs or is unknown.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../scripts/output/build.js';
import { buildInputs, differingParts } from '../../scripts/output/build-inputs.js';
import type { EditionsRecord } from '../../scripts/output/editions-record.js';
import { outOfDateLine } from '../../scripts/output/out-of-date-line.js';
import { buildFixture, copyFixtureManuscript, readValid } from '../helpers.js';

/** The navigation links of a built page, as `href text`, soft hyphens taken out. */
async function navigation(file: string): Promise<string[]> {
  const page = (await readFile(file, 'utf8')).replaceAll('\u00ad', '');
  const nav = /<nav class="edition-links"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => `${href} ${text}`);
}

async function record(outputDir: string): Promise<EditionsRecord> {
  return JSON.parse(await readFile(path.join(outputDir, 'editions.json'), 'utf8')) as EditionsRecord;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('the input of a build', () => {
  it('has the same digest wherever the issue lies, and another, naming the part, when a part changes', async () => {
    const first = await copyFixtureManuscript();
    const second = await copyFixtureManuscript();
    const inputs = await buildInputs(await readValid(first.issue));
    expect(await buildInputs(await readValid(second.issue))).toEqual(inputs);
    expect(inputs.parts.glossary).toBeUndefined();
    expect(inputs.parts.program).toMatch(/^jlaga-pipeline \d+\.\d+\.\d+/);

    // The series glossary, beside series.yaml.
    await writeFile(path.join(second.root, 'glossary.yaml'), '- en: alliance\n  hu: szövetség\n');
    const withGlossary = await buildInputs(await readValid(second.issue));
    expect(withGlossary.digest).not.toBe(inputs.digest);
    expect(differingParts(inputs.parts, withGlossary.parts)).toEqual(['glossary']);

    await edit(path.join(second.issue, 'assets', 'chart.svg'), 'fill="#dde"', 'fill="#ede"');
    const withImage = await buildInputs(await readValid(second.issue));
    expect(differingParts(withGlossary.parts, withImage.parts)).toEqual(['assets']);

    await edit(path.join(second.root, 'series.yaml'), '# A small series', '# A smaller series');
    const withSeries = await buildInputs(await readValid(second.issue));
    expect(differingParts(withImage.parts, withSeries.parts)).toEqual(['series']);
  });
});

describe('a narrowed build', () => {
  it('marks the pages of the other language and the parallel page out of date after --lang en of a changed manuscript', async () => {
    const { issue } = await copyFixtureManuscript();
    const { outputRoot, outputDir } = await buildFixture(issue, ['html']);
    await edit(path.join(issue, 'index.md'), 'In 1999, 3.5%', 'In 1998, 3.5%');
    const result = await buildIssue(await readValid(issue), { outputRoot, langs: ['en'], formats: ['html'] });

    expect(await navigation(path.join(outputDir, 'html', 'en', 'index.html'))).toEqual([
      '../hu/index.html Olvasás magyarul (elavult)',
      '../parallel.html Parallel edition (out of date)',
    ]);
    expect(result.outOfDate.map((entry) => entry.file)).toEqual(['html/hu/index.html', 'html/parallel.html']);
    expect(outOfDateLine('2099-1', result.outOfDate)).toMatch(
      /^2099-1: kept html hu, parallel from an earlier build of a different manuscript(?: and [a-z ]+)?; run a full build to bring them up to date$/,
    );
    const { editions } = await record(outputDir);
    expect(editions.map((entry) => entry.file)).toEqual([
      'html/en/index.html',
      'html/hu/index.html',
      'html/parallel.html',
    ]);
    expect(editions[1]?.digest).toBe(editions[2]?.digest);
    expect(editions[0]?.digest).not.toBe(editions[1]?.digest);
  });

  it('counts an edition of an output without a record as out of date, built from what it cannot know', async () => {
    const { issue } = await copyFixtureManuscript();
    const { outputRoot, outputDir } = await buildFixture(issue, ['epub']);
    await rm(path.join(outputDir, 'editions.json'));
    const result = await buildIssue(await readValid(issue), { outputRoot, formats: ['html'] });

    expect(await navigation(path.join(outputDir, 'html', 'en', 'index.html'))).toEqual([
      '../hu/index.html Olvasás magyarul',
      '../parallel.html Parallel edition',
      '../../jlaga-2099-1-en.epub EPUB edition (out of date)',
    ]);
    expect(result.outOfDate).toEqual([
      { file: 'jlaga-2099-1-en.epub', edition: 'epub', lang: 'en', digest: null, differs: undefined },
      { file: 'jlaga-2099-1-hu.epub', edition: 'epub', lang: 'hu', digest: null, differs: undefined },
    ]);
    expect(outOfDateLine('2099-1', result.outOfDate)).toBe(
      '2099-1: kept epub en, epub hu from an earlier build of inputs it did not record; run a full build to bring them up to date',
    );
    const written = await record(outputDir);
    expect(written.editions.filter((entry) => entry.edition === 'epub').map((entry) => entry.digest)).toEqual([
      null,
      null,
    ]);
    expect(Object.keys(written.inputs)).toHaveLength(1);
  });

  it('records a draft by its file names, and a final page it kept as out of date for a draft', async () => {
    const { issue } = await copyFixtureManuscript();
    const { outputRoot, outputDir } = await buildFixture(issue, ['html']);
    const result = await buildIssue(await readValid(issue), { outputRoot, formats: ['epub'], draft: true });
    expect((await record(outputDir)).editions.map((entry) => entry.file)).toEqual([
      'html/en/index.html',
      'html/hu/index.html',
      'html/parallel.html',
      'jlaga-2099-1-en-draft.epub',
      'jlaga-2099-1-hu-draft.epub',
    ]);
    expect(result.outOfDate.map((entry) => [entry.file, entry.differs])).toEqual([
      ['html/en/index.html', ['draft']],
      ['html/hu/index.html', ['draft']],
      ['html/parallel.html', ['draft']],
    ]);
  });

  it('links the editions it kept as current when they are of the same input, and records one digest', async () => {
    const { issue } = await copyFixtureManuscript();
    const { outputRoot, outputDir } = await buildFixture(issue, ['epub']);
    const result = await buildIssue(await readValid(issue), { outputRoot, formats: ['html'] });
    expect(result.outOfDate).toEqual([]);
    expect(await navigation(path.join(outputDir, 'html', 'hu', 'index.html'))).toEqual([
      '../en/index.html Read in English',
      '../parallel.html Kétnyelvű kiadás',
      '../../jlaga-2099-1-hu.epub EPUB-kiadás',
    ]);
    const { inputs, editions } = await record(outputDir);
    expect(editions).toHaveLength(5);
    expect(Object.keys(inputs)).toEqual([...new Set(editions.map((entry) => entry.digest))]);
  });
});
