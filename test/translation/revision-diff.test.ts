/// <reference lib="dom" />
/**
 * `npm run diff`: a temporary git repository holds the fixture issue in three commits
 * and an uncommitted edit; the diffs between them name exactly the segments added,
 * removed, moved and changed, the words that changed and the translations left behind.
 * The command's JSON, exit codes and HTML report (Nu Html Checker, axe-core) too.
 */
import { execFile } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, launchBrowser } from '../../scripts/browser.js';
import { main as diffMain } from '../../scripts/cli/diff.js';
import type { IssueLocation } from '../../scripts/manuscript/locate-issue.js';
import { readVersion } from '../../scripts/translation/read-version.js';
import type { ReadVersion, VersionSpec } from '../../scripts/translation/read-version.js';
import { diffRevisions } from '../../scripts/translation/revision-diff.js';
import type { RevisionDiff } from '../../scripts/translation/revision-diff.js';
import { formatTerminal } from '../../scripts/translation/revision-diff-report.js';
import { axeViolations } from '../axe.js';
import { copyFixtureManuscript, locate, runCommand, tempFolder } from '../helpers.js';
import type { CommandRun } from '../helpers.js';

const run = promisify(execFile);
const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');

let root: string;
let location: IssueLocation;
/** The commits, oldest first. */
let commits: string[];

const quote = [
  ':::en{#s1-quote}',
  '> “A quotation set apart,” said the editor.',
  ':::',
  '',
  ':::hu{#s1-quote src=ba6daa2e}',
  '> „Egy kiemelt idézet” – mondta a szerkesztő.',
  ':::',
  '',
  '',
].join('\n');
const listHeading = [
  ':::en{#s2-2-heading}',
  '#### a) Lists',
  ':::',
  '',
  ':::hu{#s2-2-heading src=fe725139}',
  '#### a) Felsorolások',
  ':::',
  '',
  '',
].join('\n');
const newParagraph = [
  ':::en{#s1-p2}',
  'A new paragraph follows.',
  ':::',
  '',
  ':::hu{#s1-p2}',
  'Egy új bekezdés következik.',
  ':::',
  '',
  '',
].join('\n');

/** Replace `from` (which must occur once) in the issue's manuscript. */
async function edit(...replacements: Array<[string, string]>): Promise<void> {
  let text = await readFile(location.manuscript, 'utf8');
  for (const [from, to] of replacements) {
    expect(text.split(from)).toHaveLength(2);
    text = text.replace(from, () => to);
  }
  await writeFile(location.manuscript, text);
}

async function git(...args: string[]): Promise<string> {
  return (await run('git', args, { cwd: root })).stdout.trim();
}

beforeAll(async () => {
  ({ root } = await copyFixtureManuscript());
  location = locate(path.join(root, '2099-1'));
  await git('init', '--quiet');
  await git('config', 'user.name', 'Test Editor');
  await git('config', 'user.email', 'editor@example.org');
  await git('config', 'commit.gpgsign', 'false');
  await git('add', '.');
  await git('commit', '--quiet', '-m', 'Initial');
  // (2) An English paragraph changed, its translation not; a segment added.
  await edit(
    ['The first paragraph cites two sources', 'The first paragraph quotes two sources'],
    [':::en{#fn-first}', `${newParagraph}:::en{#fn-first}`],
  );
  await git('commit', '--quiet', '-a', '-m', 'Second');
  // (3) A segment moved, a segment removed, a translation changed.
  await edit([quote, ''], [listHeading, quote], ['fordították tesztelésre', 'költötték tesztelésre']);
  await git('commit', '--quiet', '-a', '-m', 'Third');
  commits = (await git('log', '--format=%H', '--reverse')).split('\n');
  // Uncommitted: a heading changed in both languages; a sentence added to a paragraph.
  await edit(
    ['### 2.1. A Chart', '### 2.1. A Line Chart'],
    ['### 2.1. Egy grafikon', '### 2.1. Egy vonaldiagram'],
    ['A new paragraph follows.', 'A new paragraph follows. It has two sentences.'],
  );
});

async function diffBetween(from: VersionSpec, to: VersionSpec): Promise<RevisionDiff> {
  const [before, after] = await Promise.all([readVersion(location, from), readVersion(location, to)]);
  if ('error' in before || 'error' in after) throw new Error('a version could not be read');
  return diffRevisions(before.result, after.result);
}

const revision = (rev: string): VersionSpec => ({ kind: 'revision', revision: rev });

/** The ids of segments added, removed and moved, and of each language's changed blocks. */
function sets(diff: RevisionDiff) {
  const ids = (keep: (segment: RevisionDiff['segments'][number]) => boolean) =>
    diff.segments.filter(keep).map((segment) => segment.id);
  return {
    added: ids((segment) => segment.change === 'added'),
    removed: ids((segment) => segment.change === 'removed'),
    moved: ids((segment) => segment.moved),
    changed: Object.fromEntries(
      diff.languages.map((lang) => [
        lang,
        ids((segment) => segment.blocks.some((block) => block.lang === lang && block.change === 'changed')),
      ]),
    ),
  };
}

function block(diff: RevisionDiff, id: string, lang: string) {
  return diff.segments.find((segment) => segment.id === id)?.blocks.find((candidate) => candidate.lang === lang);
}

describe('revision diff', () => {
  it('1..2: a changed source paragraph whose translation did not follow, and an added segment', async () => {
    const diff = await diffBetween(revision(commits[0] ?? ''), revision(commits[1] ?? ''));
    expect(sets(diff)).toEqual({ added: ['s1-p2'], removed: [], moved: [], changed: { en: ['s1-p1'], hu: [] } });
    const source = block(diff, 's1-p1', 'en');
    expect(source?.words).toEqual([
      { type: 'equal', text: 'The first paragraph ' },
      { type: 'delete', text: 'cites ' },
      { type: 'insert', text: 'quotes ' },
      { type: 'equal', text: 'two sources,[^budget][^first] and the budget note again.' },
    ]);
    expect(source?.translations).toEqual({ hu: 'not-changed' });
    expect(block(diff, 's1-p1', 'hu')).toMatchObject({
      change: 'unchanged',
      from: { state: 'confirmed' },
      to: { state: 'stale' },
    });
    expect(block(diff, 's1-p2', 'hu')).toMatchObject({
      change: 'added',
      from: undefined,
      to: { index: 7, line: 84, state: 'unconfirmed' },
      words: [{ type: 'insert', text: 'Egy új bekezdés következik.' }],
    });
    expect(diff.summary).toEqual({
      en: { added: 1, removed: 0, changed: 1, unchanged: 14, moved: 0, notUpdated: 0 },
      hu: { added: 1, removed: 0, changed: 0, unchanged: 15, moved: 0, notUpdated: 1 },
    });
  });

  it('2..3: a moved segment, a removed one and a changed translation', async () => {
    const diff = await diffBetween(revision(commits[1] ?? ''), revision(commits[2] ?? ''));
    expect(sets(diff)).toEqual({
      added: [],
      removed: ['s2-2-heading'],
      moved: ['s1-quote'],
      changed: { en: [], hu: ['lead'] },
    });
    expect(block(diff, 'lead', 'en')?.translations).toBeUndefined();
    expect(block(diff, 'lead', 'hu')?.words.filter((part) => part.type !== 'equal')).toEqual([
      { type: 'delete', text: 'fordították ' },
      { type: 'insert', text: 'költötték ' },
    ]);
    expect(diff.segments.find((segment) => segment.id === 's1-quote')).toMatchObject({
      change: 'unchanged',
      moved: true,
      from: { index: 9 },
      to: { index: 13 },
    });
  });

  it('1..3: everything at once, removed segments where they were', async () => {
    const diff = await diffBetween(revision(commits[0] ?? ''), revision(commits[2] ?? ''));
    expect(sets(diff)).toEqual({
      added: ['s1-p2'],
      removed: ['s2-2-heading'],
      moved: ['s1-quote'],
      changed: { en: ['s1-p1'], hu: ['lead'] },
    });
    expect(diff.segments.map((segment) => segment.id).slice(9, 14)).toEqual([
      's2-1-heading',
      's2-1-figure',
      's2-1-table',
      's2-2-heading',
      's1-quote',
    ]);
    expect(block(diff, 's1-p1', 'en')?.translations).toEqual({ hu: 'not-changed' });
    expect(diff.summary.hu).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 13, moved: 1, notUpdated: 1 });
  });

  it('HEAD against the working tree: a source changed with its translation, and one without', async () => {
    const diff = await diffBetween(revision('HEAD'), { kind: 'working-tree' });
    expect(sets(diff)).toEqual({
      added: [],
      removed: [],
      moved: [],
      changed: { en: ['s1-p2', 's2-1-heading'], hu: ['s2-1-heading'] },
    });
    expect(block(diff, 's2-1-heading', 'en')?.translations).toEqual({ hu: 'changed' });
    expect(block(diff, 's1-p2', 'en')?.translations).toEqual({ hu: 'not-changed' });
    // Words added at the end keep the space before them.
    expect(block(diff, 's1-p2', 'en')?.words).toEqual([
      { type: 'equal', text: 'A new paragraph follows. ' },
      { type: 'insert', text: 'It has two sentences.' },
    ]);
    expect(block(diff, 's2-1-heading', 'en')?.words).toEqual([
      { type: 'equal', text: '### 2.1. A ' },
      { type: 'insert', text: 'Line ' },
      { type: 'equal', text: 'Chart' },
    ]);
  });

  it('prints the terminal diff plain, or in colour', async () => {
    const read = async (spec: VersionSpec) => (await readVersion(location, spec)) as ReadVersion;
    const [from, to] = [await read(revision(commits[0] ?? '')), await read(revision(commits[1] ?? ''))];
    const diff = diffRevisions(from.result, to.result);
    const plain = formatTerminal(diff, { issue: '2099-1', from, to }, { color: false });
    expect(plain).toContain('The first paragraph [-cites-]{+quotes+} two sources');
    expect(plain).toMatch(/^ {2}hu unchanged \(translation not updated: its source changed; stale or needs review\)$/m);
    expect(plain).toContain('\nen: 1 added, 0 removed, 1 changed, 14 unchanged; 0 moved\n');
    expect(plain).toContain('\nhu: 1 added, 0 removed, 0 changed, 15 unchanged; 0 moved; 1 not updated\n');
    expect(plain).not.toContain('\u001b[');
    expect(formatTerminal(diff, { issue: '2099-1', from, to }, { color: true })).toContain(
      '\u001b[31m[-cites-]\u001b[39m',
    );
  });
});

const diffCommand = (...args: string[]): Promise<CommandRun> => runCommand(diffMain, args);

describe('npm run diff', () => {
  it('prints the documented JSON and exits 0', async () => {
    const { code, stdout, stderr } = await diffCommand(location.folder, '--from', 'HEAD~2', '--to', 'HEAD~1', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const date = await git('show', '-s', '--format=%cd', '--date=short', 'HEAD');
    const version = (rev: string, commit: string) => ({
      kind: 'revision',
      label: `${rev} (${commit.slice(0, 7)}, ${date})`,
      revision: rev,
      commit,
      date,
      path: `${rev}:2099-1/index.md`,
      errors: false,
    });
    const unchanged = { added: 0, removed: 0, changed: 0, moved: 0, notUpdated: 0 };
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      issue: '2099-1',
      default: null,
      from: version('HEAD~2', commits[0] ?? ''),
      to: version('HEAD~1', commits[1] ?? ''),
      languages: ['en', 'hu'],
      source: 'en',
      summary: {
        en: { ...unchanged, added: 1, changed: 1, unchanged: 14 },
        hu: { ...unchanged, added: 1, unchanged: 15, notUpdated: 1 },
      },
      segments: [
        {
          id: 's1-p1',
          change: 'changed',
          moved: false,
          from: { index: 6, line: 72 },
          to: { index: 6, line: 72 },
          blocks: [
            {
              lang: 'en',
              change: 'changed',
              from: { index: 6, line: 72, state: 'source' },
              to: { index: 6, line: 72, state: 'source' },
              words: [
                { type: 'equal', text: 'The first paragraph ' },
                { type: 'delete', text: 'cites ' },
                { type: 'insert', text: 'quotes ' },
                { type: 'equal', text: 'two sources,[^budget][^first] and the budget note again.' },
              ],
              translations: { hu: 'not-changed' },
            },
            {
              lang: 'hu',
              change: 'unchanged',
              from: { index: 6, line: 76, state: 'confirmed' },
              to: { index: 6, line: 76, state: 'stale' },
              words: [
                {
                  type: 'equal',
                  text: 'Az első bekezdés két forrást idéz,[^budget][^first] és ismét a költségvetési jegyzetet.',
                },
              ],
              translations: null,
            },
          ],
        },
        {
          id: 's1-p2',
          change: 'added',
          moved: false,
          from: null,
          to: { index: 7, line: 80 },
          blocks: [
            {
              lang: 'en',
              change: 'added',
              from: null,
              to: { index: 7, line: 80, state: 'source' },
              words: [{ type: 'insert', text: 'A new paragraph follows.' }],
              translations: null,
            },
            {
              lang: 'hu',
              change: 'added',
              from: null,
              to: { index: 7, line: 84, state: 'unconfirmed' },
              words: [{ type: 'insert', text: 'Egy új bekezdés következik.' }],
              translations: null,
            },
          ],
        },
      ],
    });
  });

  it('compares a file with errors as far as it can be read, with a warning', async () => {
    const folder = await tempFolder('jlaga-diff-test-');
    const broken = path.join(folder, 'broken.md');
    await writeFile(broken, `${await readFile(location.manuscript, 'utf8')}\nText outside any block.\n`);
    const { code, stdout, stderr } = await diffCommand(location.folder, '--to', broken, '--json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Warning: the --to version \(.*broken\.md\) has errors/);
    expect(stderr).toMatch(/error\s+Unexpected content outside any language block/);
    const json = JSON.parse(stdout) as { to: { kind: string; errors: boolean }; segments: Array<{ id: string }> };
    expect(json.to).toMatchObject({ kind: 'file', errors: true });
    expect(json.segments.map((segment) => segment.id)).toEqual(['s1-p2', 's2-1-heading']);
  });

  it('exits 1 when a version cannot be read', async () => {
    const [unknown, missing] = await Promise.all([
      diffCommand(location.folder, '--from', 'no-such-revision'),
      diffCommand(location.folder, '--to', path.join(root, 'missing.md')),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^No file or revision `no-such-revision`/);
    expect(unknown.stdout).toBe('');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^No file or revision `.*missing\.md`/);
  });

  it('exits 2 on bad usage', async () => {
    const results = await Promise.all([
      diffCommand(),
      diffCommand(location.folder, location.folder),
      diffCommand(location.folder, '--frobnicate'),
      diffCommand('no-such-issue'),
    ]);
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2]);
  });

  it('refuses to write its HTML report over a manuscript, series.yaml or a folder, through a link too (exit 2, one line)', async () => {
    const other = await copyFixtureManuscript();
    const manuscript = path.join(other.issue, 'index.md');
    const before = await readFile(manuscript);
    const link = path.join(await tempFolder('jlaga-diff-link-'), 'report.html');
    await symlink(manuscript, link);
    const versions = ['--from', manuscript, '--to', manuscript];
    const targets = [manuscript, link, path.join(other.root, 'series.yaml'), other.issue];
    const results = await Promise.all(targets.map((target) => diffCommand(other.issue, ...versions, '--html', target)));
    for (const [index, result] of results.entries()) {
      expect(result.code, targets[index]).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^Will not write over \S+( \(a link to \S+\))?: it is [^\n]+\.\n$/);
    }
    expect(results[1]?.stderr).toMatch(/\(a link to \S*index\.md\): it is the manuscript of an issue/);
    expect(await readFile(manuscript)).toEqual(before);
    expect(await readFile(path.join(other.root, 'series.yaml'), 'utf8')).toMatch(/^name:/m);
  });

  it('writes an HTML report in which the Nu Html Checker and axe-core find nothing', { timeout: 90_000 }, async () => {
    const folder = await tempFolder('jlaga-diff-html-');
    const file = path.join(folder, 'report', 'diff.html');
    const { code, stderr } = await diffCommand(location.folder, '--from', 'HEAD~2', '--html', file);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^HTML report: /);
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/<del><span class="visually-hidden" lang="en">Deleted: <\/span>cites<span/);
    expect(html).toContain('Not updated: its source changed and it did not.');

    // vnu exits 1 when it reports anything; the JSON on stderr says what.
    const checked = await run('java', ['-jar', vnu, '--format', 'json', file]).catch(
      (error: { stderr: string }) => error,
    );
    const messages = (
      JSON.parse(checked.stderr) as { messages: Array<{ type: string; lastLine?: number; message: string }> }
    ).messages;
    expect(messages.map((message) => `${message.type} ${message.lastLine ?? 0}: ${message.message}`)).toEqual([]);

    const session = await launchBrowser();
    try {
      const { page, blocked } = await session.openPage(folder);
      await page.goto(fileUrl(file), { waitUntil: 'load' });
      expect(await axeViolations(page)).toEqual([]);
      expect(blocked).toEqual([]);
      // On a phone the page does not scroll sideways (the summary table scrolls in its region).
      await page.setViewport({ width: 375, height: 800 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      await page.close();
    } finally {
      await session.close();
    }
  });
});

describe('jlaga diff <issue> without versions', () => {
  /** A copy of the fixture issue, and git in its folder. */
  async function repository(): Promise<{ root: string; issue: string; git: (...args: string[]) => Promise<string> }> {
    const copy = await copyFixtureManuscript();
    const inCopy = async (...args: string[]) => (await run('git', args, { cwd: copy.root })).stdout.trim();
    return { ...copy, git: inCopy };
  }

  async function initialise(git: (...args: string[]) => Promise<string>, ...paths: string[]): Promise<void> {
    await git('init', '--quiet');
    await git('config', 'user.name', 'Test Editor');
    await git('config', 'user.email', 'editor@example.org');
    await git('config', 'commit.gpgsign', 'false');
    await git('add', ...paths);
    await git('commit', '--quiet', '-m', 'Initial');
  }

  async function replaceIn(file: string, from: string, to: string): Promise<void> {
    const text = await readFile(file, 'utf8');
    expect(text.split(from)).toHaveLength(2);
    await writeFile(file, text.replace(from, to));
  }

  it('compares the last commit with the working tree, or the last change when the working tree has none', async () => {
    const { issue, git } = await repository();
    const manuscript = path.join(issue, 'index.md');
    await initialise(git, '.');
    const first = await git('rev-parse', 'HEAD');
    const date = await git('show', '-s', '--format=%cd', '--date=short', 'HEAD');
    const short = (commit: string) => commit.slice(0, 7);

    // One version, nothing changed: nothing to compare, in one line.
    const alone = await diffCommand(issue);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toMatch(
      new RegExp(
        `^2099-1: \\S*2099-1/index\\.md has one version in its git history \\(${short(first)}, ${date}\\) and no change in the working tree: nothing to compare it with\\.\\n$`,
      ),
    );

    // A change in the working tree: the last commit against it, as before.
    await replaceIn(manuscript, 'The first paragraph cites', 'The first paragraph quotes');
    const working = await diffCommand(issue);
    expect(working.code).toBe(0);
    expect(working.stdout.split('\n')[0]).toBe(`2099-1: HEAD (${short(first)}, ${date}) → working tree`);
    expect(working.stdout).toContain('[-cites-]{+quotes+}');
    const workingJson = JSON.parse((await diffCommand(issue, '--json')).stdout) as Record<string, unknown>;
    expect(workingJson).toMatchObject({
      default: 'working-tree',
      from: { kind: 'revision', revision: 'HEAD', commit: first, date },
      to: { kind: 'working-tree', commit: null, date: null },
    });

    // Committed, then a commit that does not touch the manuscript: the last change is still found.
    await git('commit', '--quiet', '-a', '-m', 'Second');
    const second = await git('rev-parse', 'HEAD');
    await writeFile(path.join(issue, '..', 'notes.txt'), 'Not the manuscript.\n');
    await git('add', 'notes.txt');
    await git('commit', '--quiet', '-m', 'Third');
    const last = await diffCommand(issue);
    expect(last.code).toBe(0);
    expect(last.stderr).toBe('');
    expect(last.stdout.split('\n').slice(0, 2)).toEqual([
      `2099-1: ${short(first)} (${date}) → ${short(second)} (${date})`,
      'No change in the working tree: the manuscript’s last change, between the two commits that changed it last.',
    ]);
    expect(last.stdout).toContain('The first paragraph [-cites-]{+quotes+} two sources');
    const lastJson = JSON.parse((await diffCommand(issue, '--json')).stdout) as Record<string, unknown>;
    expect(lastJson).toMatchObject({
      default: 'last-change',
      from: { kind: 'revision', commit: first, label: `${short(first)} (${date})`, date },
      to: { kind: 'revision', commit: second, label: `${short(second)} (${date})`, date },
    });

    // Versions given are compared as given.
    const given = JSON.parse((await diffCommand(issue, '--from', 'HEAD', '--json')).stdout) as Record<string, unknown>;
    expect(given).toMatchObject({ default: null, from: { revision: 'HEAD' }, to: { kind: 'working-tree' } });
  });

  it('says in one line that an untracked manuscript, or one outside git, has nothing to compare with', async () => {
    const untracked = await repository();
    await initialise(untracked.git, 'series.yaml');
    const outside = await repository();
    const [inRepository, noRepository] = await Promise.all([diffCommand(untracked.issue), diffCommand(outside.issue)]);
    expect(inRepository).toMatchObject({ code: 1, stdout: '' });
    expect(inRepository.stderr).toMatch(
      /^2099-1: \S*2099-1\/index\.md is not in the git history \(untracked\): there is no earlier version to compare it with\.\n$/,
    );
    expect(noRepository).toMatchObject({ code: 1, stdout: '' });
    expect(noRepository.stderr).toMatch(
      /^2099-1: \S*2099-1\/index\.md is not in a git repository: there is no earlier version to compare it with \(give --from and --to files\)\.\n$/,
    );
  });
});
