/**
 * `jlaga align <command>`: the translators' commands.
 *
 *   status [<issue>…] [--lang <lang>] [--only <states>] [--json]
 *                                  where every translation stands
 *   confirm <issue> <id…>          confirm these segments' translations
 *   confirm <issue> --all-current  confirm every translation present
 */
import { readFile } from 'node:fs/promises';
import { locateIssue } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import { projectRoot } from '../project.js';
import { exitCode, formatReport } from '../messages/report.js';
import { confirmTranslations } from '../translation/confirm.js';
import type { ReadResult } from '../manuscript/read-issue.js';
import type { IssueLocation } from '../manuscript/locate-issue.js';
import { formatStatus } from '../translation/status-report.js';
import { narrowStatus, targetStates } from '../translation/status-narrow.js';
import type { TargetState } from '../translation/status-narrow.js';
import { translationStatus } from '../translation/status.js';
import { ManuscriptWriteError, writeManuscript } from '../translation/write-manuscript.js';
import type { CommandIo } from './io.js';
import { issueArguments, parseCommandLine, usageError } from './arguments.js';
import { didYouMean } from './suggest.js';
import { Memory } from '../memory/fuzzy.js';
import { seriesMemory } from '../memory/series-memory.js';
import { formatSuggestions, suggestionsFor } from '../memory/suggestions.js';

const usage = `Usage: jlaga align status [<issue>…] [--lang <lang>] [--only <states>] [--suggest] [--json]
       jlaga align confirm <issue> <id…> [--lang <lang>]
       jlaga align confirm <issue> --all-current [--lang <lang>]

status    A table of the segments with the state of each translation (confirmed,
          stale, unconfirmed, missing) and their words, how complete each language
          is, and for a stale translation what changed in its source since it was
          confirmed (found in the manuscript's git history by its src hash).
          The manuscript's warnings (translation QA included) are printed first.
          --lang shows the source and this target language only (repeatable); the
          totals and the exit code are then this language's.
          --only lists only the segments with a translation in these states,
          comma-separated or repeated: ${targetStates.join(', ')}.
          The totals and the exit code stay the issue's.
          --suggest adds, for each missing or stale translation, the best matches of
          its source in the series' translation memory (jlaga tm), 70% and over.
          --json prints the same as JSON. Exits 1 when a translation is missing or
          stale, so CI can gate on it.

confirm   Record that the translations of these segments match their source as it is
          now: writes src=<hash> into each translation block's opening line and changes
          no other byte. --all-current confirms every translation present.
          --lang limits it to one target language (repeatable).

Exit codes: 0 done, 1 the manuscript has errors, an id is unknown, or (status) a
translation is missing or stale; 2 bad usage.`;

/**
 * Run `jlaga align` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      'all-current': { type: 'boolean' },
      lang: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      suggest: { type: 'boolean' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const [command, issueName, ...ids] = parsed.positionals;
  if (command === 'status') {
    // Refused rather than ignored: a status limited to nothing would pass for a full one.
    if (parsed.values['all-current'] !== undefined)
      return fail('--all-current is an option of confirm (see jlaga align --help).', exitCode.usage, io);
    const only = parsed.values.only === undefined ? undefined : statesOption(parsed.values.only, io);
    if (typeof only === 'number') return only;
    const { lang: langs, json, suggest } = parsed.values;
    return status(parsed.positionals.slice(1), { json: json === true, langs, only, suggest: suggest === true }, io);
  }
  if (command !== 'confirm')
    return fail(
      command
        ? `Unknown command ${command}${didYouMean(command, ['status', 'confirm'])} jlaga align takes status or confirm.`
        : 'jlaga align takes a command: status or confirm (see jlaga align --help).',
      exitCode.usage,
      io,
    );
  if (parsed.values.only !== undefined)
    return fail('--only is an option of status (see jlaga align --help).', exitCode.usage, io);
  if (!issueName) return fail('Missing <issue>: jlaga align confirm <issue> <id…>.', exitCode.usage, io);
  const all = parsed.values['all-current'] === true;
  if (all === ids.length > 0)
    return fail(
      'Expected segment ids or --all-current, not both: jlaga align confirm <issue> <id…>.',
      exitCode.usage,
      io,
    );

  const location = locateIssue(issueName, projectRoot);
  if ('error' in location) return fail(location.error, exitCode.usage, io);
  const result = await readIssue(location);
  const report = formatReport(result.files, { color: io.stderr.isTTY });
  if (!result.issue) {
    io.stderr.write(`${report}\nNothing confirmed: fix the errors above first.\n`);
    return exitCode.errors;
  }
  const langs = parsed.values.lang;
  const unknownLangs = (langs ?? []).filter((lang) => !result.issue?.languages.slice(1).includes(lang));
  if (unknownLangs.length > 0)
    return fail(
      `Unknown target language ${unknownLangs.join(', ')}: the issue translates into ${result.issue.languages.slice(1).join(', ')}.`,
      exitCode.usage,
      io,
    );

  const raw = await readFile(location.manuscript, 'utf8');
  const outcome = confirmTranslations(raw, result.issue, { ids, all, langs });
  if (outcome.unknownIds.length > 0) {
    return fail(
      `Unknown segment id ${outcome.unknownIds.map((id) => `\`${id}\``).join(', ')} in ${location.slug}: nothing confirmed.`,
      exitCode.errors,
      io,
    );
  }
  for (const { id, lang } of outcome.missing)
    io.stderr.write(`No \`${lang}\` block in #${id}: nothing to confirm there.\n`);
  if (outcome.confirmed.length > 0) {
    try {
      await writeManuscript(location.manuscript, outcome.text);
    } catch (error) {
      // A full disk is no bug: one line, and the manuscript as it was.
      if (!(error instanceof ManuscriptWriteError)) throw error;
      return fail(`${error.message} Nothing confirmed.`, exitCode.errors, io);
    }
  }
  for (const { id, lang, from, to } of outcome.confirmed) {
    io.stdout.write(`confirmed ${lang} #${id}: src=${to}${from ? ` (was ${from})` : ''}\n`);
  }
  io.stdout.write(
    `${outcome.confirmed.length} translation${outcome.confirmed.length === 1 ? '' : 's'} confirmed in ${location.slug}.\n`,
  );
  return exitCode.ok;
}

interface StatusOptions {
  json: boolean;
  /** `--lang`: the target languages to show. */
  langs: string[] | undefined;
  /** `--only`: the states whose segments to list. */
  only: TargetState[] | undefined;
  /** `--suggest`: matches from the translation memory for what is missing or stale. */
  suggest: boolean;
}

/**
 * `align status`: the table (or JSON) of every issue named, narrowed as asked; exit 1
 * when one is not ok (in the languages asked for).
 */
async function status(issueNames: string[], options: StatusOptions, io: CommandIo): Promise<number> {
  const { json, langs, only } = options;
  const locations = issueArguments(issueNames, io);
  if (typeof locations === 'number') return locations;
  const reads: Array<{ location: IssueLocation; result: ReadResult }> = [];
  for (const location of locations) reads.push({ location, result: await readIssue(location) });
  // Checked before anything is printed: bad usage is one line.
  for (const { location, result } of reads) {
    const problem = result.issue && langsProblem(langs ?? [], location.slug, result.issue.languages);
    if (problem) return usageError(problem, io);
  }
  let code: number = exitCode.ok;
  const results = [];
  const memory = options.suggest ? new Memory((await seriesMemory()).pairs) : undefined;
  for (const { location, result } of reads) {
    const report = formatReport(result.files, { color: io.stderr.isTTY });
    if (report) io.stderr.write(`${report}\n`);
    if (!result.issue) {
      io.stderr.write(`${location.slug}: no status, the manuscript has errors.\n`);
      code = exitCode.errors;
      continue;
    }
    const issueStatus = narrowStatus(await translationStatus(result.issue), { langs, only });
    if (!issueStatus.ok) code = exitCode.errors;
    const suggestions = memory ? suggestionsFor(result.issue, memory, { langs }) : undefined;
    if (json) results.push(suggestions ? { ...issueStatus, suggestions } : issueStatus);
    else io.stdout.write(formatStatus(issueStatus, { color: io.stdout.isTTY === true && !io.noColor, langs }));
    if (!json && memory && suggestions) io.stdout.write(formatSuggestions(suggestions, memory));
  }
  if (json) io.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  return code;
}

/**
 * The states of `--only`, comma-separated or repeated, each once.
 *
 * @returns the states, or the exit code of bad usage (reported on `io`).
 */
function statesOption(values: readonly string[], io: CommandIo): TargetState[] | number {
  const states = values.flatMap((value) => value.split(',')).map((state) => state.trim());
  const given = states.filter((state) => state !== '');
  if (given.length === 0) return usageError(`--only needs states: ${targetStates.join(', ')}.`, io);
  const unknown = given.find((state) => !(targetStates as readonly string[]).includes(state));
  if (unknown !== undefined) {
    return usageError(
      `Unknown state ${unknown} in --only${didYouMean(unknown, targetStates)} jlaga align status --only takes ${targetStates.join(', ')}.`,
      io,
    );
  }
  return [...new Set(given as TargetState[])];
}

/** Why `--lang` does not fit the issue `slug` with `languages` (source first), or undefined. */
function langsProblem(langs: readonly string[], slug: string, languages: readonly string[]): string | undefined {
  const [source, ...targets] = languages;
  const unknown = langs.find((lang) => !targets.includes(lang));
  if (unknown === undefined) return undefined;
  const why = unknown === source ? ': it is the source language.' : didYouMean(unknown, targets);
  return `Unknown target language ${unknown} in --lang${why} ${slug} translates into ${targets.join(', ') || 'no other language'}.`;
}

function fail(message: string, code: number, io: CommandIo): number {
  io.stderr.write(`${message}\n`);
  return code;
}
