/**
 * What a careless or hostile manuscript must not do: lose text, publish a file from
 * elsewhere, run a script, or stop a stage without a positioned message.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { locateIssue } from '../../scripts/manuscript/locate-issue.js';
import { splitEditions } from '../../scripts/manuscript/split-editions.js';
import { countWords } from '../../scripts/manuscript/summary.js';
import { copyMedia, readIssueFile } from '../../scripts/output/assets.js';
import { buildIssue } from '../../scripts/output/build.js';
import { projectRoot } from '../../scripts/project.js';
import { typeset } from '../../scripts/render/typography.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { fixtures, messageLines, read, readValid, tempFolder } from '../helpers.js';

const frontMatter =
  '---\n{issue: "2099/1", date: 2099-01-15, languages: [en], title: {en: T}, authors: [{given: A, family: B}]}\n---\n';

const made: string[] = [];
afterAll(async () => {
  for (const folder of made) await rm(folder, { recursive: true, force: true });
});

/** A series folder in a temporary folder with one issue, `2099-1`, holding `text`. */
async function issueWith(text: string, series?: string): Promise<string> {
  const root = await tempFolder('jlaga-hardening-');
  made.push(root);
  if (series === undefined) await copyFile(path.join(fixtures, 'rules', 'series.yaml'), path.join(root, 'series.yaml'));
  else await writeFile(path.join(root, 'series.yaml'), series);
  await mkdir(path.join(root, '2099-1'));
  await writeFile(path.join(root, '2099-1', 'index.md'), text);
  return path.join(root, '2099-1');
}

describe('comments', () => {
  it('keeps the text between comments on one line, where the comment starts the line', async () => {
    const issue = await issueWith(
      `${frontMatter}\n:::en{#a}\n<!-- TODO --> The alliance spent 3.5% on testing. <!-- source -->\n:::\n`,
    );
    const result = await read(issue);
    expect(messageLines(result)).toEqual([]);
    const block = result.issue?.segments[0]?.blocks.en;
    expect(block?.children.map((node) => toString(node))).toEqual(['The alliance spent 3.5% on testing.']);
    // The text keeps its place in the file: line 6, after the 14 characters of the comment.
    expect(block?.children[0]?.position?.start).toMatchObject({ line: 6, column: 15 });
  });

  it('reads a comment that interrupts a paragraph as nothing, and the paragraph as one', async () => {
    const issue = await issueWith(
      `${frontMatter}\n:::en{#a}\nThe first line\n<!-- a note --> goes on *here*\nand ends.\n:::\n`,
    );
    const result = await read(issue);
    expect(messageLines(result)).toEqual([]);
    const children = result.issue?.segments[0]?.blocks.en?.children ?? [];
    expect(children.map((node) => node.type)).toEqual(['paragraph']);
    expect(toString(children[0])).toBe('The first line\ngoes on here\nand ends.');
  });

  it('still reports HTML that comes with a comment', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\n<!-- x --> text <b>bold</b>\n:::\n`);
    expect(messageLines(await read(issue))).toEqual(['index.md 6:1 error raw-html']);
  });
});

describe('YAML', () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  ].join('\n');

  it('reports an alias bomb in the front matter at its first alias', async () => {
    const issue = await issueWith(`---\n${bomb}\n---\n\n:::en{#a}\nText.\n:::\n`);
    const result = await read(issue);
    expect(messageLines(result)).toContain('index.md 3:8 error yaml-syntax');
    expect(result.issue).toBeUndefined();
  });

  it('reports an alias bomb in series.yaml', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\nText.\n:::\n`, `${bomb}\n`);
    expect(messageLines(await read(issue))).toEqual(['series.yaml 2:8 error yaml-syntax']);
  });

  it('reports a lone surrogate made by an escape', async () => {
    const issue = await issueWith(frontMatter.replace('{en: T}', '{en: "T\\uD800"}') + '\n:::en{#a}\nText.\n:::\n');
    expect(messageLines(await read(issue))).toEqual(['index.md 2:66 error control-character']);
  });
});

describe('nesting', () => {
  it('reports content nested a thousand levels deep instead of overflowing the stack', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\n${'> '.repeat(1000)}deep\n:::\n`);
    const result = await read(issue);
    expect(messageLines(result)).toEqual(['index.md 6:63 error deep-nesting']);
  });
});

describe('a paragraph of 150,000 words', () => {
  it('is typeset in one pass (the typography was quadratic in its length)', () => {
    const words = Array.from({ length: 150_000 }, (_, index) => (index % 7 === 0 ? '"quoted"' : "it's")).join(' ');
    const rules = loadLabels(['en']).get('en')?.typography;
    if (!rules) throw new Error('no English typography');
    const result = typeset(words, rules);
    expect(result.length).toBe(words.length);
    expect(result.startsWith('“quoted” it’s')).toBe(true);
  });
});

describe('word counts', () => {
  it('count the words of list items and table cells apart', async () => {
    const issue = await issueWith(
      `${frontMatter}\n:::en{#a}\n- one two\n- three\n\n| four | five |\n| --- | --- |\n| six | seven |\n:::\n`,
    );
    const block = (await read(issue)).issue?.segments[0]?.blocks.en;
    expect(countWords(block?.children ?? [])).toBe(7);
  });
});

describe('e-mail addresses', () => {
  it('refuse a query string that the mailto: link would carry', async () => {
    const issue = await issueWith(
      frontMatter.replace('family: B}', 'family: B, email: "x@y.zz?subject=Hi&body=Yes"}') + '\n:::en{#a}\nText.\n:::\n',
    );
    expect(messageLines(await read(issue))).toEqual(['index.md 2:102 error invalid-value']);
  });
});

describe('files outside the issue', () => {
  it('are neither read nor copied through a link in assets/', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\nText.\n:::\n`);
    await mkdir(path.join(issue, 'assets'));
    await writeFile(path.join(issue, 'assets', 'real.png'), 'png');
    await symlink('/etc/passwd', path.join(issue, 'assets', 'passwd.png'));
    const result = await read(issue);
    expect(messageLines(result)).toEqual(['passwd.png 0:0 error asset-link']);
    expect(result.issue).toBeUndefined();

    await expect(readIssueFile(issue, 'assets/passwd.png')).rejects.toThrow(/not a file of the issue folder/);
    const out = await tempFolder('jlaga-hardening-out-');
    made.push(out);
    await copyMedia(out, issue);
    expect(existsSync(path.join(out, 'media', 'real.png'))).toBe(true);
    expect(existsSync(path.join(out, 'media', 'passwd.png'))).toBe(false);
  });

  it('are not copied when assets/ itself is a link', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\nText.\n:::\n`);
    const elsewhere = await tempFolder('jlaga-hardening-elsewhere-');
    made.push(elsewhere);
    await writeFile(path.join(elsewhere, 'secret.png'), 'secret');
    await symlink(elsewhere, path.join(issue, 'assets'));
    expect(messageLines(await read(issue))).toEqual(['assets 0:0 error asset-link']);
    const out = await tempFolder('jlaga-hardening-out-');
    made.push(out);
    await copyMedia(out, issue);
    expect(existsSync(path.join(out, 'media'))).toBe(false);
  });

  it('the fixture issue’s SVG is inert and builds', async () => {
    const result = await read(path.join(fixtures, 'manuscript', '2099-1'));
    expect(messageLines(result)).toEqual([]);
    expect(result.issue && splitEditions(result.issue).length).toBe(2);
  });
});

describe('where an issue may be and where a build may write', () => {
  it('refuses an issue folder named like a folder of output/', async () => {
    for (const name of ['release', 'site', 'drafts', '.build-x']) {
      const root = await tempFolder('jlaga-hardening-');
      made.push(root);
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'index.md'), `${frontMatter}\n:::en{#a}\nText.\n:::\n`);
      const found = locateIssue(path.join(root, name), projectRoot);
      expect('error' in found && found.error).toMatch(/has a name that output\/ keeps/);
    }
  });

  it('never builds into the folder that holds the manuscript', async () => {
    const issue = await issueWith(`${frontMatter}\n:::en{#a}\nText.\n:::\n`);
    const before = await readFile(path.join(issue, 'index.md'));
    // `--output <series folder>` makes `<series folder>/2099-1` the output: the issue itself.
    const valid = await readValid(issue);
    await expect(buildIssue(valid, { outputRoot: path.dirname(issue), formats: ['html'] })).rejects.toThrow(
      /Will not build into .*2099-1: it is or holds a manuscript folder/,
    );
    // And inside it.
    await expect(buildIssue(valid, { outputRoot: issue, formats: ['html'] })).rejects.toThrow(
      /it is or holds a manuscript folder/,
    );
    expect(await readFile(path.join(issue, 'index.md'))).toEqual(before);
    expect(existsSync(path.join(issue, '2099-1'))).toBe(false);
  });
});
