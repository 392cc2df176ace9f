/** Output paths that would write over a manuscript, the series file or a folder that holds them. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsManuscript, refuseManuscriptTarget } from '../../scripts/manuscript/protected-paths.js';
import { copyFixtureManuscript, tempFolder } from '../helpers.js';

describe('refuseManuscriptTarget', () => {
  it('refuses a manuscript, the series file, a glossary and a folder, through links too', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const manuscript = path.join(issue, 'index.md');
    expect(refuseManuscriptTarget(manuscript)).toMatch(/^Will not write over .*index\.md: it is the manuscript of an issue/);
    expect(refuseManuscriptTarget(path.join(root, 'series.yaml'))).toMatch(/it is the series file\.$/);
    expect(refuseManuscriptTarget(path.join(root, 'glossary.yaml'))).toMatch(/it is the glossary\.$/);
    expect(refuseManuscriptTarget(issue)).toMatch(/it is a folder; give the path of a file\.$/);
    expect(refuseManuscriptTarget(root + path.sep)).toMatch(/it is a folder/);

    const elsewhere = await tempFolder('jlaga-links-');
    await symlink(manuscript, path.join(elsewhere, 'export.xlf'));
    await symlink(issue, path.join(elsewhere, 'issue'));
    expect(refuseManuscriptTarget(path.join(elsewhere, 'export.xlf'))).toMatch(/\(a link to .*index\.md\): it is the manuscript/);
    expect(refuseManuscriptTarget(path.join(elsewhere, 'issue', 'index.md'))).toMatch(/it is the manuscript/);
    expect(refuseManuscriptTarget(path.join(elsewhere, 'issue', 'sub', '..', 'index.md'))).toMatch(/manuscript/);
  });

  it('allows a new or ordinary file, also one inside an issue folder, and an index.md that is no manuscript', async () => {
    const { issue } = await copyFixtureManuscript();
    expect(refuseManuscriptTarget(path.join(issue, 'export.xlf'))).toBeUndefined();
    const plain = await tempFolder('jlaga-plain-');
    expect(refuseManuscriptTarget(path.join(plain, 'diff.html'))).toBeUndefined();
    expect(refuseManuscriptTarget(path.join(plain, 'missing', 'deeper', 'diff.html'))).toBeUndefined();
    await writeFile(path.join(plain, 'index.md'), '# Notes\n');
    expect(refuseManuscriptTarget(path.join(plain, 'index.md'))).toBeUndefined();
    // A dangling link: the write would create the file where it points.
    await symlink(path.join(plain, 'nowhere.html'), path.join(plain, 'dangling.html'));
    expect(refuseManuscriptTarget(path.join(plain, 'dangling.html'))).toBeUndefined();
  });
});

describe('holdsManuscript', () => {
  it('is true for an issue folder, a folder above or inside one, and a series folder', async () => {
    const { root, issue } = await copyFixtureManuscript();
    expect(holdsManuscript(issue)).toBe(true);
    expect(holdsManuscript(root)).toBe(true);
    expect(holdsManuscript(path.join(issue, 'assets'))).toBe(true);
    expect(holdsManuscript(path.join(issue, 'not-yet', 'made'))).toBe(true);
    // Beside the issues, in the series folder, is not inside one.
    expect(holdsManuscript(path.join(root, 'output', '2099-1'))).toBe(false);

    const elsewhere = await tempFolder('jlaga-links-');
    await symlink(issue, path.join(elsewhere, 'out'));
    expect(holdsManuscript(path.join(elsewhere, 'out'))).toBe(true);
  });

  it('finds an issue folder deep inside, and a manuscript by its front matter without a series file', async () => {
    const top = await tempFolder('jlaga-deep-');
    await mkdir(path.join(top, 'a', 'b', 'c'), { recursive: true });
    expect(holdsManuscript(top)).toBe(false);
    await writeFile(path.join(top, 'a', 'b', 'c', 'index.md'), '---\nissue: "2099/9"\n---\n');
    expect(holdsManuscript(top)).toBe(true);
  });

  it('is false for an ordinary or missing folder', async () => {
    const plain = await tempFolder('jlaga-plain-');
    await mkdir(path.join(plain, 'html', 'en'), { recursive: true });
    await writeFile(path.join(plain, 'html', 'index.md'), 'Just notes.\n');
    expect(holdsManuscript(plain)).toBe(false);
    expect(holdsManuscript(path.join(plain, 'missing'))).toBe(false);
  });
});
