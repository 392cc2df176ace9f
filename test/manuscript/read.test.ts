/** Reading the fixture issue: clean, and the same whatever the line endings or BOM. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtureManuscript, fixtureIssue, messageLines, read } from '../helpers.js';
import { splitEditions } from '../../scripts/manuscript/split-editions.js';

describe('reading an issue', () => {
  it('reads the clean fixture issue without any message', async () => {
    const result = await read(fixtureIssue);
    expect(messageLines(result)).toEqual([]);
    expect(result.issue?.languages).toEqual(['en', 'hu']);
    expect(result.issue?.segments.map((segment) => segment.id)).toEqual([
      'exec-summary',
      'fn-second',
      'lead',
      'fn-budget',
      's1-heading',
      's1-p1',
      'fn-first',
      's1-quote',
      's2-heading',
      's2-1-heading',
      's2-1-figure',
      's2-1-table',
      's2-2-heading',
      's2-2-list',
      'fn-last',
    ]);
    const segment = result.issue?.segments[0];
    expect(segment?.classes).toEqual(['summary']);
    expect(segment?.states).toEqual({ en: 'source', hu: 'confirmed' });
    expect(segment?.blocks.en?.children.map((node) => node.type)).toEqual(['heading', 'list']);
    expect(segment?.position?.start).toMatchObject({ line: 26, column: 1 });
  });

  it('accepts CRLF line endings and a byte order mark with the same result as LF', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const lf = await read(issue);
    await writeFile(file, '\uFEFF' + (await readFile(file, 'utf8')).replace(/\n/g, '\r\n'));
    const crlf = await read(issue);
    expect(messageLines(crlf)).toEqual([]);
    // The text is read as LF without the mark, so even positions are the same.
    expect(crlf.issue && splitEditions(crlf.issue)).toEqual(lf.issue && splitEditions(lf.issue));
    expect(crlf.issue?.segments.map((segment) => [segment.id, segment.sourceHash, segment.states.hu])).toEqual(
      lf.issue?.segments.map((segment) => [segment.id, segment.sourceHash, segment.states.hu]),
    );
  });

  it('restores a text directive the author did not mean as text', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('The first paragraph cites', 'Note:this paragraph cites'));
    const result = await read(issue);
    const paragraph = result.issue?.segments.find((segment) => segment.id === 's1-p1')?.blocks.en?.children[0];
    expect(JSON.stringify(paragraph)).toContain('Note:this paragraph cites');
    // The source changed, so its translation is now stale: a warning, not an error.
    expect(messageLines(result)).toEqual([expect.stringMatching(/ warning stale-translation$/)]);
  });

  it('checks a large manuscript completely', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const text = await readFile(file, 'utf8');
    const [front, body] = [text.slice(0, text.indexOf('\n---\n', 4) + 5), text.slice(text.indexOf('\n---\n', 4) + 5)];
    const copies = Array.from({ length: 200 }, (_, copy) =>
      body.replace(/\{#([a-z0-9-]+)/g, `{#$1-c${copy}`).replace(/\[\^([a-z]+)\]/g, `[^$1-c${copy}]`),
    );
    await writeFile(file, front + copies.join('\n'));
    const result = await read(issue);
    // Renamed labels change the source texts, so translations with notes are stale.
    expect(new Set(messageLines(result).map((line) => line.split(' ').slice(2).join(' ')))).toEqual(
      new Set(['warning stale-translation']),
    );
    expect(result.issue?.segments).toHaveLength(15 * 200);
    const [en] = result.issue ? splitEditions(result.issue) : [];
    expect(en?.notes).toHaveLength(1 + 4 * 200);
  });
});
