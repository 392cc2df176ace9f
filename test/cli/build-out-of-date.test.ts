/**
 * `npm run build` narrowed to the HTML after the manuscript changed: the PDF and EPUB it
 * keeps from the earlier build are not of this text, so no page links them as current,
 * the command says it kept them, and `editions.json` says what each file was built
 * from. A full build brings them up to date and links them as before.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/build.js';
import type { EditionsRecord } from '../../scripts/output/editions-record.js';
import { copyFixtureManuscript, hashTree, runCommand, tempFolder } from '../helpers.js';

/** Every link of every HTML page under `outputDir/html/`: page, href and the text a reader sees. */
async function links(outputDir: string): Promise<Array<{ page: string; href: string; text: string }>> {
  const pages = (await readdir(path.join(outputDir, 'html'), { recursive: true })).filter((name) =>
    name.endsWith('.html'),
  );
  const found: Array<{ page: string; href: string; text: string }> = [];
  for (const page of pages.sort()) {
    const tree = unified()
      .use(rehypeParse)
      .parse(await readFile(path.join(outputDir, 'html', page), 'utf8'));
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'a' || typeof element.properties.href !== 'string') return;
      found.push({ page, href: element.properties.href, text: textOf(element).replaceAll('\u00ad', '') });
    });
  }
  return found;
}

function textOf(node: Element | Root): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('');
}

async function record(outputDir: string): Promise<EditionsRecord> {
  return JSON.parse(await readFile(path.join(outputDir, 'editions.json'), 'utf8')) as EditionsRecord;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const downloads = /\.(pdf|epub)$/;
const outOfDateMark = / \((out of date|elavult)\)$/;

describe('npm run build --format html after the manuscript changed', () => {
  it('links the PDF and EPUB it kept only as out of date, says so, records them; a full build makes them current', async () => {
    const { issue } = await copyFixtureManuscript();
    const outputRoot = await tempFolder('jlaga-out-');
    const outputDir = path.join(outputRoot, '2099-1');
    const manuscript = path.join(issue, 'index.md');
    const before = await readFile(manuscript);
    expect((await runCommand(main, [issue, '--output', outputRoot])).code).toBe(0);
    const full = await hashTree(outputDir);

    await writeFile(manuscript, before.toString('utf8').replace('went to testing', 'went to trials'));
    const after = await readFile(manuscript);
    expect(after.equals(before)).toBe(false);
    const html = await runCommand(main, [issue, '--format', 'html', '--output', outputRoot]);
    expect(html.code).toBe(0);

    // What a reader of the pages sees: every PDF and EPUB link is marked out of date.
    const kept = (await links(outputDir)).filter((link) => downloads.test(link.href));
    expect(kept.map((link) => `${link.page} ${link.href}`)).toEqual([
      'en/index.html ../../jlaga-2099-1-en.pdf',
      'en/index.html ../../jlaga-2099-1-en.epub',
      'hu/index.html ../../jlaga-2099-1-hu.pdf',
      'hu/index.html ../../jlaga-2099-1-hu.epub',
      'parallel.html ../jlaga-2099-1-en.pdf',
      'parallel.html ../jlaga-2099-1-en.epub',
      'parallel.html ../jlaga-2099-1-hu.pdf',
      'parallel.html ../jlaga-2099-1-hu.epub',
    ]);
    expect(kept.map((link) => link.text)).toEqual([
      'PDF edition (out of date)',
      'EPUB edition (out of date)',
      'PDF-kiadás (elavult)',
      'EPUB-kiadás (elavult)',
      'PDF edition (out of date)',
      'EPUB edition (out of date)',
      'PDF-kiadás (elavult)',
      'EPUB-kiadás (elavult)',
    ]);
    // The pages themselves are of this text, and link each other as current.
    const pages = (await links(outputDir)).filter((link) => /(index|parallel)\.html$/.test(link.href));
    expect(pages.length).toBeGreaterThan(0);
    for (const link of pages) expect(link.text).not.toMatch(outOfDateMark);

    // (`and different templates` too, should someone edit them between the two builds.)
    expect(html.stderr).toMatch(
      /^2099-1: kept pdf en, pdf hu, epub en, epub hu from an earlier build of a different manuscript(?: and [a-z ]+)?; run a full build to bring them up to date$/m,
    );
    // The kept files are the earlier build's.
    const tree = await hashTree(outputDir);
    for (const file of ['jlaga-2099-1-en.pdf', 'jlaga-2099-1-hu.pdf', 'jlaga-2099-1-en.epub', 'jlaga-2099-1-hu.epub'])
      expect(tree[file]).toBe(full[file]);

    const { inputs, editions } = await record(outputDir);
    const byFile = Object.fromEntries(editions.map((entry) => [entry.file, entry.digest]));
    const current = byFile['html/en/index.html'];
    const earlier = byFile['jlaga-2099-1-en.pdf'];
    expect(byFile).toEqual({
      'html/en/index.html': current,
      'html/hu/index.html': current,
      'html/parallel.html': current,
      'jlaga-2099-1-en.pdf': earlier,
      'jlaga-2099-1-hu.pdf': earlier,
      'jlaga-2099-1-en.epub': earlier,
      'jlaga-2099-1-hu.epub': earlier,
    });
    expect(current).not.toBe(earlier);
    expect(inputs[current!]?.manuscript).toBe(sha256(after));
    expect(inputs[earlier!]?.manuscript).toBe(sha256(before));
    for (const part of ['series', 'assets', 'program'] as const)
      expect(inputs[earlier!]?.[part]).toBe(inputs[current!]?.[part]);

    const again = await runCommand(main, [issue, '--output', outputRoot]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('kept');
    expect((await links(outputDir)).filter((link) => downloads.test(link.href)).map((link) => link.text)).toEqual([
      'PDF edition',
      'EPUB edition',
      'PDF-kiadás',
      'EPUB-kiadás',
      'PDF edition',
      'EPUB edition',
      'PDF-kiadás',
      'EPUB-kiadás',
    ]);
    const rebuilt = await record(outputDir);
    expect(new Set(rebuilt.editions.map((entry) => entry.digest))).toEqual(new Set([current]));
    expect(rebuilt.editions).toHaveLength(7);
    expect(Object.keys(rebuilt.inputs)).toEqual([current]);
  });
});
