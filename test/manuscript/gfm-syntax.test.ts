/**
 * Parsing without literal autolinks where a text has none gives the tree, and the
 * messages, that parsing with them gives.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createManuscriptProcessor } from '../../scripts/manuscript/processor.js';
import { parseSkippingLiteralAutolinks } from '../../scripts/manuscript/remark-gfm-syntax.js';
import { projectRoot } from '../../scripts/project.js';
import { fixtureIssue, fixtures } from '../helpers.js';

const upstream = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

/** The manuscript processor with or without literal autolinks, and its parse of `text`. */
function parsed(text: string, literalAutolinks: boolean) {
  const processor = createManuscriptProcessor({ slug: 'test', supported: ['en', 'hu'], literalAutolinks });
  return { processor, tree: processor.parse(text), literalAutolinks };
}

/** Parsed as the manuscript reader does, and run through the plugins; with the messages. */
async function read(text: string, choose: (text: string) => ReturnType<typeof parsed>) {
  const file = new VFile({ path: 'index.md', value: text });
  const { processor, tree, literalAutolinks } = choose(text);
  const result: Root = await processor.run(tree, file);
  const messages = file.messages.map((message) => `${JSON.stringify(message.place)} ${message.reason}`);
  return { read: { tree: result, messages }, literalAutolinks };
}

const skipping = (text: string) => parseSkippingLiteralAutolinks(text, (literal) => parsed(text, literal));
const always = (text: string) => parsed(text, true);

async function manuscripts(): Promise<string[]> {
  const inFixtures = (await readdir(fixtures, { recursive: true }))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(fixtures, name));
  const issues = (await readdir(path.join(projectRoot, 'manuscript'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(projectRoot, 'manuscript', entry.name, 'index.md'));
  return [...inFixtures, ...issues].sort();
}

describe('literal autolinks', () => {
  it('are left out only where the tree and the messages stay the same, on every manuscript of the tests', async () => {
    const files = await manuscripts();
    expect(files.length).toBeGreaterThan(50);
    let skipped = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const ours = await read(text, skipping);
      const theirs = await read(text, always);
      if (!ours.literalAutolinks) skipped += 1;
      expect(ours.read, path.relative(projectRoot, file)).toEqual(theirs.read);
      // Parsing alone is remark-gfm's, extension for extension.
      expect(parsed(text, ours.literalAutolinks).tree, path.relative(projectRoot, file)).toEqual(upstream.parse(text));
    }
    // Most are read without them: the comparison above means something.
    expect(skipped).toBeGreaterThan(files.length / 2);
  });

  it('are left out of the sample and fixture issues, whose front matter and footnotes hold addresses', async () => {
    for (const file of [path.join(projectRoot, 'manuscript', '2026-3', 'index.md'), path.join(fixtureIssue, 'index.md')]) {
      const text = await readFile(file, 'utf8');
      expect(text).toMatch(/@|https?:/);
      expect(skipping(text).literalAutolinks, file).toBe(false);
    }
  });

  it.each([
    ['an e-mail address', 'Write to name@example.org.'],
    ['a www address', 'See www.example.org.'],
    ['an address with a scheme, in capitals', 'See HTTPS://example.org/page.'],
    ['an e-mail address made by a character reference', 'Write to name&#64;example.org.'],
    ['a www address with an escaped dot', 'See www\\.example.org.'],
    ['an address after front matter', '---\ntitle: A\n---\n\nSee www.example.org.'],
    ['an address in front matter that is not closed', '---\ntitle: A\n\nSee www.example.org.'],
    ['an address after a comment, read again by the comment plugin', '<!-- note --> See www.example.org.'],
    ['an address after an escaped bracket, which looks like a link target', 'See \\[the site](www.example.org).'],
    ['an address in a link that is not one', 'See [the site](www.example.org and more).'],
    ['an address in a heading', '# www.example.org'],
    ['an address in a table', '| a |\n| - |\n| www.example.org |'],
    ['an address after a line that looks like a definition, in a paragraph', 'Text\n[a]: www.example.org'],
    ['an address in a link that is never closed', 'See [the site at www.example.org.'],
    ['an address in the text of an image', 'See ![a map from www.example.org](assets/map.png) and www.example.org.'],
  ])('are read in %s', async (_name, text) => {
    const ours = await read(text, skipping);
    expect(JSON.stringify(ours.read.tree)).toMatch(/"url":"(https?|mailto):/i);
    expect(ours.read).toEqual((await read(text, always)).read);
  });

  it.each([
    ['plain prose', 'The alliance spent 3.5% of its budget on testing in 2025.'],
    ['an address in the front matter', '---\nemail: name@example.org\n---\n\nThe alliance.'],
    ['an address as a link target', 'See [the site](https://example.org/page).'],
    ['an address as an autolink', 'See <https://example.org/page>.'],
    ['an address in a definition', 'See [the site].\n\n[the site]: https://example.org/page'],
    ['an address in a comment', 'The alliance. <!-- source: https://example.org/page -->'],
    ['an address in code', 'Type `www.example.org`.'],
    ['an address as the text of a link', 'See [www.example.org](https://example.org/).'],
    ['an address in the text of an image', 'See ![a map from www.example.org](assets/map.png).'],
  ])('are not needed for %s', async (_name, text) => {
    const ours = await read(text, skipping);
    expect(ours.literalAutolinks).toBe(false);
    expect(ours.read).toEqual((await read(text, always)).read);
  });

  it.each<[string, Root, boolean]>([
    ['text', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'See www.example.org.' }] }] }, true],
    ['an e-mail address in text', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'name@example.org' }] }] }, true],
    ['a link', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: '#a', children: [{ type: 'text', value: 'www.example.org' }] }] }] }, false],
    ['HTML besides its comments', { type: 'root', children: [{ type: 'html', value: '<!-- a --> See name&#64;example.org.' }] }, true],
    ['the comments of HTML', { type: 'root', children: [{ type: 'html', value: '<!-- see www.example.org -->' }] }, false],
  ])('are looked for in the tree parsed without them: %s', (_name, tree, needed) => {
    const calls: boolean[] = [];
    const chosen = parseSkippingLiteralAutolinks('Plain text.', (literalAutolinks) => {
      calls.push(literalAutolinks);
      return { tree, literalAutolinks };
    });
    expect(calls).toEqual(needed ? [false, true] : [false]);
    expect(chosen.literalAutolinks).toBe(needed);
  });
});
