/**
 * Where a build's time goes: each stage of a build of the sample issue in this process
 * (read, split, render, print per language with the browser running, package per
 * language), and reading a generated 10 MB manuscript.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../scripts/browser.js';
import { locateIssue } from '../scripts/manuscript/locate-issue.js';
import type { IssueLocation } from '../scripts/manuscript/locate-issue.js';
import { readIssue } from '../scripts/manuscript/read-issue.js';
import type { ValidatedIssue } from '../scripts/manuscript/read-issue.js';
import { splitEditions } from '../scripts/manuscript/split-editions.js';
import type { Edition } from '../scripts/manuscript/split-editions.js';
import { makeEpub } from '../scripts/output/epub.js';
import { fontFiles } from '../scripts/output/fonts.js';
import { copyFontsAndMedia } from '../scripts/output/assets.js';
import { editionFileName } from '../scripts/output/file-names.js';
import { stringifyHtml } from '../scripts/output/html-shared.js';
import { printEdition } from '../scripts/output/pdf.js';
import { renderEditionPage } from '../scripts/render/edition-page.js';
import type { Download } from '../scripts/render/edition-page.js';
import { loadLabels } from '../scripts/render/labels.js';
import { renderParallelPage } from '../scripts/render/parallel-page.js';
import { projectRoot } from '../scripts/project.js';
import { time } from './measure.js';

/** One stage's times, in ms, with what it measured. */
export interface StageTimes {
  stage: string;
  times: number[];
  note: string;
}

export function locate(folder: string): IssueLocation {
  const location = locateIssue(folder, projectRoot);
  if ('error' in location) throw new Error(location.error);
  return location;
}

/** Each stage of a build of the sample issue, `runs` times. */
export async function stageTimes(runs: number): Promise<StageTimes[]> {
  const stages: StageTimes[] = [];
  const line = (stage: string, times: number[], note = '') => stages.push({ stage, times, note });
  const location = locate(path.join(projectRoot, 'manuscript', '2026-3'));
  const read: number[] = [];
  let issue: ValidatedIssue | undefined;
  for (let index = 0; index < runs; index++) {
    const [ms, result] = await time(() => readIssue(location));
    read.push(ms);
    issue = result.issue;
  }
  if (!issue) throw new Error('the sample issue has errors');
  line('read', read);

  const split: number[] = [];
  let editions = splitEditions(issue);
  for (let index = 0; index < runs; index++) {
    const [ms, result] = await time(() => splitEditions(issue));
    split.push(ms);
    editions = result;
  }
  line('split', split);

  const labels = loadLabels(issue.languages);
  const set = { editions, labels };
  // As the HTML writer links them: both downloads, beside `html/`.
  const downloads = (edition: Edition): Download[] =>
    (['pdf', 'epub'] as const).map((format) => ({
      format,
      href: `../../${editionFileName(edition.slug, edition.lang, format)}`,
    }));
  const render: number[] = [];
  for (let index = 0; index < runs; index++) {
    const [ms] = await time(() => {
      for (const edition of editions) stringifyHtml(renderEditionPage(edition, set, downloads(edition)));
      stringifyHtml(renderParallelPage(issue, set));
    });
    render.push(ms);
  }
  line('render', render, 'two pages and the parallel edition');

  const folder = await mkdtemp(path.join(os.tmpdir(), 'jlaga-bench-'));
  const session = await launchBrowser();
  try {
    await copyFontsAndMedia(folder, location.folder);
    for (const edition of editions) {
      const editionLabels = labels.get(edition.lang);
      if (!editionLabels) throw new Error(`no labels for ${edition.lang}`);
      const print: number[] = [];
      let pages = 0;
      for (let index = 0; index < runs; index++) {
        const [ms, printed] = await time(() => printEdition(session, folder, edition, editionLabels));
        print.push(ms);
        pages = printed.pages;
      }
      line(`print ${edition.lang}`, print, `${pages} pages, browser running`);
    }
    const fonts = await fontFiles();
    for (const edition of editions) {
      const editionLabels = labels.get(edition.lang);
      if (!editionLabels) throw new Error(`no labels for ${edition.lang}`);
      const pack: number[] = [];
      for (let index = 0; index < runs; index++)
        pack.push((await time(() => makeEpub(edition, editionLabels, issue, fonts)))[0]);
      line(`package ${edition.lang}`, pack, 'EPUB');
    }
  } finally {
    await session.close();
    await rm(folder, { recursive: true, force: true });
  }

  return stages;
}

/** One read of a generated 10 MB manuscript (the fixture issue's body repeated): its time and the memory it took. */
export async function largeRead(): Promise<StageTimes> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'jlaga-bench-'));
  try {
    await cp(path.join(projectRoot, 'test', 'fixtures', 'manuscript'), root, { recursive: true });
    const file = path.join(root, '2099-1', 'index.md');
    const text = await readFile(file, 'utf8');
    const cut = text.indexOf('\n---\n', 4) + 5;
    const body = text.slice(cut);
    // As many copies of the body as make 10 MiB, whatever the fixture's length.
    const count = Math.ceil((10 * 2 ** 20) / Buffer.byteLength(body));
    const copies = Array.from({ length: count }, (_, copy) =>
      body.replace(/\{#([a-z0-9-]+)/g, `{#$1-c${copy}`).replace(/\[\^([a-z]+)\]/g, `[^$1-c${copy}]`),
    );
    await writeFile(file, text.slice(0, cut) + copies.join('\n'));
    const bytes = (await readFile(file)).length;
    const [ms] = await time(() => readIssue(locate(path.join(root, '2099-1'))));
    return {
      stage: 'read 10 MB',
      times: [ms],
      note: `${(bytes / 2 ** 20).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
