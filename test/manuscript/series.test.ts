/** series.yaml is checked like the front matter, every problem at its key. */
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtureManuscript, fixtures, messageLines, read } from '../helpers.js';

const folder = path.join(fixtures, 'series');
const cases = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -5));

describe('series.yaml', () => {
  it.each(cases.sort())('%s', async (name) => {
    const expected = (await readFile(path.join(folder, `${name}.expected.txt`), 'utf8')).trim().split('\n');
    const { root, issue } = await copyFixtureManuscript();
    await copyFile(path.join(folder, `${name}.yaml`), path.join(root, 'series.yaml'));
    const result = await read(issue);
    expect(messageLines(result)).toEqual(expected);
    expect(result.issue).toBeUndefined();
  });
});
