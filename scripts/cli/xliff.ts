/**
 * `jlaga xliff <command>`: exchange translations with CAT tools as XLIFF 2.0.
 *
 *   export <issue> [--lang hu] [--only stale,missing] [--out <file>]
 *   import <issue> <file> [--json]
 */
import { access, constants, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { refuseManuscriptTarget } from '../manuscript/protected-paths.js';
import { exitCode, exitCodeFor, formatJsonReport, formatReport } from '../messages/report.js';
import { exportIssue, unitStates } from '../translation/xliff-export.js';
import type { UnitState } from '../translation/xliff-export.js';
import { importXliff, maxXliffBytes } from '../translation/xliff-import.js';
import { ManuscriptWriteError } from '../translation/write-manuscript.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';
import { didYouMean } from './suggest.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import { Memory } from '../memory/fuzzy.js';
import { seriesMemory } from '../memory/series-memory.js';
import { suggestionsFor } from '../memory/suggestions.js';
import type { Candidate } from '../translation/xliff-export.js';

const usage = `Usage: jlaga xliff export <issue> [--lang <lang>] [--only <states>] [--suggest] [--out <file>]
       jlaga xliff import <issue> <file> [--json]

export   Write the issue's translations into one language as an XLIFF 2.0 file for a CAT
         tool: one unit per segment. --lang chooses the target language (default: the
         first translation language); --only exports only the segments whose
         translation is in these states (comma-separated: ${unitStates.join(', ')});
         --out writes to a file instead of standard output (never over a manuscript,
         series.yaml, glossary.yaml or a folder). A stale unit has a note with the
         source text its translation was confirmed against, found in the
         manuscript's git history by its src hash (or one that says it is not there).
         --suggest gives each missing or stale unit the best matches of its source in
         the series' translation memory (jlaga tm), 70% and over, as translation
         candidates (<mtc:matches>) that CAT tools show beside the segment.
import   Write the targets of an XLIFF file into the manuscript's blocks of its target
         language, changing only the blocks whose text changed; units in state final or
         reviewed are confirmed. On any problem the whole file is refused and nothing is
         written. Files over ${maxXliffBytes / 1024 / 1024} MiB are refused unread.
         --json writes the messages as JSON to standard output (the changes go to
         standard error).

Exit codes: 0 done, 1 the manuscript has errors or the file was refused, 2 bad usage.`;

/** The memory's candidates for the missing and stale translations of `issue` into `lang`. */
async function candidatesFrom(issue: ValidatedIssue, lang: string): Promise<Map<string, Candidate[]>> {
  const memory = new Memory((await seriesMemory()).pairs);
  return new Map(
    suggestionsFor(issue, memory, { langs: [lang] }).map((suggestion) => [suggestion.segment, suggestion.matches]),
  );
}

/**
 * Run `jlaga xliff` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      lang: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      suggest: { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const [command, issueName, ...rest] = parsed.positionals;
  if (command !== 'export' && command !== 'import') {
    return usageError(
      command
        ? `Unknown command ${command}${didYouMean(command, ['export', 'import'])} jlaga xliff takes export or import.`
        : 'jlaga xliff takes a command: export or import (see jlaga xliff --help).',
      io,
    );
  }
  if (!issueName) return usageError(`Missing <issue>: jlaga xliff ${command} <issue>…`, io);
  const locations = issueArguments([issueName], io);
  if (typeof locations === 'number') return locations;
  const [location] = locations;
  if (!location) return usageError(usage, io);
  const { lang, only, out } = parsed.values;
  const json = parsed.values.json === true;

  if (command === 'import') {
    const [file, ...extra] = rest;
    if (!file || extra.length > 0) return usageError('Expected one XLIFF file: jlaga xliff import <issue> <file>.', io);
    if (lang !== undefined || only !== undefined || out !== undefined) {
      return usageError(`--lang, --only and --out are options of export; import reads the language from the file.`, io);
    }
    try {
      await access(file, constants.R_OK);
      if (!(await stat(file)).isFile()) return usageError(`Cannot read ${file}: it is not a file.`, io);
    } catch (error) {
      return usageError(`Cannot read ${file}: ${(error as Error).message}`, io);
    }
    let result;
    try {
      result = await importXliff(location, path.resolve(file));
    } catch (error) {
      // A full disk is no bug: one line, and the manuscript as it was.
      if (!(error instanceof ManuscriptWriteError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return exitCode.errors;
    }
    // With --json, standard output carries the JSON alone; the rest goes to standard error.
    const report = json ? '' : formatReport(result.files, { color: io.stderr.isTTY });
    if (json) io.stdout.write(formatJsonReport(result.files));
    const said = json ? io.stderr : io.stdout;
    if (exitCodeFor(result.files) !== exitCode.ok) {
      io.stderr.write(`${report ? `${report}\n` : ''}Nothing imported: the manuscript is as it was.\n`);
      return exitCode.errors;
    }
    if (report !== '') io.stderr.write(`${report}\n`);
    for (const { id, lang: target, action, src } of result.changes) {
      const state = src === undefined ? 'unconfirmed' : `confirmed, src=${src}`;
      said.write(`${action} ${target} #${id} (${state})\n`);
    }
    const count = result.changes.length;
    said.write(
      count === 0
        ? `Nothing to change in ${location.slug}: every target is as in the manuscript.\n`
        : `${count} block${count === 1 ? '' : 's'} changed in ${location.slug}.\n`,
    );
    return exitCode.ok;
  }

  if (rest.length > 0) return usageError(`Unexpected ${rest[0] ?? ''}: jlaga xliff export takes one issue.`, io);
  if (json) return usageError(`--json is an option of import; export writes XLIFF.`, io);
  if (out === '') return usageError('--out needs a file.', io);
  const refusal = out === undefined ? undefined : refuseManuscriptTarget(out);
  if (refusal !== undefined) return usageError(refusal, io);
  const states = only?.split(',').map((state) => state.trim()) ?? undefined;
  const unknown = states?.filter((state) => !(unitStates as readonly string[]).includes(state)) ?? [];
  if (unknown.length > 0) {
    return usageError(
      `Unknown state ${unknown.map((state) => `\`${state}\``).join(', ')} in --only, expected ${unitStates.join(', ')}.`,
      io,
    );
  }
  const outcome = await exportIssue(location, {
    lang,
    only: states as UnitState[] | undefined,
    matchesFor: parsed.values.suggest === true ? candidatesFrom : undefined,
  });
  if (outcome.kind === 'errors') {
    io.stderr.write(
      `${formatReport(outcome.files, { color: io.stderr.isTTY })}\nNothing exported: fix the errors above first.\n`,
    );
    return exitCode.errors;
  }
  if (outcome.kind === 'bad-language') return usageError(outcome.message, io);
  const { xml, units } = outcome.export;
  if (units.length === 0) {
    const which = states ? ` is ${states.join(' or ')} in ${outcome.lang}` : '';
    io.stderr.write(`Nothing to export: no segment of ${location.slug}${which}.\n`);
    return exitCode.ok;
  }
  if (out === undefined) {
    io.stdout.write(xml);
  } else {
    try {
      await writeFile(out, xml, 'utf8');
    } catch (error) {
      io.stderr.write(`Cannot write ${out}: ${(error as Error).message}\n`);
      return exitCode.errors;
    }
    io.stdout.write(
      `Exported ${units.length} segment${units.length === 1 ? '' : 's'} of ${location.slug} into ${outcome.lang} to ${out}.\n`,
    );
  }
  return exitCode.ok;
}
