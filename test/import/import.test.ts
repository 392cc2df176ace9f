/**
 * `jlaga import`: Word files written by pandoc and LibreOffice (test/fixtures/import/,
 * made by make-fixtures.sh) become an issue, and a translation its blocks.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/import.js';
import type { Segment } from '../../scripts/manuscript/types.js';
import { fixtures, hashTree, read, readValid, runCommand, tempFolder } from '../helpers.js';

const docx = (name: string) => path.join(fixtures, 'import', name);
const sampleIssue = path.join(fixtures, '..', '..', 'manuscript', '2026-3');

/** Text as the editions print it and as the import reads it back: quotes, dashes and spaces made plain. */
function plain(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\u00ad/g, '')
      .replace(/[“”„"]/g, '"')
      .replace(/[‘’']/g, "'")
      .replace(/[–—]/g, '-')
      .replace(/\s+/g, ' ')
      // The Hungarian edition spaces dates as its typography wants them (2020. 02. 08.).
      .replace(/(\d\.) (?=\d)/g, '$1')
      .trim()
  );
}

/** Each top-level block of each text segment in `lang`, as plain text. */
function textUnits(segments: readonly Segment[], lang: string): string[] {
  return segments
    .filter((segment) => segment.footnote === undefined)
    .flatMap((segment) => (segment.blocks[lang]?.children ?? []).map((node) => plain(toString(node))));
}

/** Each footnote segment's text in `lang`. */
function noteTexts(segments: readonly Segment[], lang: string): string[] {
  return segments
    .filter((segment) => segment.footnote !== undefined)
    .map((segment) => plain((segment.blocks[lang]?.children ?? []).map((node) => toString(node)).join(' ')));
}

function links(nodes: readonly RootContent[]): string[] {
  const urls: string[] = [];
  for (const node of nodes) visit(node, 'link', (link) => void urls.push(link.url));
  return urls;
}

async function newRoot(series = path.join(sampleIssue, '..', 'series.yaml')): Promise<string> {
  const root = await tempFolder('jlaga-import-');
  await cp(series, path.join(root, 'series.yaml'));
  return root;
}

describe('jlaga import of the sample issue (pandoc, from its HTML editions)', () => {
  let root: string;
  let issue: string;
  let english: { code: number; stdout: string; stderr: string };
  let hungarian: { code: number; stdout: string; stderr: string };
  let afterEnglish: Segment[];

  beforeAll(async () => {
    root = await newRoot();
    issue = path.join(root, '2026-3');
    english = await runCommand(main, [docx('sample-en.docx'), '--issue', issue]);
    afterEnglish = (await readValid(issue)).segments;
    hungarian = await runCommand(main, [docx('sample-hu.docx'), '--issue', issue, '--lang', 'hu']);
  }, 60_000);

  it('gets back the English text per segment, with all 26 notes and their links', async () => {
    expect(english.code, english.stderr).toBe(0);
    const sample = await readValid(sampleIssue);
    expect(textUnits(afterEnglish, 'en')).toEqual(textUnits(sample.segments, 'en'));
    expect(noteTexts(afterEnglish, 'en')).toEqual(noteTexts(sample.segments, 'en'));
    const imported = await readValid(issue);
    // 25 footnotes and the author's note: 26 notes, as the sample has.
    expect(imported.segments.filter((segment) => segment.footnote !== undefined)).toHaveLength(25);
    expect(imported.frontMatter.authors[0]?.note?.en).toBe(sample.frontMatter.authors[0]?.note?.en);
    for (const segment of imported.segments.filter((candidate) => candidate.footnote !== undefined)) {
      const text = toString({ type: 'root', children: segment.blocks.en?.children ?? [] });
      const online = text.split('[Online').length - 1;
      expect(links(segment.blocks.en?.children ?? []), segment.id).toHaveLength(online);
    }
    const { issue: number, date, title, authors, reviewers } = imported.frontMatter;
    expect({
      number,
      date,
      title: title.en,
      authors: authors.map(({ given, family, email }) => ({ given, family, email })),
      reviewers,
    }).toEqual({
      number: sample.frontMatter.issue,
      date: sample.frontMatter.date,
      title: sample.frontMatter.title.en,
      authors: sample.frontMatter.authors.map(({ given, family, email }) => ({ given, family, email })),
      reviewers: sample.frontMatter.reviewers,
    });
    // Ids from the headings; the editors page, the series line and the contents left out.
    expect(imported.segments.map((segment) => segment.id)).toContain('s2-formation-p1');
    expect(english.stdout).toContain('the series’ editors page');
    expect(english.stderr).toContain('import-front-matter');
    expect(english.stderr).not.toMatch(/\berror\b/);
  });

  it('aligns every Hungarian block to its segment and reports the merged paragraph', async () => {
    expect(hungarian.code, hungarian.stderr).toBe(0);
    const sample = await readValid(sampleIssue);
    const imported = await readValid(issue);
    expect(textUnits(imported.segments, 'hu')).toEqual(textUnits(sample.segments, 'hu'));
    expect(noteTexts(imported.segments, 'hu')).toEqual(noteTexts(sample.segments, 'hu'));
    expect(imported.languages).toEqual(['en', 'hu']);
    expect(imported.frontMatter.title.hu).toBe(sample.frontMatter.title.hu);
    expect(imported.frontMatter.authors[0]?.note?.hu).toBe(sample.frontMatter.authors[0]?.note?.hu);
    expect(imported.segments.every((segment) => segment.states.hu === 'unconfirmed')).toBe(true);
    const warnings = hungarian.stderr.split('\n').filter((line) => line.includes(' warning '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/#s4-yoon-p2 and #s4-yoon-p3 .*import-merged/);
  });

  it('keeps the translations that exist unless --replace, byte for byte', async () => {
    const before = await readFile(path.join(issue, 'index.md'));
    const again = await runCommand(main, [docx('sample-hu.docx'), '--issue', issue, '--lang', 'hu']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('import-kept');
    expect(await readFile(path.join(issue, 'index.md'))).toEqual(before);
    const replaced = await runCommand(main, [docx('sample-hu.docx'), '--issue', issue, '--lang', 'hu', '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('64 hu blocks written');
    expect(await readFile(path.join(issue, 'index.md'))).toEqual(before);
  });
});

describe('jlaga import of LibreOffice’s and pandoc’s Word files', () => {
  it('keeps notes, links, emphasis, superscripts, nested lists, the table’s header row and images', async () => {
    const root = await newRoot();
    const issue = path.join(root, '2099-1');
    const run = await runCommand(main, [docx('libreoffice.docx'), '--issue', issue]);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(issue, 'index.md'), 'utf8');
    expect(text).toContain('title:\n  en: Testing Alliances in the Year 2099');
    expect(text).toContain(
      '  - given: Anna\n    family: Kovács\n    email: anna@example.org\n    note:\n      en: is a researcher of the Test Institute.',
    );
    expect(text).toContain('date: 2099-01-15');
    expect(text).toContain('keywords:\n  en:\n    - alliances\n    - testing');
    expect(text).toContain(':::en{#s1-where}\n## 1. Where Testing Began\n:::');
    expect(text).toContain(
      'In 1999, *3.5%* of the alliance’s budget went to **testing**; by 2099 it was 25%, measured in m² of test benches.[^kovacs-2098] See also [the full report](https://example.org/report).',
    );
    expect(text).toContain(
      '[^kovacs-2098]: KOVÁCS, Anna: The Budget of Testing, [Test Institute](https://example.org/budget), 2098.',
    );
    expect(text).toContain(
      '- Unit tests, the first kind.\n  - Small ones.\n  - Large ones.\n- Integration tests, the second.',
    );
    expect(text).toContain('| Year | Share |\n| ---- | ----- |\n| 1999 | 3.5%  |');
    expect(text).toContain('> “Test what you fly, fly what you test.”[^old-saying]');
    expect(text).toContain('![A blue bar: the budget share of testing](assets/s1-1-table-figure1.png)');
    expect(text).not.toContain('running header');
    expect(text).not.toContain('Page');
    expect((await readdir(path.join(issue, 'assets'))).sort()).toEqual([
      's1-1-table-figure1.png',
      's1-1-table-figure2.png',
    ]);
    expect(run.stderr).toMatch(/Missing alternative text for `assets\/s1-1-table-figure2.png`.*import-image-alt/);
    expect((await read(issue)).issue).toBeDefined();
  });

  it('keeps notes of two paragraphs and the fixture issue’s table and list', async () => {
    const root = await newRoot(path.join(fixtures, 'manuscript', 'series.yaml'));
    const issue = path.join(root, '2099-1');
    const run = await runCommand(main, [docx('fixture-issue.docx'), '--issue', issue]);
    expect(run.code, run.stderr).toBe(0);
    const imported = await readValid(issue);
    const kinds = imported.segments.flatMap((segment) => segment.blocks.en?.children.map((node) => node.type) ?? []);
    expect(kinds).toEqual(expect.arrayContaining(['heading', 'list', 'table', 'blockquote', 'footnoteDefinition']));
    const twoParagraphs = imported.segments.find(
      (segment) =>
        segment.footnote !== undefined &&
        (segment.blocks.en?.children[0] as { children?: unknown[] } | undefined)?.children?.length === 2,
    );
    expect(twoParagraphs).toBeDefined();
  });
});

describe('jlaga import of bad input', () => {
  const cases: Array<[string, string, string[], RegExp]> = [
    [
      'a file that is not a DOCX',
      'not-a-docx.docx',
      [],
      /not a Word document \(\.docx\).*\(import-not-docx\); nothing written/,
    ],
    ['a Word 97–2003 document', 'word-97.doc', [], /Word 97–2003 document \(\.doc\).*\(import-not-docx\)/],
    ['a damaged DOCX', 'corrupt.docx', [], /damaged.*\(import-corrupt\)/],
    ['a password-protected DOCX', 'encrypted.docx', [], /protected by a password.*\(import-encrypted\)/],
    ['an issue that exists', 'libreoffice.docx', ['--issue', 'EXISTING'], /which exists.*\(import-issue-exists\)/],
    [
      'a translation of another issue',
      'libreoffice.docx',
      ['--issue', 'EXISTING', '--lang', 'hu'],
      /does not match 2026-3.*\(import-no-match\)/,
    ],
  ];
  for (const [what, file, options, message] of cases) {
    it(`refuses ${what} in one line, exit 1, the manuscript folder untouched`, async () => {
      const root = await newRoot();
      await cp(sampleIssue, path.join(root, '2026-3'), { recursive: true });
      const before = await hashTree(root);
      const argv =
        options.length > 0
          ? options.map((option) => (option === 'EXISTING' ? path.join(root, '2026-3') : option))
          : ['--issue', path.join(root, '2099-1')];
      const run = await runCommand(main, [docx(file), ...argv]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(await hashTree(root)).toEqual(before);
    });
  }

  it('says what is wrong with the command line (exit 2)', async () => {
    expect((await runCommand(main, [docx('libreoffice.docx')])).stderr).toMatch(/Missing --issue/);
    const lang = await runCommand(main, [docx('libreoffice.docx'), '--issue', 'x', '--lang', 'de']);
    expect([lang.code, lang.stderr]).toEqual([2, 'Unknown language `de` in --lang, expected one of en, hu.\n']);
    expect((await runCommand(main, ['--help'])).stdout).toMatch(/^Usage: jlaga import/);
  });
});
