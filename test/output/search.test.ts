/**
 * Search and copy in the HTML and EPUB editions of the sample issue: every word that the
 * editions' hyphenation would break is in the served text whole, as a reader's search,
 * a reading system's text export and a copy see it. The browser and the reading system
 * hyphenate (`hyphens: auto` by the language), not soft hyphens in the text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionFileName } from '../../scripts/output/file-names.js';
import { projectRoot } from '../../scripts/project.js';
import { rehypeHyphenate } from '../../scripts/render/hyphenate.js';
import { buildFixture } from '../helpers.js';
import { readZip } from '../zip-reader.js';

const sample = path.join(projectRoot, 'manuscript', '2026-3');
let outputDir: string;

beforeAll(async () => {
  ({ outputDir } = await buildFixture(sample, ['html', 'epub']));
}, 120_000);

/** The documents of one edition as served: the HTML page, or the EPUB's XHTML documents. */
async function documents(lang: 'en' | 'hu', format: 'html' | 'epub'): Promise<Root[]> {
  const parse = (text: string) => unified().use(rehypeParse).parse(text);
  if (format === 'html') return [parse(await readFile(path.join(outputDir, 'html', lang, 'index.html'), 'utf8'))];
  const entries = readZip(await readFile(path.join(outputDir, editionFileName('2026-3', lang, 'epub'))));
  return entries.filter((entry) => entry.name.endsWith('.xhtml')).map((entry) => parse(entry.data.toString('utf8')));
}

/** The words the editions' hyphenation breaks: the same plugin run over a copy of the served tree. */
function hyphenatedWords(tree: Root, lang: 'en' | 'hu'): string[] {
  const copy = structuredClone(tree);
  unified().use(rehypeHyphenate, { lang }).runSync(copy);
  const words = toString(copy).match(/[\p{L}\p{M}]*\u00ad[\p{L}\p{M}\u00ad]*/gu) ?? [];
  return [...new Set(words.map((word) => word.replace(/\u00ad/g, '')))];
}

describe.each([
  ['en', 'html'],
  ['hu', 'html'],
  ['en', 'epub'],
  ['hu', 'epub'],
] as const)('the %s %s edition', (lang, format) => {
  it('has every hyphenated word whole in its text, as search and copy see it', async () => {
    const trees = await documents(lang, format);
    const words = trees.flatMap((tree) => hyphenatedWords(tree, lang));
    // The running text of an issue has hundreds of words long enough to break.
    expect(words.length).toBeGreaterThan(300);
    const text = trees.map((tree) => toString(tree).replace(/\s+/g, ' ')).join(' ');
    expect(words.filter((word) => !text.includes(word))).toEqual([]);
    expect(text).not.toContain('\u00ad');
  });
});
