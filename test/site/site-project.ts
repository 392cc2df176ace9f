/**
 * A project to build a site from, in a temporary folder: the sample issue (with a
 * release and DOIs) and the fixture issue under one `manuscript/`, with the sample's
 * series and the fields a site needs, and `output/` beside it.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../scripts/cli/site.js';
import { projectRoot } from '../../scripts/project.js';
import { fixtureIssue, runCommand, tempFolder } from '../helpers.js';
import type { CommandRun } from '../helpers.js';

/** The fields of series.yaml that the site uses. */
export const siteFields = [
  'site:',
  '  url: https://jlaga.example.org/analyses/',
  'issn: 1234-5679',
  'doi:',
  '  prefix: "10.12345"',
  '  depositor: { name: John Lukacs Institute, email: jli@example.org }',
  '',
].join('\n');

export interface SiteProject {
  root: string;
  /** The issue folders, sample first. */
  issues: string[];
  output: string;
  site: string;
  /** Run `jlaga site` on the project's issues with `--output` and `args`. */
  run: (...args: string[]) => Promise<CommandRun>;
}

/** A new project with both issues, the sample released (its files stand-ins of a few bytes). */
export async function siteProject(): Promise<SiteProject> {
  const root = await tempFolder('jlaga-site-');
  const manuscript = path.join(root, 'manuscript');
  await mkdir(manuscript, { recursive: true });
  const series = await readFile(path.join(projectRoot, 'manuscript', 'series.yaml'), 'utf8');
  await writeFile(path.join(manuscript, 'series.yaml'), `${series}${siteFields}`);
  const sample = path.join(manuscript, '2026-3');
  await cp(path.join(projectRoot, 'manuscript', '2026-3'), sample, { recursive: true });
  const text = await readFile(path.join(sample, 'index.md'), 'utf8');
  const end = text.indexOf('\n---\n', 3);
  await writeFile(
    path.join(sample, 'index.md'),
    `${text.slice(0, end)}\ndoi: { en: 10.12345/jlaga.2026.3.en, hu: 10.12345/jlaga.2026.3.hu }${text.slice(end)}`,
  );
  const fixture = path.join(manuscript, '2099-1');
  await cp(fixtureIssue, fixture, { recursive: true });
  const output = path.join(root, 'output');
  await writeRelease(path.join(output, 'release', '2026-3'));
  const issues = [sample, fixture];
  return {
    root,
    issues,
    output,
    site: path.join(output, 'site'),
    run: (...args) => runCommand(main, [...issues, '--output', output, ...args]),
  };
}

/** A release of 2026-3 as the site reads it: its manifest and its PDFs and EPUBs. */
async function writeRelease(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const files = ['en', 'hu'].flatMap((lang) =>
    (['pdf', 'epub'] as const).map((format) => ({
      name: `jlaga-2026-3-${lang}.${format}`,
      format,
      mediaType: format === 'pdf' ? 'application/pdf' : 'application/epub+zip',
      languages: [lang],
      bytes: 0,
      sha256: '',
    })),
  );
  const { createHash } = await import('node:crypto');
  for (const file of files) {
    const bytes = Buffer.from(`%stand-in for ${file.name}\n`);
    await writeFile(path.join(folder, file.name), bytes);
    file.bytes = bytes.length;
    file.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  const manifest = {
    issue: '2026/3',
    slug: '2026-3',
    date: '2026-04-09',
    draft: false,
    languages: ['en', 'hu'],
    files,
  };
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
