/**
 * `jlaga build` of an issue whose files, templates and program are those its output
 * was built from, and whose output is as that build left it, builds nothing; any
 * change to one of them builds again.
 */
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/build.js';
import { editionKey } from '../../scripts/output/build-record.js';
import { copyFixtureManuscript, hashTree, runCommand, tempFolder } from '../helpers.js';

const build = (...args: string[]) => runCommand(main, args);
const upToDate = /^2099-1: up to date: .* was built from these very files/m;

async function setUp() {
  const { root, issue } = await copyFixtureManuscript();
  const outputRoot = path.join(root, 'output');
  const first = await build(issue, '--format', 'html', '--output', outputRoot);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/2099-1: html done/);
  return { root, issue, outputRoot, output: path.join(outputRoot, '2099-1') };
}

describe('a build of an issue that is up to date', () => {
  const environment = process.env.PUPPETEER_EXECUTABLE_PATH;
  afterEach(() => {
    if (environment === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = environment;
  });

  it('builds nothing, says so, and leaves the output as it was', async () => {
    const { issue, outputRoot, output } = await setUp();
    const before = await hashTree(output);
    const again = await build(issue, '--format', 'html', '--output', outputRoot);
    expect(again).toEqual({ code: 0, stdout: expect.stringMatching(upToDate) as unknown, stderr: '' });
    expect(again.stdout).not.toMatch(/html done/);
    expect(await hashTree(output)).toEqual(before);
  });

  it.each<[string, (paths: { root: string; issue: string; output: string }) => Promise<void>]>([
    ['the manuscript changed', ({ issue }) => appendFile(path.join(issue, 'index.md'), '\n')],
    ['an image was added', ({ issue }) => writeFile(path.join(issue, 'assets', 'new.png'), 'bytes')],
    ['the series file changed', ({ root }) => appendFile(path.join(root, 'series.yaml'), '\n')],
    ['an edition was removed', ({ output }) => rm(path.join(output, 'html', 'en', 'index.html'))],
    ['an edition was changed', ({ output }) => appendFile(path.join(output, 'html', 'hu', 'index.html'), ' ')],
    ['a file was added to the output', ({ output }) => writeFile(path.join(output, 'notes.txt'), 'mine')],
  ])('builds again when %s', async (_change, change) => {
    const paths = await setUp();
    await change(paths);
    const again = await build(paths.issue, '--format', 'html', '--output', paths.outputRoot);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/2099-1: html done/);
    expect(again.stdout).not.toMatch(upToDate);
    // And then it is up to date again.
    expect((await build(paths.issue, '--format', 'html', '--output', paths.outputRoot)).stdout).toMatch(upToDate);
  });

  it('builds what was not asked for before, and everything with --no-cache', async () => {
    const { issue, outputRoot } = await setUp();
    expect((await build(issue, '--format', 'html', '--lang', 'en', '--output', outputRoot)).stdout).toMatch(
      /html done/,
    );
    expect((await build(issue, '--format', 'html', '--lang', 'en', '--output', outputRoot)).stdout).toMatch(upToDate);
    // The earlier way of building found its files as it left them.
    expect((await build(issue, '--format', 'html', '--output', outputRoot)).stdout).toMatch(upToDate);
    const forced = await build(issue, '--format', 'html', '--output', outputRoot, '--no-cache');
    expect(forced.stdout).toMatch(/html done/);
  });

  it('keys a PDF to the browser that prints it, and nothing else to a browser', async () => {
    const folder = await tempFolder();
    const [one, other] = [path.join(folder, 'one'), path.join(folder, 'other')];
    await writeFile(one, 'a browser');
    await writeFile(other, 'another browser');
    process.env.PUPPETEER_EXECUTABLE_PATH = one;
    const [pdf, html] = [await editionKey('k', 'jlaga-2099-1-en.pdf'), await editionKey('k', 'html/en/index.html')];
    process.env.PUPPETEER_EXECUTABLE_PATH = other;
    expect(await editionKey('k', 'jlaga-2099-1-en.pdf')).not.toBe(pdf);
    expect(await editionKey('k', 'html/en/index.html')).toBe(html);
    expect(await editionKey('another key', 'html/en/index.html')).not.toBe(html);
  });
});
