/**
 * The Crossref deposit of an issue, valid against Crossref's schema 5.3.1 (read from
 * `../shared/schemas/crossref/`, beside the checkout); and the series' and front
 * matter's fields it needs, checked like the rest.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { issnCheckDigitHolds } from '../../scripts/manuscript/schema.js';
import { projectRoot } from '../../scripts/project.js';
import { crossrefDeposit } from '../../scripts/site/crossref.js';
import { messageLines, read, tempFolder } from '../helpers.js';

const run = promisify(execFile);
const schema = path.join(projectRoot, '..', 'shared', 'schemas', 'crossref', 'schemas', 'crossref5.3.1.xsd');

const seriesFields = [
  'site:',
  '  url: https://jlaga.example.org/',
  'issn: 1234-5679',
  'doi:',
  '  prefix: "10.12345"',
  '  depositor: { name: John Lukacs Institute, email: jli@example.org }',
  '',
].join('\n');

/** A copy of the sample issue with the fields a deposit needs; `series` replaces the series' added lines. */
async function sampleWithDois(series = seriesFields): Promise<string> {
  const root = await tempFolder();
  await cp(path.join(projectRoot, 'manuscript', 'series.yaml'), path.join(root, 'series.yaml'));
  await cp(path.join(projectRoot, 'manuscript', '2026-3'), path.join(root, '2026-3'), { recursive: true });
  await writeFile(path.join(root, 'series.yaml'), `${await readFile(path.join(root, 'series.yaml'), 'utf8')}${series}`);
  const manuscript = path.join(root, '2026-3', 'index.md');
  const text = await readFile(manuscript, 'utf8');
  const end = text.indexOf('\n---\n', 3);
  await writeFile(
    manuscript,
    `${text.slice(0, end)}\ndoi: { en: 10.12345/jlaga.2026.3.en, hu: 10.12345/jlaga.2026.3.hu }${text.slice(end)}`,
  );
  return path.join(root, '2026-3');
}

async function validates(xml: string): Promise<void> {
  expect(existsSync(schema), `Crossref's schemas are expected beside the checkout: ${schema}`).toBe(true);
  const file = path.join(await tempFolder(), 'deposit.xml');
  await writeFile(file, xml);
  // xmllint exits 1 on an invalid file (execFile then throws); Crossref's MathML import is skipped offline, with warnings.
  const { stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', schema, file]);
  expect(stderr.endsWith(`${file} validates\n`), stderr).toBe(true);
}

describe('the Crossref deposit', () => {
  it('registers each language as a report in the series, with its page and the other as its translation', async () => {
    const { issue } = await read(await sampleWithDois());
    expect(issue).toBeDefined();
    if (!issue) return;
    const deposit = crossrefDeposit(issue, {
      editionUrl: (lang) => `https://jlaga.example.org/2026-3/${lang}/`,
      timestamp: '20260409000000',
    });
    expect('xml' in deposit).toBe(true);
    if (!('xml' in deposit)) return;
    await validates(deposit.xml);
    expect(deposit.xml).toContain('<report-paper_series_metadata language="en">');
    expect(deposit.xml).toContain('<issn media_type="electronic">1234-5679</issn>');
    expect(deposit.xml).toContain('<doi>10.12345/jlaga.2026.3.hu</doi>');
    expect(deposit.xml).toContain('<resource>https://jlaga.example.org/2026-3/hu/</resource>');
    expect(deposit.xml).toMatch(
      /relationship-type="hasTranslation" identifier-type="doi">10\.12345\/jlaga\.2026\.3\.hu</,
    );
    expect(deposit.xml).toMatch(
      /relationship-type="isTranslationOf" identifier-type="doi">10\.12345\/jlaga\.2026\.3\.en</,
    );
    expect(deposit.xml).toContain('<surname>Jurászik</surname>');
  });

  it('registers reports outside a series when the series has no ISSN, still valid', async () => {
    const { issue } = await read(await sampleWithDois(seriesFields.replace('issn: 1234-5679\n', '')));
    if (!issue) throw new Error('the copy has errors');
    const deposit = crossrefDeposit(issue, {
      editionUrl: (lang) => `https://jlaga.example.org/${lang}/`,
      timestamp: '1',
    });
    if (!('xml' in deposit)) throw new Error(deposit.missing.join('; '));
    await validates(deposit.xml);
    expect(deposit.xml).toContain('<report-paper_metadata language="hu">');
  });

  it('says what is missing for a deposit', async () => {
    const { issue } = await read(path.join(projectRoot, 'manuscript', '2026-3'));
    if (!issue) throw new Error('the sample has errors');
    expect(crossrefDeposit(issue, { editionUrl: () => '', timestamp: '1' })).toEqual({
      missing: ['`doi` (prefix and depositor) in series.yaml', '`doi` of each language in the front matter of 2026-3'],
    });
  });
});

describe('the fields of a site and of DOIs', () => {
  it('check an ISSN’s check digit', () => {
    expect(['0317-8471', '2434-561X', '1050-124x', '1234-5679'].map(issnCheckDigitHolds)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0317-8472', '2434-5610', '1234-5678'].map(issnCheckDigitHolds)).toEqual([false, false, false]);
  });

  it.each([
    ['an ISSN with a wrong check digit', seriesFields.replace('1234-5679', '1234-5678'), 'series.yaml', /check digit/],
    [
      'a base URL that is not an http(s) address',
      seriesFields.replace('https://jlaga.example.org/', 'ftp://jlaga.example.org/'),
      'series.yaml',
      /absolute http or https/,
    ],
    ['a malformed DOI prefix', seriesFields.replace('"10.12345"', '"11.12345"'), 'series.yaml', /DOI prefix/],
  ])('refuse %s, at its place', async (_name, series, file, reason) => {
    const result = await read(await sampleWithDois(series));
    expect(result.issue).toBeUndefined();
    const messages = result.files.flatMap((entry) =>
      entry.messages.map((message) => ({
        file: path.basename(entry.path),
        line: message.line,
        rule: message.ruleId,
        reason: message.reason,
      })),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      file,
      rule: 'invalid-value',
      reason: expect.stringMatching(reason) as unknown,
    });
    expect(messages[0]?.line).toBeGreaterThan(1);
  });

  it('refuse a malformed DOI in the front matter, at its line', async () => {
    const issue = await sampleWithDois();
    const manuscript = path.join(issue, 'index.md');
    await writeFile(
      manuscript,
      (await readFile(manuscript, 'utf8')).replace('10.12345/jlaga.2026.3.hu', 'doi:10.12345/x'),
    );
    const result = await read(issue);
    expect(messageLines(result).filter((line) => line.includes('error'))).toEqual([
      'index.md 35:38 error invalid-value',
    ]);
  });
});
