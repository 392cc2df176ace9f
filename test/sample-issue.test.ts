/**
 * The sample issue 2026/3 holds what its source holds: the counts below come from the
 * English edition as published (26 notes with the author's note, sections 1–6 with
 * 5.1, 5.2 and a)–c)).
 */
import { toString } from 'mdast-util-to-string';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitEditions } from '../scripts/manuscript/split-editions.js';
import { projectRoot } from '../scripts/project.js';
import { messageLines, read } from './helpers.js';

const result = await read(path.join(projectRoot, 'manuscript', '2026-3'));
const [en, hu] = result.issue ? splitEditions(result.issue) : [];

function headings(edition: typeof en): string[] {
  return (edition?.segments ?? []).flatMap((segment) =>
    segment.children.filter((node) => node.type === 'heading').map((node) => toString(node)),
  );
}

describe('sample issue 2026/3', () => {
  it('checks without errors or warnings', () => {
    expect(messageLines(result)).toEqual([]);
    expect(result.issue?.frontMatter.issue).toBe('2026/3');
  });

  it('has 26 notes in each language, the author’s note first, in the same order', () => {
    expect(en?.notes).toHaveLength(26);
    expect(hu?.notes).toHaveLength(26);
    expect(en?.notes[0]?.kind).toBe('author');
    expect(hu?.notes.map((note) => note.label)).toEqual(en?.notes.map((note) => note.label));
    expect(toString(hu?.notes[0]?.children[0])).toMatch(/^Jurászik Bálint \(2001jbalint@gmail\.com\) /);
  });

  it('has every section heading in both languages', () => {
    const numbers = (edition: typeof en) =>
      headings(edition).map((heading) => /^(\d(?:\.\d)?\.|[a-c]\))/.exec(heading)?.[1] ?? heading);
    const expected = ['1.', '2.', '3.', '4.', '5.', '5.1.', '5.2.', 'a)', 'b)', 'c)', '6.'];
    expect(numbers(en).filter((heading) => heading !== 'Executive Summary')).toEqual(expected);
    expect(numbers(hu).filter((heading) => heading !== 'Vezetői összefoglaló')).toEqual(expected);
    expect(headings(en)).toContain('1. Introduction');
    expect(headings(hu)).toContain('1. Bevezetés');
  });

  it('has the executive summary with its seven points and the reviewers', () => {
    for (const edition of [en, hu]) {
      const summary = edition?.segments.find((segment) => segment.id === 'exec-summary');
      expect(summary?.classes).toEqual(['summary']);
      const list = summary?.children.find((node) => node.type === 'list');
      expect(list?.type === 'list' ? list.children : []).toHaveLength(7);
    }
    expect(en?.reviewers).toEqual(['Gábor Csizmazia', 'Viktor Eszterhai']);
    expect(hu?.reviewers).toEqual(['Csizmazia Gábor', 'Eszterhai Viktor']);
    expect(hu?.series.editors).toEqual(['Csizmazia Gábor', 'Eszterhai Viktor', 'Tárnok Balázs']);
  });

  it('uses Hungarian quotation marks in the Hungarian text, never English ones', () => {
    const text = (hu?.segments ?? [])
      .map((segment) => segment.children.map((node) => toString(node)).join('\n'))
      .join('\n');
    expect(text).toContain('„');
    expect(text).not.toMatch(/[“"]/);
  });
});
