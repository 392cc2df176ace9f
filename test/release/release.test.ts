/**
 * Releases: reproducible byte for byte, refused with every problem listed (before
 * building when the manuscript alone says so), drafts marked and in their own folder,
 * a failure in the middle leaves the previous release as it was, and `--verify` finds
 * a changed file.
 */
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyBrowser } from '../../scripts/browser.js';
import { main } from '../../scripts/cli/release.js';
import { releaseIssue } from '../../scripts/release/release.js';
import type { Validators } from '../../scripts/release/release.js';
import type { Manifest } from '../../scripts/release/manifest.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { verifyRelease } from '../../scripts/release/verify.js';
import { copyFixtureManuscript, fixtures, hashTree, locate, runCommand, tempFolder } from '../helpers.js';
import { readZip } from '../zip-reader.js';

const run = promisify(execFile);
const browser = lazyBrowser();
let first: string;

/** Validators that find nothing, for releases whose tests are about what the release does with its files. */
const unvalidated: Validators = { checkHtml: () => Promise.resolve([]), checkEpub: () => Promise.resolve([]) };

async function release(
  issue: string,
  options: { draft?: boolean; beforeMove?: () => void; root?: string; validators?: Validators } = {},
) {
  const releaseRoot = options.root ?? (await tempFolder('jlaga-release-'));
  const result = await releaseIssue(locate(issue), {
    releaseRoot,
    browser: browser.get,
    draft: options.draft,
    beforeMove: options.beforeMove,
    validators: options.validators,
  });
  return { releaseRoot, ...result };
}

/** The problems of the copy `issueWithOpenTranslations` makes, as a release lists them. */
const openTranslations = [
  'unconfirmed hu translation of #lead',
  'stale hu translation of #s1-p1',
  'missing hu translation of #s1-quote',
];

/** A copy of the fixture issue with an unconfirmed, a stale and a missing translation. */
async function issueWithOpenTranslations(): Promise<string> {
  const { issue } = await copyFixtureManuscript();
  const file = path.join(issue, 'index.md');
  let text = await readFile(file, 'utf8');
  text = text
    .replace(/(:::hu\{#lead \.lead) src=[0-9a-f]{8}\}/, '$1}')
    .replace('The first paragraph cites', 'The opening paragraph cites');
  const start = text.indexOf(':::hu{#s1-quote');
  text = text.slice(0, start) + text.slice(text.indexOf(':::\n', start) + 4);
  await writeFile(file, text);
  return issue;
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
    const names = Object.keys(await hashTree(first)).sort();
    expect(names.filter((name) => !name.startsWith('html/'))).toEqual([
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
    // The HTML editions to read online, as the zip has them.
    const zip = readZip(await readFile(path.join(first, 'jlaga-2099-1-html.zip')));
    expect(names.filter((name) => name.startsWith('html/'))).toEqual(
      zip.map((entry) => entry.name.replace(/^jlaga-2099-1-html\//, 'html/')).sort(),
    );
    for (const entry of zip)
      expect(await readFile(path.join(first, entry.name.replace(/^jlaga-2099-1-html\//, 'html/')))).toEqual(entry.data);
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: first });
    expect(stdout.trim().split('\n')).toHaveLength(names.length - 1);
    const manifest = JSON.parse(await readFile(path.join(first, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ issue: '2099/1', date: '2099-01-15', draft: false, languages: ['en', 'hu'] });
    expect(manifest.authors[0]).toEqual({ en: 'Bálint Jurászik', hu: 'Jurászik Bálint' });
    const pdf = manifest.files.find((file) => file.name === 'jlaga-2099-1-hu.pdf');
    expect(pdf).toMatchObject({ format: 'pdf', languages: ['hu'], mediaType: 'application/pdf' });
    expect(pdf?.pages).toBeGreaterThan(0);
    expect(manifest.tool.name).toBe('jlaga-pipeline');
    expect(await verifyRelease(first)).toEqual([]);
    expect(manifest.online).toEqual({
      editions: { en: 'html/en/index.html', hu: 'html/hu/index.html' },
      parallel: 'html/parallel.html',
    });
    // The downloads page is valid like the editions, links them online and takes their fonts.
    expect(await checkHtml([path.join(first, 'index.html')])).toEqual([]);
    const downloads = await readFile(path.join(first, 'index.html'), 'utf8');
    expect(downloads).toContain('<link rel="stylesheet" href="html/assets/fonts.css">');
    for (const href of ['html/en/index.html', 'html/hu/index.html', 'html/parallel.html'])
      expect(downloads).toContain(`href="${href}"`);
  });

  it('is reproducible: a second release into another folder, later, is byte-identical', async () => {
    // A second apart at least, so that anything taken from the clock would differ.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The first was validated; what validators find changes no byte of the files.
    const second = await release(path.join(fixtures, 'manuscript', '2099-1'), { validators: unvalidated });
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

  it('refuses unconfirmed, stale and missing translations before building anything', async () => {
    const issue = await issueWithOpenTranslations();
    const root = await tempFolder('jlaga-release-');
    let browsers = 0;
    const refused = await releaseIssue(locate(issue), {
      releaseRoot: root,
      browser: () => {
        browsers += 1;
        return browser.get();
      },
    });
    expect(refused.released).toBe(false);
    expect(refused.problems).toEqual(openTranslations);
    // The same problems as messages on the manuscript, at the blocks, through the one reporter.
    const refusals = (refused.files[0]?.messages ?? []).filter((message) => message.source === 'release');
    expect(refusals.map((message) => `${message.line ?? 0} ${message.ruleId ?? ''} ${String(message.fatal)}`)).toEqual([
      expect.stringMatching(/^\d+ unconfirmed-translation true$/),
      expect.stringMatching(/^\d+ stale-translation true$/),
      expect.stringMatching(/^\d+ missing-translation true$/),
    ]);
    expect(refusals.every((message) => (message.line ?? 0) > 1)).toBe(true);
    // Refused right after reading: no browser, no validator, nothing written.
    expect(browsers).toBe(0);
    expect(refused.files.filter((file) => /\.(epub|html)\b/.test(file.path))).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('the command refuses a stale translation at once, naming the segment, with --json on standard output alone', async () => {
    const issue = await issueWithOpenTranslations();
    const root = await tempFolder('jlaga-release-');
    const result = await runCommand(main, [issue, '--output', root]);
    expect(result.code).toBe(1);
    // The manuscript, then each problem at its block: `76:1-78:4 error stale hu translation of #s1-p1 stale-translation release`.
    expect(result.stderr).toMatch(/2099-1\/index\.md\n/);
    expect(result.stderr).toMatch(/\d+:\d+-\d+:\d+ +error +stale hu translation of #s1-p1 +stale-translation +release/);
    expect(result.stderr).toContain('2099-1: not released (3 problems)');
    expect(result.stdout).toMatch(/^2099-1: read done in \d+\.\d s$/m);
    // Nothing was built or checked.
    expect(result.stdout).not.toMatch(/html|pdf|epub|EPUBCheck|Nu Html Checker/);
    expect(await readdir(root)).toEqual([]);

    const json = await runCommand(main, [issue, '--output', root, '--json']);
    expect(json.code).toBe(1);
    const files = JSON.parse(json.stdout) as Array<{
      file: string;
      messages: Array<{ ruleId: string; source: string }>;
    }>;
    expect(files).toHaveLength(1);
    expect(files[0]?.file).toMatch(/2099-1\/index\.md$/);
    const refusals = files[0]?.messages.filter((message) => message.source === 'release');
    expect(refusals?.map((message) => message.ruleId)).toEqual([
      'unconfirmed-translation',
      'stale-translation',
      'missing-translation',
    ]);
    expect(json.stderr).toMatch(/^2099-1: read done in /m);
  });

  it('the command will not release into a folder that is or holds a manuscript', async () => {
    const { root, issue } = await copyFixtureManuscript();
    const before = await hashTree(root);
    for (const output of [root, issue]) {
      const result = await runCommand(main, [issue, '--output', output]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Will not release into .*: it is or holds a manuscript folder/);
    }
    expect(await hashTree(root)).toEqual(before);
  });

  describe('a draft', () => {
    let root: string;
    let finalRelease: Record<string, string>;
    let draft: Awaited<ReturnType<typeof release>>;

    beforeAll(async () => {
      const issue = await issueWithOpenTranslations();
      // The final release of the issue, made before its translations were opened again.
      root = await tempFolder('jlaga-release-');
      await cp(first, path.join(root, '2099-1'), { recursive: true });
      finalRelease = await hashTree(path.join(root, '2099-1'));
      draft = await release(issue, { draft: true, root, validators: unvalidated });
    }, 120_000);

    it('goes into its own folder, and the final release stays byte for byte as it was', async () => {
      expect(draft.released).toBe(true);
      expect(draft.folder).toBe(path.join(root, 'drafts', '2099-1'));
      expect((await readdir(root)).sort()).toEqual(['2099-1', 'drafts']);
      expect(await hashTree(path.join(root, '2099-1'))).toEqual(finalRelease);
      expect(draft.manifest?.draft).toBe(true);
      expect(draft.manifest?.problems).toEqual(openTranslations);
      // Released anyway: its problems are warnings.
      const warnings = (draft.files[0]?.messages ?? []).filter((message) => message.source === 'release');
      expect(warnings.map((message) => message.fatal)).toEqual([false, false, false]);
      expect(
        Object.keys(await hashTree(draft.folder))
          .filter((name) => !name.startsWith('html/'))
          .sort(),
      ).toEqual([
        'SHA256SUMS',
        'index.html',
        'jlaga-2099-1-draft.zip',
        'jlaga-2099-1-en-draft.epub',
        'jlaga-2099-1-en-draft.pdf',
        'jlaga-2099-1-html-draft.zip',
        'jlaga-2099-1-hu-draft.epub',
        'jlaga-2099-1-hu-draft.pdf',
        'manifest.json',
      ]);
      expect(await verifyRelease(draft.folder)).toEqual([]);
    });

    it('has DRAFT on every PDF page and in the PDFs’ and EPUBs’ metadata, in each language', async () => {
      const { PDFDocument } = await import('pdf-lib');
      for (const [lang, mark] of [
        ['en', 'DRAFT'],
        ['hu', 'PISZKOZAT'],
      ] as const) {
        const file = path.join(draft.folder, `jlaga-2099-1-${lang}-draft.pdf`);
        const pages = draft.manifest?.files.find((entry) => entry.name === path.basename(file))?.pages ?? 0;
        expect(pages).toBeGreaterThan(1);
        for (let page = 1; page <= pages; page++) {
          const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
          expect(stdout, `${lang} page ${page}`).toContain(mark);
        }
        const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
        expect(pdf.getTitle()).toContain(mark);
        const epub = readZip(await readFile(path.join(draft.folder, `jlaga-2099-1-${lang}-draft.epub`)));
        const opf = epub.find((entry) => entry.name === 'EPUB/package.opf')?.data.toString('utf8') ?? '';
        expect(opf).toMatch(new RegExp(`<dc:title[^>]*>[^<]*${mark}`));
        // A book of its own for a reading system: not the final edition's identifier.
        const identifier = (xml: string) => /<dc:identifier[^>]*>([^<]+)</.exec(xml)?.[1];
        const finalEpub = readZip(await readFile(path.join(first, `jlaga-2099-1-${lang}.epub`)));
        const finalOpf = finalEpub.find((entry) => entry.name === 'EPUB/package.opf')?.data.toString('utf8') ?? '';
        expect(identifier(opf)).toMatch(/^urn:uuid:/);
        expect(identifier(finalOpf)).toMatch(/^urn:uuid:/);
        expect(identifier(opf)).not.toBe(identifier(finalOpf));
        // The final release has none of it.
        const final = path.join(first, `jlaga-2099-1-${lang}.pdf`);
        expect((await run('pdftotext', [final, '-'])).stdout).not.toContain(mark);
        expect((await PDFDocument.load(await readFile(final), { updateMetadata: false })).getTitle()).not.toContain(
          mark,
        );
      }
    });

    it('links its own files from the HTML editions and lists the problems on its downloads page', async () => {
      const zip = readZip(await readFile(path.join(draft.folder, 'jlaga-2099-1-html-draft.zip')));
      const finalZip = readZip(await readFile(path.join(first, 'jlaga-2099-1-html.zip')));
      for (const lang of ['en', 'hu']) {
        const page = zip.find((entry) => entry.name === `jlaga-2099-1-html/${lang}/index.html`)?.data.toString('utf8');
        const finalPage = finalZip
          .find((entry) => entry.name === `jlaga-2099-1-html/${lang}/index.html`)
          ?.data.toString('utf8');
        expect(finalPage).toContain('<main id="main">');
        expect(finalPage).not.toContain('draft-notice');
        const links = [...(page ?? '').matchAll(/href="\.\.\/\.\.\/([^"]+)"/g)].map((match) => match[1]);
        expect(links).toEqual([`jlaga-2099-1-${lang}-draft.pdf`, `jlaga-2099-1-${lang}-draft.epub`]);
        // Said on the page too, before anything else.
        expect(page).toMatch(/<body>\s*<a class="skip-link"[^>]*>[^<]*<\/a>\s*<p class="draft-notice">[^<]+<\/p>/);
      }
      const downloads = await readFile(path.join(draft.folder, 'index.html'), 'utf8');
      expect(downloads).toContain('class="draft"');
      for (const problem of openTranslations) expect(downloads).toContain(problem);
      expect(await checkHtml([path.join(draft.folder, 'index.html')])).toEqual([]);
    });
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
        validators: unvalidated,
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
