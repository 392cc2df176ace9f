/**
 * Releases: reproducible byte for byte, refused with every problem listed, drafts
 * marked, a failure in the middle leaves the previous release as it was, and
 * `--verify` finds a changed file.
 */
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyBrowser } from '../../scripts/browser.js';
import { main } from '../../scripts/cli/release.js';
import { releaseIssue } from '../../scripts/release/release.js';
import type { Manifest } from '../../scripts/release/manifest.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { verifyRelease } from '../../scripts/release/verify.js';
import { copyFixtureManuscript, fixtures, hashTree, locate, runCommand, tempFolder } from '../helpers.js';

const run = promisify(execFile);
const browser = lazyBrowser();
let first: string;

async function release(issue: string, options: { draft?: boolean; beforeMove?: () => void; root?: string } = {}) {
  const releaseRoot = options.root ?? (await tempFolder('jlaga-release-'));
  const result = await releaseIssue(locate(issue), {
    releaseRoot,
    browser: browser.get,
    draft: options.draft,
    beforeMove: options.beforeMove,
  });
  return { releaseRoot, ...result };
}

beforeAll(async () => {
  const { folder, released } = await release(path.join(fixtures, 'manuscript', '2099-1'));
  expect(released).toBe(true);
  first = folder;
}, 120_000);

afterAll(async () => {
  await browser.close();
});

describe('release', () => {
  it('names, lists and checksums every file', async () => {
    expect(Object.keys(await hashTree(first)).sort()).toEqual([
      'SHA256SUMS',
      'index.html',
      'jlaga-2099-1-en.epub',
      'jlaga-2099-1-en.pdf',
      'jlaga-2099-1-html.zip',
      'jlaga-2099-1-hu.epub',
      'jlaga-2099-1-hu.pdf',
      'jlaga-2099-1.zip',
      'manifest.json',
    ]);
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first });
    expect(stdout.trim().split('\n')).toHaveLength(8);
    const manifest = JSON.parse(await readFile(path.join(first, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ issue: '2099/1', date: '2099-01-15', draft: false, languages: ['en', 'hu'] });
    expect(manifest.authors[0]).toEqual({ en: 'Bálint Jurászik', hu: 'Jurászik Bálint' });
    const pdf = manifest.files.find((file) => file.name === 'jlaga-2099-1-hu.pdf');
    expect(pdf).toMatchObject({ format: 'pdf', languages: ['hu'], mediaType: 'application/pdf' });
    expect(pdf?.pages).toBeGreaterThan(0);
    expect(manifest.tool.name).toBe('jlaga-pipeline');
    expect(await verifyRelease(first)).toEqual([]);
    // The downloads page is valid like the editions.
    expect(await checkHtml([path.join(first, 'index.html')])).toEqual([]);
  });

  it('is reproducible: a second release into another folder, later, is byte-identical', async () => {
    // A second apart at least, so that anything taken from the clock would differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await release(path.join(fixtures, 'manuscript', '2099-1'));
    expect(second.folder).not.toBe(first);
    expect(second.released).toBe(true);
    expect(await hashTree(second.folder)).toEqual(await hashTree(first));
  });

  it('refuses a manuscript with errors, listing them, and writes nothing', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(':::en{#lead .lead}', ':::en{#Lead .lead}'));
    const result = await release(issue);
    expect(result.released).toBe(false);
    expect(result.files[0]?.messages.map((message) => message.ruleId)).toContain('invalid-id');
    expect(await readdir(result.releaseRoot)).toEqual([]);
  });

  it('refuses unconfirmed, stale and missing translations, and releases them as a marked draft', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    let text = await readFile(file, 'utf8');
    text = text
      .replace(/(:::hu\{#lead \.lead) src=[0-9a-f]{8}\}/, '$1}')
      .replace('The first paragraph cites', 'The opening paragraph cites');
    const start = text.indexOf(':::hu{#s1-quote');
    text = text.slice(0, start) + text.slice(text.indexOf(':::\n', start) + 4);
    await writeFile(file, text);
    const refused = await release(issue);
    expect(refused.released).toBe(false);
    expect(refused.problems).toEqual([
      'unconfirmed hu translation of #lead',
      'stale hu translation of #s1-p1',
      'missing hu translation of #s1-quote',
    ]);
    // The same problems as messages on the manuscript, at the blocks, through the one reporter.
    const refusals = (refused.files[0]?.messages ?? []).filter((message) => message.source === 'release');
    expect(refusals.map((message) => `${message.line ?? 0} ${message.ruleId ?? ''} ${String(message.fatal)}`)).toEqual([
      expect.stringMatching(/^\d+ unconfirmed-translation true$/),
      expect.stringMatching(/^\d+ stale-translation true$/),
      expect.stringMatching(/^\d+ missing-translation true$/),
    ]);
    expect(refusals.every((message) => (message.line ?? 0) > 1)).toBe(true);
    expect(await readdir(refused.releaseRoot)).toEqual([]);

    const draft = await release(issue, { draft: true });
    expect(draft.released).toBe(true);
    expect(draft.manifest?.draft).toBe(true);
    expect(draft.manifest?.problems).toEqual(refused.problems);
    // Released anyway: its problems are warnings.
    const warnings = (draft.files[0]?.messages ?? []).filter((message) => message.source === 'release');
    expect(warnings.map((message) => message.fatal)).toEqual([false, false, false]);
    expect(Object.keys(await hashTree(draft.folder))).toContain('jlaga-2099-1-en-draft.pdf');
    expect(await readFile(path.join(draft.folder, 'index.html'), 'utf8')).toContain('class="draft"');
  });

  it('refuses when a validator fails', async () => {
    const { issue } = await copyFixtureManuscript();
    // A chart that is inert, well-formed SVG (the manuscript stage accepts it) with an
    // attribute the SVG schema does not know: the EPUB that carries it fails EPUBCheck.
    await writeFile(
      path.join(issue, 'assets', 'chart.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5" bogus="1"/></svg>',
    );
    const refused = await release(issue);
    expect(refused.released).toBe(false);
    expect(refused.problems.length).toBeGreaterThan(0);
    expect(refused.problems.every((problem) => /^epubcheck:[A-Z]+-\d+ jlaga-2099-1-/.test(problem))).toBe(true);
    // The findings are messages on the files EPUBCheck named, with its rule ids.
    const findings = refused.files.filter((file) => file.path.includes('.epub'));
    expect(findings.length).toBeGreaterThan(0);
    for (const file of findings) {
      expect(file.path).toMatch(/^jlaga-2099-1-(en|hu)\.epub\//);
      for (const message of file.messages) {
        expect(message.source).toBe('epubcheck');
        expect(message.ruleId).toMatch(/^[A-Z]+-\d+$/);
        expect(message.url).toBe('docs/release.md#epubcheck');
      }
    }
    expect(await readdir(refused.releaseRoot)).toEqual([]);
  });

  it('leaves the previous release untouched when a release fails in the middle', async () => {
    const copy = await tempFolder('jlaga-release-');
    await cp(first, path.join(copy, '2099-1'), { recursive: true });
    const before = await hashTree(path.join(copy, '2099-1'));
    await expect(
      release(path.join(fixtures, 'manuscript', '2099-1'), {
        root: copy,
        draft: true,
        beforeMove: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await hashTree(path.join(copy, '2099-1'))).toEqual(before);
    expect(await readdir(copy)).toEqual(['2099-1']);
  });

  it('--verify finds a changed or missing file', async () => {
    const copy = await tempFolder('jlaga-release-');
    await cp(first, copy, { recursive: true });
    await writeFile(path.join(copy, 'jlaga-2099-1-en.pdf'), 'not a pdf');
    const problems = (await verifyRelease(copy)).flatMap((file) =>
      file.messages.map((message) => `${file.basename ?? ''}: ${message.reason}`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'jlaga-2099-1-en.pdf: SHA-256 differs from SHA256SUMS',
        expect.stringMatching(/^jlaga-2099-1-en\.pdf: 9 bytes, manifest\.json says \d+$/),
      ]),
    );
    const result = await runCommand(main, ['--verify', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('jlaga-2099-1-en.pdf');
    expect(result.stderr).toContain('SHA-256 differs from SHA256SUMS');
  });
});
