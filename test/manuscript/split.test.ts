/** The split into one document per language. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { formatName } from '../../scripts/manuscript/names.js';
import { splitEditions } from '../../scripts/manuscript/split-editions.js';
import { copyFixtureManuscript, fixtureIssue, read } from '../helpers.js';

async function editions(folder = fixtureIssue) {
  const result = await read(folder);
  if (!result.issue) throw new Error('fixture has errors');
  return splitEditions(result.issue);
}

describe('one document per language', () => {
  it('keeps segment order and leaves footnote segments out of the text', async () => {
    const [en, hu] = await editions();
    const ids = ['exec-summary', 'lead', 's1-heading', 's1-p1', 's1-quote', 's2-heading', 's2-1-heading', 's2-1-figure', 's2-1-table', 's2-2-heading', 's2-2-list'];
    expect(en?.segments.map((segment) => segment.id)).toEqual(ids);
    expect(hu?.segments.map((segment) => segment.id)).toEqual(ids);
    expect(toString(hu?.segments[1]?.children[0])).toMatch(/^1999-ben a szövetség/);
  });

  it('numbers notes per edition: authors first, then by first reference', async () => {
    const [en, hu] = await editions();
    for (const edition of [en, hu]) {
      expect(edition?.notes.map((note) => [note.number, note.kind, note.label])).toEqual([
        [1, 'author', 'author-1'],
        [2, 'footnote', 'second'],
        [3, 'footnote', 'budget'],
        [4, 'footnote', 'first'],
        [5, 'footnote', 'last'],
      ]);
      expect(edition?.noteNumbers).toEqual({ second: 2, budget: 3, first: 4, last: 5 });
    }
    expect(toString(en?.notes[0]?.children[0])).toBe('Bálint Jurászik (author@example.org) is a researcher of the Test Institute.');
    expect(toString(hu?.notes[0]?.children[0])).toBe('Jurászik Bálint (author@example.org) a Teszt Intézet kutatója.');
    expect(hu?.notes[4]?.children).toHaveLength(2);
  });

  it('numbers by the order of reference in each language, not the order of definitions', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const text = await readFile(file, 'utf8');
    // The Hungarian sentence cites the two sources in the other order.
    await writeFile(file, text.replace('két forrást idéz,[^budget][^first]', 'két forrást idéz,[^first][^budget]'));
    const result = await read(issue);
    if (!result.issue) throw new Error('expected no errors');
    const [en, hu] = splitEditions(result.issue);
    expect(en?.noteNumbers).toEqual({ second: 2, budget: 3, first: 4, last: 5 });
    expect(hu?.noteNumbers).toEqual({ second: 2, budget: 3, first: 4, last: 5 });
    // budget was first referenced in the lead, before s1-p1, so the numbers hold.
  });

  it('writes names in each language’s order and texts in each language', async () => {
    const [en, hu] = await editions();
    expect(en?.authors.map((author) => author.name)).toEqual(['Bálint Jurászik', 'Éva Nagy']);
    expect(hu?.authors.map((author) => author.name)).toEqual(['Jurászik Bálint', 'Nagy Éva']);
    expect(hu?.reviewers).toEqual(['Csizmazia Gábor']);
    expect(hu?.series.editors).toEqual(['Kovács Anna', 'Szabó Péter']);
    expect(en?.series.name).toBe('Test Analyses');
    expect(hu?.series.name).toBe('Tesztelemzések');
    expect(hu?.title).toBe('Szövetségek próbája: tesztszám (1990–2099)');
    expect(formatName({ given: 'Bálint', family: 'Jurászik' }, 'en')).toBe('Bálint Jurászik');
  });

  it('shows nothing for a missing translation, and numbers notes without it', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const text = await readFile(file, 'utf8');
    const start = text.indexOf(':::hu{#s1-p1');
    const end = text.indexOf(':::\n', start) + 4;
    await writeFile(file, text.slice(0, start) + text.slice(end));
    const result = await read(issue);
    if (!result.issue) throw new Error('expected warnings only');
    const [en, hu] = splitEditions(result.issue);
    expect(hu?.segments.map((segment) => segment.id)).not.toContain('s1-p1');
    expect(en?.noteNumbers.first).toBe(4);
    expect(hu?.noteNumbers.first).toBeUndefined();
    expect(hu?.noteNumbers.last).toBe(4);
  });
});
