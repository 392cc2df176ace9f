/**
 * `jlaga import` against what an adversarial review tried: it never overwrites a
 * source, never removes what it did not make, writes issues only where issues belong,
 * and turns a zip bomb and an unreadable manuscript into one line.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/import.js';
import { projectRoot } from '../../scripts/project.js';
import { toString } from 'mdast-util-to-string';
import { toBlockMarkdown } from '../../scripts/import/markdown.js';
import { fixtures, hashTree, messageLines, read, runCommand, tempFolder } from '../helpers.js';

const run = promisify(execFile);
const docx = (name: string) => path.join(fixtures, 'import', name);

/** A folder with the series file, where issues can be made. */
async function seriesFolder(): Promise<string> {
  const root = await tempFolder();
  await cp(path.join(projectRoot, 'manuscript', 'series.yaml'), path.join(root, 'series.yaml'));
  return root;
}

describe('import, hardened', () => {
  it('never takes a file for a translation of the source language, however the languages are quoted', async () => {
    const root = await seriesFolder();
    const issue = path.join(root, '2030-1');
    expect((await runCommand(main, [docx('sample-en.docx'), '--issue', issue])).code).toBe(0);
    const manuscript = path.join(issue, 'index.md');
    await writeFile(
      manuscript,
      (await readFile(manuscript, 'utf8')).replace(/^languages: \[en\]$/m, "languages: ['en']"),
    );
    const before = await hashTree(issue);
    for (const args of [['--lang', 'en', '--replace'], ['--lang', 'en'], []]) {
      const result = await runCommand(main, [docx('sample-hu.docx'), '--issue', issue, ...args]);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(await hashTree(issue), args.join(' ')).toEqual(before);
    }
  });

  it('leaves a folder that has its staging folder’s name as it was', async () => {
    const root = await seriesFolder();
    const theirs = path.join(root, `.2030-6.import-${process.pid}`);
    await mkdir(theirs);
    await writeFile(path.join(theirs, 'keep.txt'), 'precious');
    const result = await runCommand(main, [docx('sample-en.docx'), '--issue', path.join(root, '2030-6')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot write .*2030-6: EEXIST.*nothing written\.\n$/);
    expect(await readFile(path.join(theirs, 'keep.txt'), 'utf8')).toBe('precious');
    expect((await readdir(root)).sort()).toEqual([path.basename(theirs), 'series.yaml']);
  });

  it.each([
    ['a name with spaces', 'Foo Bar', /^Unexpected issue name `Foo Bar`/],
    ['a name with capitals', 'ÁRVÍZ', /^Unexpected issue name `ÁRVÍZ`/],
    ['a name longer than a file name can hold', 'a'.repeat(250), /^Unexpected issue name `a{250}`: 250 characters/],
    [
      'a folder of the project outside manuscript/',
      'test/fixtures/manuscript/newissue',
      /^Will not make an issue in .*inside the project, issues are under manuscript\//,
    ],
    [
      'a path that climbs out of manuscript/',
      'manuscript/../test/fixtures/manuscript/n2',
      /^Will not make an issue in /,
    ],
  ])('refuses %s in one line, writing nothing', async (_name, issue, message) => {
    const before = await hashTree(path.join(projectRoot, 'test', 'fixtures', 'manuscript'));
    const manuscripts = await readdir(path.join(projectRoot, 'manuscript'));
    const result = await runCommand(main, [docx('sample-en.docx'), '--issue', issue]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^[^\n]*\n$/);
    expect(await hashTree(path.join(projectRoot, 'test', 'fixtures', 'manuscript'))).toEqual(before);
    expect(await readdir(path.join(projectRoot, 'manuscript'))).toEqual(manuscripts);
  });

  it('says in one line that an issue’s manuscript cannot be read', async () => {
    const root = await seriesFolder();
    await mkdir(path.join(root, '2030-2', 'index.md'), { recursive: true });
    const result = await runCommand(main, [
      docx('sample-hu.docx'),
      '--issue',
      path.join(root, '2030-2'),
      '--lang',
      'hu',
    ]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /^Cannot read the languages of .*index\.md: it is a folder; run jlaga check on it first\. Nothing written\.\n$/,
    );
  });

  it('refuses a zip bomb from its directory, before expanding it', async () => {
    const root = await seriesFolder();
    const bomb = path.join(root, 'bomb.docx');
    // 300 MiB of spaces in the document part: a few hundred kilobytes of file.
    const script = [
      'import sys, zipfile',
      "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:",
      "    z.writestr('[Content_Types].xml', '<Types/>')",
      "    z.writestr('word/document.xml', '<w:document xmlns:w=\"x\"><w:body>' + ' ' * (300 * 2 ** 20) + '</w:body></w:document>')",
    ].join('\n');
    await run('python3', ['-c', script, bomb]);
    const started = performance.now();
    const result = await runCommand(main, [bomb, '--issue', path.join(root, '2030-3')]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /expands to more than 256 MiB \(word\/document\.xml alone to 300 MiB\).*\(import-corrupt\); nothing written\.\n$/,
    );
    expect((await readdir(root)).sort()).toEqual(['bomb.docx', 'series.yaml']);
  });

  it('keeps the front matter whole when a translation is imported into an issue with keywords', async () => {
    const root = await seriesFolder();
    const issue = path.join(root, '2030-5');
    expect((await runCommand(main, [docx('keywords-en.docx'), '--issue', issue])).code).toBe(0);
    // What the editor adds after the author's import, where the document gave no date and no author.
    const manuscript = path.join(issue, 'index.md');
    const text = await readFile(manuscript, 'utf8');
    await writeFile(
      manuscript,
      text
        .replace('languages: [en]\n', 'date: 2030-01-15\nlanguages: [en]\n')
        .replace('keywords:\n', 'authors:\n  - given: Bálint\n    family: Jurászik\nkeywords:\n'),
    );
    const result = await runCommand(main, [docx('keywords-hu.docx'), '--issue', issue, '--lang', 'hu']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /Missing `hu` keywords in the translation's document: the `en` ones stand in for them/,
    );
    const written = await readFile(manuscript, 'utf8');
    expect(written).toMatch(/^keywords:\n {2}en:\n {4}- alliances\n {4}- testing\n {2}hu: \[alliances, testing\]$/m);
    expect(written).toMatch(/^languages: \[en, hu\]$/m);
  });

  it('escapes the text of a document that would read as the manuscript’s directives', async () => {
    const root = await seriesFolder();
    const texts = [':::', ':::hu{#x}', 'See :en[a phrase] here', '::leaf'];
    const blocks = texts
      .map(
        (text, index) =>
          `:::en{#p${index}}\n${toBlockMarkdown([{ type: 'paragraph', children: [{ type: 'text', value: text }] }])}\n:::\n`,
      )
      .join('\n');
    const front =
      '---\n{issue: "2030/9", date: 2030-01-15, languages: [en], title: {en: T}, authors: [{given: A, family: B}]}\n---\n\n';
    await mkdir(path.join(root, '2030-9'));
    await writeFile(path.join(root, '2030-9', 'index.md'), front + blocks);
    const result = await read(path.join(root, '2030-9'));
    expect(messageLines(result)).toEqual([]);
    expect(
      result.segments.map((segment) => toString({ type: 'root', children: segment.blocks.en?.children ?? [] })),
    ).toEqual(texts);
  });

  it('names in its next step the issue as a command takes it: its folder, outside manuscript/', async () => {
    const root = await seriesFolder();
    const issue = path.join(root, '2030-7');
    const result = await runCommand(main, [docx('sample-en.docx'), '--issue', issue]);
    expect(result.stdout).toContain(`Next: add what the warnings name, then jlaga check ${issue}.\n`);
  });

  it('leaves out a paragraph that held only an image no edition can show, and says so', async () => {
    const root = await seriesFolder();
    const issue = path.join(root, '2030-8');
    const result = await runCommand(main, [docx('emf-alone.docx'), '--issue', issue]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Unexpected image of type `image\/x-emf`.*import-image-type/);
    const { segments, files } = await read(issue);
    expect(segments.map((segment) => segment.id)).toEqual(['img', 'img-p1']);
    expect(files.flatMap((file) => file.messages).filter((message) => message.fatal === true)).toEqual([]);
  });
});
