/**
 * One bad manuscript per rule: each folder under test/fixtures/rules/ holds an
 * `index.md` and the `expected.txt` messages (`file line:column severity rule`). An
 * empty `expected.txt` expects no message at all (`qa-ignore-marker`: a marker that
 * silences a check).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../scripts/manuscript/rules.js';
import { fixtures, messageLines, read } from '../helpers.js';

const folder = path.join(fixtures, 'rules');
const cases = readdirSync(folder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('manuscript rules', () => {
  it.each(cases)('%s', async (name) => {
    const expectedFile = path.join(folder, name, 'expected.txt');
    // A missing expectation fails: it is never written by the test.
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    const text = readFileSync(expectedFile, 'utf8').trim();
    const expected = text === '' ? [] : text.split('\n');
    const result = await read(path.join(folder, name));
    expect(messageLines(result)).toEqual(expected);
    expect(result.issue === undefined).toBe(expected.some((line) => line.includes(' error ')));
  });

  it('has a fixture for every rule of the closed list', () => {
    const covered = new Set(
      cases.flatMap((name) =>
        readFileSync(path.join(folder, name, 'expected.txt'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ').pop()),
      ),
    );
    covered.add('missing-series'); // test/fixtures/orphan, below
    // test/fixtures/glossary* and test/manuscript/glossary.test.ts: a glossary applies to every issue beside it.
    for (const rule of ['glossary-term', 'glossary-avoid', 'duplicate-term']) covered.add(rule);
    expect(Object.keys(rules).filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('reports a missing series.yaml on the manuscript', async () => {
    const result = await read(path.join(fixtures, 'orphan', '2099-1'));
    expect(messageLines(result)).toEqual(['index.md 1:1 error missing-series']);
    expect(result.issue).toBeUndefined();
  });

  it('gives every message its source, rule, and a place', async () => {
    const result = await read(path.join(folder, 'many-errors'));
    const messages = result.files.flatMap((file) => file.messages);
    // As many as the fixture expects: a reader that reports nothing must not pass the loop below.
    const expected = readFileSync(path.join(folder, 'many-errors', 'expected.txt'), 'utf8').trim().split('\n');
    expect(messages).toHaveLength(expected.length);
    for (const message of messages) {
      expect(message.source).toBe('manuscript');
      expect(message.ruleId).toBeTypeOf('string');
      expect(message.line).toBeGreaterThan(0);
      expect(message.column).toBeGreaterThan(0);
      expect(String(message)).toMatch(/^.*index\.md:\d+:\d+(-\d+:\d+)?: /);
    }
  });
});
