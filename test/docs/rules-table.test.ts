/**
 * The rule tables of the docs are the rule tables of the code: each docs file holds,
 * between its markers, exactly what `npm run docs:rules` makes, and a section for each
 * rule its table links to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablesByFile, withRulesTable } from '../../scripts/docs/rules-table.js';
import { projectRoot } from '../../scripts/project.js';

describe.each([...tablesByFile()])('%s', (docsFile, tables) => {
  const text = readFileSync(path.join(projectRoot, docsFile), 'utf8');

  it('holds the generated rule table (run npm run docs:rules after changing a rule)', () => {
    expect(text).toBe(withRulesTable(text, tables));
  });

  it('has a section for every rule', () => {
    const headings = new Set(text.split('\n').flatMap((line) => (line.startsWith('### ') ? [line.slice(4)] : [])));
    const ids = tables.flatMap((table) => Object.keys(table.rules));
    expect(ids.filter((id) => !headings.has(id))).toEqual([]);
  });
});
