/**
 * `jlaga tm export [--out <file>]`, `jlaga tm import <file.tmx>`: the series'
 * translation memory out to CAT tools as TMX, and a CAT tool's memory in.
 *
 * Exit 0 done, 1 a file that cannot be read or written (nothing written), 2 bad usage.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath } from '../manuscript/display-path.js';
import { manuscriptRoot } from '../manuscript/locate-issue.js';
import { historyPairs, pairKey } from '../memory/history-pairs.js';
import { memoryFolderName } from '../memory/pairs.js';
import type { MemoryPair } from '../memory/pairs.js';
import { seriesMemory } from '../memory/series-memory.js';
import { maxTmxBytes, readTmx } from '../memory/tmx-read.js';
import { tmxDocument } from '../memory/tmx-write.js';
import { exitCode, formatReport } from '../messages/report.js';
import { projectRoot } from '../project.js';
import { ManuscriptWriteError, writeManuscript } from '../translation/write-manuscript.js';
import { parseCommandLine, usageError } from './arguments.js';
import type { CommandIo } from './io.js';

const usage = `Usage: jlaga tm export [--out <file.tmx>] [--history]
       jlaga tm import <file.tmx>

The series' translation memory: every confirmed translation of every issue under
manuscript/, source and translation as plain text.
export writes it as TMX 1.4b (one unit per pair, the issue and segment as
properties, the date it was confirmed where the git history tells) to standard
output or --out, for OmegaT, memoQ, Trados or the Translate Toolkit. --history
adds every pair confirmed in an earlier committed version of a manuscript.
import adds a CAT tool's TMX file to the memory (manuscript/memory/), where the
suggestions of \`jlaga align status --suggest\` also look; a file that is not TMX is
refused with its line and column, and nothing is written.

Exit codes: 0 done, 1 refused or not written, 2 bad usage.`;

/**
 * Run `jlaga tm` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { out: { type: 'string' }, history: { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const [action, ...rest] = parsed.positionals;
  if (action === 'export') {
    if (rest.length > 0)
      return usageError(`Unexpected ${rest.join(' ')}: jlaga tm export takes only --out and --history.`, io);
    return exportMemory(parsed.values.out, parsed.values.history === true, io);
  }
  if (action === 'import') {
    if (parsed.values.out !== undefined || parsed.values.history !== undefined)
      return usageError('jlaga tm import takes a file, and no option.', io);
    if (rest.length !== 1) return usageError('jlaga tm import takes one TMX file.', io);
    return importMemory(rest[0] ?? '', io, manuscriptRoot(projectRoot));
  }
  return usageError(
    action === undefined
      ? 'jlaga tm needs export or import.'
      : `Unknown action ${action}: jlaga tm takes export or import.`,
    io,
  );
}

async function exportMemory(out: string | undefined, withHistory: boolean, io: CommandIo): Promise<number> {
  const memory = await seriesMemory({ imported: false });
  for (const line of memory.leftOut) io.stderr.write(`${line}\n`);
  // The history dates each pair (when it was first committed confirmed) and, asked, adds the older ones.
  const history = new Map<string, MemoryPair>();
  for (const location of memory.issues) for (const [key, pair] of await historyPairs(location)) history.set(key, pair);
  const own = memory.own.map((pair) => {
    const date = history.get(pairKey(pair))?.date;
    return date === undefined ? pair : { ...pair, date };
  });
  const ownKeys = new Set(own.map(pairKey));
  const older = withHistory ? [...history].filter(([key]) => !ownKeys.has(key)).map(([, pair]) => pair) : [];
  const pairs = [...own, ...older];
  const sourceLang = memory.own[0]?.source.lang ?? 'en';
  const text = tmxDocument(pairs, sourceLang);
  if (out === undefined) {
    io.stdout.write(text);
  } else {
    try {
      await writeManuscript(path.resolve(out), text);
    } catch (error) {
      if (!(error instanceof ManuscriptWriteError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return exitCode.errors;
    }
    io.stderr.write(`${pairs.length} pairs → ${out}\n`);
  }
  return exitCode.ok;
}

/**
 * Import the TMX `file` into `seriesFolder`'s memory folder.
 *
 * @returns the exit code; nothing is written when it is not 0.
 */
export async function importMemory(file: string, io: CommandIo, seriesFolder: string): Promise<number> {
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : undefined),
    () => undefined,
  );
  if (size === undefined) return fail(`No TMX file at ${file}.`, io);
  if (size > maxTmxBytes) return fail(`${file} has more than ${maxTmxBytes} bytes; a memory is read whole.`, io);
  const messages = new VFile({ path: displayPath(path.resolve(file)) });
  const pairs = await readTmx(messages, createReadStream(file), path.basename(file));
  if (!pairs) {
    io.stderr.write(`${formatReport([messages], { color: io.stderr.isTTY })}\n`);
    io.stderr.write(`${file}: not imported; nothing was written.\n`);
    return exitCode.errors;
  }
  const name =
    path
      .basename(file)
      .replace(/\.tmx$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'memory';
  const target = path.join(seriesFolder, memoryFolderName, `${name}.tmx`);
  const bytes = await readFile(file);
  if (existsSync(target)) {
    const same = (await readFile(target)).equals(bytes);
    return same
      ? (io.stdout.write(`${displayPath(target)} is already this memory; nothing to do.\n`), exitCode.ok)
      : fail(`${displayPath(target)} exists and holds another memory: rename the file to import it beside.`, io);
  }
  const folder = path.dirname(target);
  const made = await mkdir(folder, { recursive: true });
  try {
    await writeManuscript(target, bytes.toString('utf8'));
  } catch (error) {
    // The folder made for it goes again: a failed import leaves nothing.
    if (made !== undefined) await rm(made, { recursive: true, force: true });
    if (!(error instanceof ManuscriptWriteError)) throw error;
    return fail(error.message, io);
  }
  io.stdout.write(`${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'} of ${file} → ${displayPath(target)}\n`);
  return exitCode.ok;
}

function fail(line: string, io: CommandIo): number {
  io.stderr.write(`${line}\n`);
  return exitCode.errors;
}
