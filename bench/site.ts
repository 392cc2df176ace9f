/**
 * The series' website with fifty issues, each a copy of the sample under its own slug,
 * number and date, built once (not timed); then the times of building it again after
 * one issue changed (a word added to a paragraph, another each run) and with nothing
 * changed.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compiledProgram } from '../scripts/project.js';
import { processTimes, runOnce, time } from './measure.js';
import { searchIndexTimes } from './search-index.js';
import type { SearchIndexTimes } from './search-index.js';

/** How many issues the site has. */
export const siteIssues = 50;

export interface SiteTimes {
  oneChanged: number[];
  unchanged: number[];
  /** Making the site's search index, alone. */
  searchIndex: SearchIndexTimes;
}

/** Generate the issues under `root/site-manuscript/`, build their site once, and time the two rebuilds. */
export async function siteTimes(runs: number, root: string): Promise<SiteTimes> {
  const manuscript = path.join(root, 'site-manuscript');
  await cp(path.join(root, 'manuscript', 'series.yaml'), path.join(manuscript, 'series.yaml'));
  const sample = await readFile(path.join(root, 'manuscript', '2026-3', 'index.md'), 'utf8');
  const folders: string[] = [];
  for (let number = 1; number <= siteIssues; number++) {
    const year = 2030 + Math.floor((number - 1) / 12);
    const month = ((number - 1) % 12) + 1;
    const folder = path.join(manuscript, `${year}-${month}`);
    await cp(path.join(root, 'manuscript', '2026-3'), folder, { recursive: true });
    await writeFile(
      path.join(folder, 'index.md'),
      sample
        .replace('issue: "2026/3"', `issue: "${year}/${month}"`)
        .replace('date: 2026-04-09', `date: ${year}-${String(month).padStart(2, '0')}-01`),
    );
    folders.push(folder);
  }
  const args = ['site', ...folders, '--output', path.join(root, 'site-output'), '--base-url', 'https://example.org/'];
  await runOnce(process.execPath, [compiledProgram, ...args]);

  // One issue changed: the first paragraph of its first English block gets a new word each run.
  const changedFile = path.join(folders[0] ?? '', 'index.md');
  const original = await readFile(changedFile, 'utf8');
  const opening = /^:::en\{#[^}\n]*\}\n/m.exec(original);
  if (!opening) throw new Error('the sample has no English block');
  const at = original.indexOf('\n', opening.index + opening[0].length);
  const oneChanged: number[] = [];
  for (let index = 0; index < runs; index++) {
    await writeFile(changedFile, `${original.slice(0, at)} benchmarkedit${index}${original.slice(at)}`);
    const [ms] = await time(() => runOnce(process.execPath, [compiledProgram, ...args]));
    oneChanged.push(ms);
  }
  const unchanged = await processTimes(runs, process.execPath, [compiledProgram, ...args]);
  const searchIndex = await searchIndexTimes(runs, path.join(root, 'site-output', 'site'));
  return { oneChanged, unchanged, searchIndex };
}
