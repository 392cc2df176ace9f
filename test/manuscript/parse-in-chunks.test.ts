/** Parsing in chunks gives the tree that parsing at once gives. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkedFrom, parseInChunks, parseManuscriptText } from '../../scripts/manuscript/parse-in-chunks.js';
import { createManuscriptProcessor } from '../../scripts/manuscript/processor.js';
import { fixtureIssue, fixtures } from '../helpers.js';

const processor = createManuscriptProcessor({ slug: 'test', supported: ['en', 'hu'] });
const parse = (text: string) => processor.parse(text);

describe('parsing in chunks', () => {
  it.each([
    ['the fixture issue', path.join(fixtureIssue, 'index.md')],
    ['a nested block', path.join(fixtures, 'rules', 'nested-block', 'index.md')],
    ['an unclosed block', path.join(fixtures, 'rules', 'unclosed-block', 'index.md')],
    ['many errors', path.join(fixtures, 'rules', 'many-errors', 'index.md')],
  ])('%s: one chunk per block gives the same tree', async (_name, file) => {
    const text = await readFile(file, 'utf8');
    expect(parseInChunks(text, parse, 1)).toEqual(parse(text));
  });

  it('resolves footnotes and link references defined in another chunk', () => {
    const text = ':::en{#a}\nSee [the site][site].[^n]\n:::\n\n:::en{#b}\n[^n]: Note.\n\n[site]: https://example.org\n:::\n';
    const tree = parseInChunks(text, parse, 1);
    expect(tree).toEqual(parse(text));
    expect(JSON.stringify(tree)).toContain('"type":"footnoteReference"');
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
  });

  it('parses an ordinary issue whole, and only a large file in chunks', async () => {
    const text = await readFile(path.join(fixtureIssue, 'index.md'), 'utf8');
    const calls: string[] = [];
    const counting = (chunk: string) => {
      calls.push(chunk);
      return parse(chunk);
    };
    parseManuscriptText(text, counting);
    expect(calls).toEqual([text]);

    const block = ':::en{#a}\nText.\n:::\n\n';
    const large = block.repeat(Math.ceil(chunkedFrom / block.length));
    calls.length = 0;
    parseManuscriptText(large, (chunk) => {
      calls.push(chunk);
      return { type: 'root', children: [] };
    });
    expect(calls.length).toBeGreaterThan(1);
  });
});
