/**
 * Writing a manuscript (`align confirm`, `xliff import`): a full disk, a size limit or
 * Ctrl-C leave the manuscript as it was, no temporary file behind, and one line that
 * says what happened.
 */
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compiledProgram, projectRoot } from '../../scripts/project.js';
import { exportXliff } from '../../scripts/translation/xliff-export.js';
import { importXliff } from '../../scripts/translation/xliff-import.js';
import { ManuscriptWriteError, writeManuscript } from '../../scripts/translation/write-manuscript.js';
import { copyFixtureManuscript, locate, read, tempFolder } from '../helpers.js';

const run = promisify(execFile);
const writeModule = pathToFileURL(path.join(projectRoot, 'scripts', 'translation', 'write-manuscript.ts')).href;

/** A writer that gets some bytes onto the disk and then finds it full, as `write(2)` would. */
async function fullDisk(handle: FileHandle, text: string): Promise<void> {
  await handle.write(text.slice(0, 100));
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
}

/** The fixture copied, its translation of `lead` changed in an XLIFF file beside it. */
async function fixtureWithXliff(): Promise<{ issue: string; manuscript: string; xliff: string }> {
  const { root, issue } = await copyFixtureManuscript();
  const result = await read(issue);
  if (!result.issue) throw new Error('expected the fixture to be valid');
  const xml = exportXliff(result.issue, { lang: 'hu' }).xml.replace('2099-re már', '2099-re pedig');
  const xliff = path.join(root, 'lead.xlf');
  await writeFile(xliff, xml);
  return { issue, manuscript: path.join(issue, 'index.md'), xliff };
}

/**
 * Run a command of the project with the size of files it may write limited to `kilobytes`
 * (unprivileged `ulimit -f`): a process of its own, since the limit is the process's.
 */
async function withFileSizeLimit(
  kilobytes: number,
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // The compiled program (the tests' global set-up compiles it), as a user runs it.
    const { stdout, stderr } = await run(
      'sh',
      ['-c', `ulimit -f ${kilobytes} && exec "$0" "$@"`, process.execPath, compiledProgram, command, ...args],
      {
        cwd: projectRoot,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('writeManuscript', () => {
  it('replaces the file, keeping its permissions', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    expect(await writeManuscript(file, 'new text\n')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('new text\n');
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });

  it('on a full disk throws one sentence, removes its temporary file and leaves the manuscript', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    const error = await writeManuscript(file, 'x'.repeat(10_000), { write: fullDisk }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ManuscriptWriteError);
    expect((error as Error).message).toBe(
      `No space left on device while writing ${file}; the manuscript is unchanged.`,
    );
    expect((error as Error).cause).toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file)).toEqual(before);
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });

  it('leaves the manuscript when the check refuses the new text, and removes the temporary file', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    let seen = '';
    const written = await writeManuscript(file, 'checked\n', {
      check: async (temporary) => {
        seen = await readFile(temporary, 'utf8');
        return false;
      },
    });
    expect([written, seen]).toEqual([false, 'checked\n']);
    expect(await readFile(file)).toEqual(before);
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });

  it('removes its temporary file when Ctrl-C stops the command in the middle of a write', async () => {
    const { issue } = await copyFixtureManuscript();
    const file = path.join(issue, 'index.md');
    const before = await readFile(file);
    const script = path.join(await tempFolder('jlaga-sigint-'), 'slow-write.mts');
    await writeFile(
      script,
      [
        `import { writeManuscript } from ${JSON.stringify(writeModule)};`,
        `await writeManuscript(${JSON.stringify(file)}, 'x'.repeat(100_000), {`,
        '  write: async (handle, text) => {',
        '    await handle.write(text.slice(0, 1000));',
        "    process.stdout.write('writing\\n');",
        '    await new Promise((resolve) => setTimeout(resolve, 60_000));',
        '  },',
        '});',
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('writing')) resolve();
      });
      child.on('exit', () => reject(new Error(`the writer ended early: ${stderr}`)));
    });
    expect((await readdir(issue)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(await readFile(file)).toEqual(before);
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });
});

describe('a full disk during a command that writes the manuscript', () => {
  it('xliff import: the import throws the sentence, and the manuscript and its folder are as they were', async () => {
    const { issue, manuscript, xliff } = await fixtureWithXliff();
    const before = await readFile(manuscript);
    await expect(importXliff(locate(issue), xliff, { write: fullDisk })).rejects.toThrow(
      /^No space left on device while writing .*index\.md; the manuscript is unchanged\.$/,
    );
    expect(await readFile(manuscript)).toEqual(before);
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });

  it('xliff import and align confirm print one line, no stack trace, exit 1 and leave no temporary file', async () => {
    const { issue, manuscript, xliff } = await fixtureWithXliff();
    const before = await readFile(manuscript);
    // The manuscript is 3.5 kB: a limit of 2 kB refuses the new one as a full disk would.
    const imported = await withFileSizeLimit(2, 'xliff', ['import', issue, xliff]);
    expect(imported).toMatchObject({ code: 1, stdout: '' });
    expect(imported.stderr).toMatch(
      /^File size limit exceeded while writing \S*index\.md; the manuscript is unchanged\.\n$/,
    );

    await writeFile(manuscript, (await readFile(manuscript, 'utf8')).replace(' src=5b2b1200', ''));
    const unconfirmed = await readFile(manuscript);
    const confirmed = await withFileSizeLimit(2, 'align', ['confirm', issue, 'lead']);
    expect(confirmed).toMatchObject({ code: 1, stdout: '' });
    expect(confirmed.stderr).toMatch(
      /^File size limit exceeded while writing \S*index\.md; the manuscript is unchanged\. Nothing confirmed\.\n$/,
    );
    expect(await readFile(manuscript)).toEqual(unconfirmed);
    expect(before).not.toEqual(unconfirmed);
    expect((await readdir(issue)).sort()).toEqual(['assets', 'index.md']);
  });
});
