/**
 * `jlaga check` says again what it found while nothing it read has changed, and checks
 * anew as soon as anything has: the manuscript, an image, the series file.
 */
import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/check.js';
import { checkKey, readCheckRecord, writeCheckRecord } from '../../scripts/manuscript/check-cache.js';
import { locateIssue } from '../../scripts/manuscript/locate-issue.js';
import type { IssueLocation } from '../../scripts/manuscript/locate-issue.js';
import { formatReport, fromJsonReport, toJsonReport } from '../../scripts/messages/report.js';
import { projectRoot } from '../../scripts/project.js';
import { copyFixtureManuscript, fixtures, read, runCommand } from '../helpers.js';

const check = (...args: string[]) => runCommand(main, args);

function located(folder: string): IssueLocation {
  const location = locateIssue(folder, projectRoot);
  if ('error' in location) throw new Error(location.error);
  return location;
}

/** Mark the kept record of `folder`, so that a check that uses it shows the mark. */
async function markRecord(folder: string): Promise<void> {
  const location = located(folder);
  const record = await readCheckRecord(location, await checkKey(location));
  if (!record) throw new Error('no record kept');
  await writeCheckRecord(location, { ...record, summary: { ...record.summary, segments: 4242 } });
}

describe('the kept check', () => {
  it('says the same as a check anew: report, summary, exit code, JSON', async () => {
    const folder = path.join(fixtures, 'rules', 'many-errors');
    for (const args of [[folder], [folder, '--json']]) {
      const anew = await check(...args, '--no-cache');
      const kept = await check(...args);
      const keptAgain = await check(...args);
      expect(kept).toEqual(anew);
      expect(keptAgain).toEqual(anew);
    }
  });

  it('gives back every message of every rule fixture as it was: place, rule, severity, cause', async () => {
    const folders = (await readdir(path.join(fixtures, 'rules'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(fixtures, 'rules', entry.name));
    expect(folders.length).toBeGreaterThan(30);
    for (const folder of folders) {
      const { files } = await read(folder);
      const again = fromJsonReport(toJsonReport(files));
      expect(formatReport(again), folder).toBe(formatReport(files));
      expect(toJsonReport(again), folder).toEqual(toJsonReport(files));
    }
  });

  it('is used while nothing has changed, and not after a change of the manuscript, an image or the series', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const changes: Array<[string, () => Promise<void>]> = [
      ['manuscript', () => appendFile(path.join(issue, 'index.md'), '\n')],
      ['new image', () => writeFile(path.join(issue, 'assets', 'new.png'), 'not read by the manuscript')],
      ['image removed', () => rm(path.join(issue, 'assets', 'new.png'))],
      ['series', () => appendFile(path.join(root, 'series.yaml'), '\n')],
      ['glossary beside the series', () => writeFile(path.join(root, 'glossary.yaml'), '[]\n')],
    ];
    for (const [change, make] of changes) {
      expect((await check(issue)).stdout, change).toMatch(/^2099-1: valid; 15 segments/);
      await markRecord(issue);
      expect((await check(issue)).stdout, `${change}: kept`).toMatch(/^2099-1: valid; 4242 segments/);
      expect((await check(issue, '--no-cache')).stdout, `${change}: --no-cache`).toMatch(/; 15 segments/);
      await markRecord(issue);
      await make();
      expect((await check(issue)).stdout, `${change}: after the change`).not.toMatch(/4242/);
    }
  });
});
