/**
 * The benchmark of `jlaga bench`: the program against anchors measured in the same run,
 * as ratios, and the editor's loops against their goals; then where a build's time goes.
 *
 *   check, issue edited      `jlaga check 2026-3 --no-cache` beside `pandoc -s -t html5` of the same file
 *   check, issue unchanged   `jlaga check 2026-3` when its kept check holds, beside pandoc
 *   full build               `jlaga build 2026-3 --no-cache` (both languages: HTML, parallel,
 *                            EPUB, PDF) beside one English PDF by a minimal Paged.js script
 *   rebuild, unchanged       `jlaga build 2026-3` when the output is up to date
 *   preview                  one paragraph edited → the new page served by `jlaga dev`
 *   memory suggestions       the sample's segments matched against about 6,000 pairs
 *   year, unchanged          (--all) twelve issues built again, nothing changed
 *   release                  (--all) `jlaga release 2026-3` beside the full build
 *   read 10 MB               (--large, --all) reading a generated 10 MB manuscript
 *   import 50 pages          (--all) `jlaga import` of a generated 50-page DOCX with 200 notes
 *   test suite               (--all) the tests on this checkout
 *
 * Each figure is the median of `runs` runs, every command a new process as a user
 * runs it. Speed targets live here, never in timed tests.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compiledProgram, projectRoot } from '../scripts/project.js';
import { ensurePandoc, pagedJsTimes, pandocTimes } from './anchors.js';
import { importTimes } from './import.js';
import { copyManuscripts, jlagaTimes, previewTimes, releaseTimes, yearTimes } from './loops.js';
import { median, processTimes, time } from './measure.js';
import { memoryMatchTimes } from './memory.js';
import { siteIssues, siteTimes } from './site.js';
import { largeRead, stageTimes } from './stages.js';
import type { StageTimes } from './stages.js';

const run = promisify(execFile);

/** What to measure, and where progress goes. */
export interface BenchOptions {
  runs: number;
  /** Add the read of a 10 MB manuscript. */
  large: boolean;
  /** Add every long row: a year of issues, the release, 10 MB, the site, the test suite. */
  all: boolean;
  /** Add the site of fifty issues. */
  site?: boolean;
  /** Called with a line of progress. */
  progress: (line: string) => void;
}

/** One row: our times, the anchor's (or why there is none), and the goal. */
export interface BenchRow {
  row: string;
  command: string;
  ours: number[];
  anchor?: { name: string; times: number[] } | { name: string; unmeasured: string };
  goal: { ratio: number } | { ms: number };
  note?: string;
}

/** What the benchmark measured. */
export interface BenchResult {
  machine: { cpus: number; node: string; platform: string };
  runs: number;
  nodeAlone: number[];
  rows: BenchRow[];
  stages: StageTimes[];
}

/** Run the benchmark. */
export async function benchmark(options: BenchOptions): Promise<BenchResult> {
  const { runs, progress } = options;
  if (!existsSync(compiledProgram)) {
    throw new Error(`${path.relative(projectRoot, compiledProgram)} is missing: run npm run compile`);
  }
  const rows: BenchRow[] = [];
  const root = await copyManuscripts();
  try {
    progress(`node alone`);
    const nodeAlone = await processTimes(runs, process.execPath, ['-e', '0']);
    const manuscript = path.join(projectRoot, 'manuscript', '2026-3', 'index.md');
    const pandoc = await ensurePandoc(progress);
    const pandocAnchor = async (): Promise<BenchRow['anchor']> =>
      pandoc === true
        ? { name: 'pandoc -s -t html5', times: await pandocTimes(runs, manuscript, path.join(root, 'pandoc.html')) }
        : { name: 'pandoc -s -t html5', unmeasured: pandoc.why };

    progress('check, issue edited');
    rows.push({
      row: 'check, issue edited',
      command: 'jlaga check 2026-3 --no-cache',
      ours: await jlagaTimes(runs, ['check', '2026-3', '--no-cache']),
      anchor: await pandocAnchor(),
      goal: { ratio: 1 },
    });
    progress('check, issue unchanged');
    await jlagaTimes(1, ['check', '2026-3']);
    rows.push({
      row: 'check, issue unchanged',
      command: 'jlaga check 2026-3',
      ours: await jlagaTimes(runs, ['check', '2026-3']),
      anchor: await pandocAnchor(),
      goal: { ratio: 1 },
    });

    progress('full build');
    const output = path.join(root, 'output');
    const build = await jlagaTimes(runs, ['build', '2026-3', '--no-cache', '--output', output]);
    const page = path.join(output, '2026-3', 'html', 'en', 'index.html');
    const paged = await pagedJsTimes(runs, page, path.join(root, 'anchor.pdf'));
    rows.push({
      row: 'full build',
      command: 'jlaga build 2026-3 --no-cache',
      ours: build,
      anchor: Array.isArray(paged)
        ? { name: 'one English PDF, minimal Paged.js', times: paged }
        : { name: 'one English PDF, minimal Paged.js', unmeasured: paged.why },
      goal: { ratio: 1 },
    });
    progress('rebuild, unchanged');
    rows.push({
      row: 'rebuild, unchanged',
      command: 'jlaga build 2026-3',
      ours: await jlagaTimes(runs, ['build', '2026-3', '--output', output]),
      goal: { ms: 300 },
    });
    progress('preview');
    rows.push({
      row: 'preview, paragraph edited',
      command: 'jlaga dev 2026-3: write → page served',
      ours: await previewTimes(runs, root),
      goal: { ms: 100 },
    });

    progress('translation memory');
    const matching = await memoryMatchTimes(runs);
    rows.push({
      row: 'memory suggestions',
      command: 'align status --suggest: every segment',
      ours: matching.times,
      goal: { ms: 1000 },
      note: `${matching.segments} segments against ${matching.pairs} pairs`,
    });

    if (options.all) {
      progress('a year of issues, unchanged (first builds twelve issues)');
      rows.push({
        row: 'year, unchanged',
        command: 'jlaga build <12 issues>',
        ours: await yearTimes(runs, root),
        goal: { ms: 1000 },
      });
      progress('release');
      rows.push({
        row: 'release',
        command: 'jlaga release 2026-3',
        ours: await releaseTimes(Math.min(runs, 3), root),
        anchor: { name: 'full build (above)', times: build },
        goal: { ratio: 2 },
      });
    }
    if (options.large || options.all) {
      progress('read 10 MB');
      const large = await largeRead();
      rows.push({
        row: 'read 10 MB',
        command: 'read a 10 MB manuscript',
        ours: large.times,
        goal: { ms: 5000 },
        note: large.note,
      });
    }
    if (options.site || options.all) {
      progress(`the site of ${siteIssues} issues (first builds it)`);
      const site = await siteTimes(runs, root);
      rows.push({
        row: 'site, one issue changed',
        command: `jlaga site <${siteIssues} issues>`,
        ours: site.oneChanged,
        goal: { ms: 3000 },
      });
      rows.push({
        row: 'site, unchanged',
        command: `jlaga site <${siteIssues} issues>`,
        ours: site.unchanged,
        goal: { ms: 1000 },
      });
      rows.push({
        row: 'site search index',
        command: `Pagefind over the site of ${siteIssues} issues`,
        ours: site.searchIndex.times,
        // Its share of the 3 s of a site build after one issue changed.
        goal: { ms: 1000 },
        note: site.searchIndex.note,
      });
    }
    if (options.all) {
      progress('import 50 pages');
      const imported = await importTimes(runs, root);
      rows.push({
        row: 'import 50 pages',
        command: 'jlaga import <50 pages, 200 notes>.docx',
        ours: imported.times,
        goal: { ms: 2000 },
        note: imported.note,
      });
      progress('test suite');
      const [ms] = await time(() =>
        run(process.execPath, [path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], {
          cwd: projectRoot,
          maxBuffer: 256 * 2 ** 20,
        }),
      );
      rows.push({ row: 'test suite', command: 'vitest run', ours: [ms], goal: { ms: 120_000 } });
    }

    progress('stages');
    const stages = await stageTimes(runs);
    return {
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
      runs,
      nodeAlone,
      rows,
      stages,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Whether a row meets its goal; undefined when its anchor could not be measured. */
export function meets(row: BenchRow): boolean | undefined {
  const ours = median(row.ours);
  if ('ms' in row.goal) return ours <= row.goal.ms;
  if (!row.anchor || !('times' in row.anchor)) return undefined;
  return ours <= row.goal.ratio * median(row.anchor.times);
}

/** The result as lines of text: a table of rows, then the stages. */
export function formatBench(result: BenchResult): string[] {
  const ms = (value: number) => `${value >= 10_000 ? (value / 1000).toFixed(1) + ' s' : value.toFixed(0) + ' ms'}`;
  const lines = [
    `${result.machine.cpus} cores, Node ${result.machine.node}; medians of ${result.runs} runs; node alone starts in ${ms(median(result.nodeAlone))}`,
    '',
    `${'row'.padEnd(26)} ${'ours'.padStart(9)}  ${'anchor'.padEnd(44)} ${'ratio'.padStart(6)}  goal`,
  ];
  for (const row of result.rows) {
    const ours = median(row.ours);
    let anchor = '';
    let ratio = '';
    if (row.anchor && 'times' in row.anchor) {
      const theirs = median(row.anchor.times);
      anchor = `${row.anchor.name} ${ms(theirs)}`;
      ratio = `${(ours / theirs).toFixed(2)}×`;
    } else if (row.anchor) {
      anchor = `${row.anchor.name}: not measured, ${row.anchor.unmeasured}`;
    }
    const goal = 'ms' in row.goal ? `≤ ${ms(row.goal.ms)}` : `≤ ${row.goal.ratio.toFixed(1)}×`;
    const met = meets(row);
    const verdict = met === undefined ? '' : met ? 'met' : 'not met';
    lines.push(
      `${row.row.padEnd(26)} ${ms(ours).padStart(9)}  ${anchor.padEnd(44)} ${ratio.padStart(6)}  ${goal} ${verdict}${row.note ? ` (${row.note})` : ''}`,
    );
  }
  lines.push('', 'where a build of the sample spends its time (in one process):');
  for (const stage of result.stages) {
    lines.push(
      `  ${stage.stage.padEnd(16)} ${ms(median(stage.times)).padStart(9)}${stage.note ? `  ${stage.note}` : ''}`,
    );
  }
  return lines;
}
