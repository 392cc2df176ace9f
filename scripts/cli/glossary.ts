/**
 * `jlaga glossary [<issue>…] [--json]`: each term of the series glossary, with the
 * segments whose source uses it and the translations that depart from it.
 *
 * Exit 0 listed, 1 when the glossary or a manuscript has errors, 2 bad usage.
 */
import path from 'node:path';
import { location as fileLocation } from 'vfile-location';
import { glossaryPath } from '../manuscript/glossary.js';
import type { GlossaryEntry } from '../manuscript/glossary.js';
import { displayPath } from '../manuscript/display-path.js';
import { readIssue } from '../manuscript/read-issue.js';
import { glossaryFindings } from '../manuscript/remark-glossary.js';
import { exitCode, exitCodeFor, formatReport } from '../messages/report.js';
import { issueArguments, parseCommandLine } from './arguments.js';
import type { CommandIo } from './io.js';

const usage = `Usage: jlaga glossary [<issue>…] [--json]

List each term of the series glossary (glossary.yaml beside series.yaml) with the
segments whose source uses it, in the issues named (all under manuscript/ when none
is), and the translations that depart from it: without the term, or with a form the
glossary avoids, each at its file:line:column. --json writes the same as JSON.

Exit codes: 0 listed, 1 the glossary or a manuscript has errors, 2 bad usage.`;

/** One term as listed. */
interface TermListing {
  forms: Record<string, string[]>;
  avoid: Record<string, string[]>;
  note: string | null;
  uses: Array<{ issue: string; segment: string }>;
  departures: Array<{
    file: string;
    line: number;
    column: number;
    issue: string;
    segment: string;
    lang: string;
    kind: 'missing' | 'avoided';
    text: string | null;
  }>;
}

/**
 * Run `jlaga glossary` with its arguments, writing to `io`.
 *
 * @returns the exit code.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(argv, { json: { type: 'boolean' } }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const locations = issueArguments(parsed.positionals, io);
  if (typeof locations === 'number') return locations;

  const listings = new Map<string, Map<GlossaryEntry, TermListing>>();
  let code: number = exitCode.ok;
  for (const location of locations) {
    const read = await readIssue(location);
    const glossaryFile = displayPath(glossaryPath(location));
    const errors = read.files.filter((file) => file.messages.some((message) => message.fatal === true));
    if (errors.length > 0) {
      io.stderr.write(`${formatReport(errors, { color: io.stderr.isTTY })}\n`);
      code = Math.max(code, exitCodeFor(errors));
    }
    if (!read.glossary) continue;
    const terms = listings.get(glossaryFile) ?? new Map<GlossaryEntry, TermListing>();
    listings.set(glossaryFile, terms);
    const findings = glossaryFindings(read.segments, read.languages, read.glossary);
    const manuscript = read.files[0];
    const place = manuscript ? fileLocation(manuscript) : undefined;
    for (const entry of read.glossary.entries) {
      const listing =
        [...terms.entries()].find(([known]) => sameEntry(known, entry))?.[1] ??
        terms
          .set(entry, { forms: entry.forms, avoid: entry.avoid, note: entry.note ?? null, uses: [], departures: [] })
          .get(entry);
      if (!listing) continue;
      for (const segment of findings.uses.get(entry) ?? [])
        listing.uses.push({ issue: location.slug, segment: segment.id });
      for (const departure of findings.departures.filter((candidate) => candidate.entry === entry)) {
        const point =
          departure.kind === 'avoided'
            ? place?.toPoint(departure.offset ?? 0)
            : departure.segment.blocks[departure.lang]?.node.position?.start;
        listing.departures.push({
          file: manuscript?.path ?? path.relative(process.cwd(), location.manuscript),
          line: point?.line ?? 1,
          column: point?.column ?? 1,
          issue: location.slug,
          segment: departure.segment.id,
          lang: departure.lang,
          kind: departure.kind,
          text: departure.text ?? null,
        });
      }
    }
  }

  if (parsed.values.json === true) {
    const json = [...listings].map(([file, terms]) => ({ glossary: file, terms: [...terms.values()] }));
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (listings.size === 0) {
    io.stderr.write(
      'No series glossary: write glossary.yaml beside series.yaml (docs/manuscript.md, "The series glossary").\n',
    );
  } else {
    for (const [file, terms] of listings) io.stdout.write(formatTerms(file, [...terms.values()]));
  }
  return code;
}

/** The same concept read again for another issue beside the same glossary. */
function sameEntry(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return a.place.line === b.place.line && a.place.column === b.place.column;
}

function formatTerms(file: string, terms: readonly TermListing[]): string {
  const lines = [`${file}: ${terms.length} ${terms.length === 1 ? 'term' : 'terms'}`];
  for (const term of terms) {
    const [source, ...targets] = Object.keys(term.forms);
    const renderings = targets.map((lang) => {
      const avoid = term.avoid[lang] ?? [];
      return `${lang}: ${(term.forms[lang] ?? []).join(' | ')}${avoid.length > 0 ? ` (not ${avoid.join(', ')})` : ''}`;
    });
    lines.push('', `${(source ? term.forms[source] : [])?.join(' | ') ?? ''} → ${renderings.join('; ')}`);
    const byIssue = new Map<string, string[]>();
    for (const use of term.uses) byIssue.set(use.issue, [...(byIssue.get(use.issue) ?? []), `#${use.segment}`]);
    lines.push(
      byIssue.size === 0
        ? '  not used'
        : `  used in ${[...byIssue].map(([issue, segments]) => `${issue} ${segments.join(' ')}`).join('; ')}`,
    );
    for (const departure of term.departures) {
      const what =
        departure.kind === 'missing' ? 'without the term' : `\`${departure.text ?? ''}\`, which the glossary avoids`;
      lines.push(
        `  ${departure.file}:${departure.line}:${departure.column} ${departure.lang} #${departure.segment}: ${what}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
