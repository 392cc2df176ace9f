/**
 * `npm run align -- <command>`: the translators' commands.
 *
 *   confirm <issue> <id…>          confirm these segments' translations
 *   confirm <issue> --all-current  confirm every translation present
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { locateIssue } from '../manuscript/locate-issue.js';
import { readIssue } from '../manuscript/read-issue.js';
import { projectRoot } from '../project.js';
import { exitCode, formatReport } from '../report.js';
import { confirmTranslations } from '../translation/confirm.js';
import { parseCommandLine } from './arguments.js';

const usage = `Usage: npm run align -- confirm <issue> <id…> [--lang <lang>]
       npm run align -- confirm <issue> --all-current [--lang <lang>]

confirm   Record that the translations of these segments match their source as it is
          now: writes src=<hash> into each translation block's opening line and changes
          no other byte. --all-current confirms every translation present.
          --lang limits it to one target language (repeatable).

Exit codes: 0 done, 1 the manuscript has errors or an id is unknown, 2 bad usage.`;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    { 'all-current': { type: 'boolean' }, lang: { type: 'string', multiple: true } },
    usage,
  );
  if (typeof parsed === 'number') return parsed;
  const [command, issueName, ...ids] = parsed.positionals;
  if (command !== 'confirm')
    return fail(command ? `Unknown command \`${command}\`.\n\n${usage}` : usage, exitCode.usage);
  if (!issueName) return fail(`Missing <issue>.\n\n${usage}`, exitCode.usage);
  const all = parsed.values['all-current'] === true;
  if (all === ids.length > 0)
    return fail(`Expected segment ids or --all-current (not both).\n\n${usage}`, exitCode.usage);

  const location = locateIssue(issueName, projectRoot);
  if ('error' in location) return fail(location.error, exitCode.usage);
  const result = await readIssue(location);
  const report = formatReport(result.files, { color: process.stderr.isTTY });
  if (!result.issue) {
    process.stderr.write(`${report}\nNothing confirmed: fix the errors above first.\n`);
    return exitCode.errors;
  }
  const langs = parsed.values.lang;
  const unknownLangs = (langs ?? []).filter((lang) => !result.issue?.languages.slice(1).includes(lang));
  if (unknownLangs.length > 0)
    return fail(
      `Unknown target language ${unknownLangs.join(', ')}: the issue translates into ${result.issue.languages.slice(1).join(', ')}.`,
      exitCode.usage,
    );

  const raw = await readFile(location.manuscript, 'utf8');
  const outcome = confirmTranslations(raw, result.issue, { ids, all, langs });
  if (outcome.unknownIds.length > 0) {
    return fail(
      `Unknown segment id ${outcome.unknownIds.map((id) => `\`${id}\``).join(', ')} in ${location.slug}: nothing confirmed.`,
      exitCode.errors,
    );
  }
  for (const { id, lang } of outcome.missing)
    process.stderr.write(`No \`${lang}\` block in #${id}: nothing to confirm there.\n`);
  if (outcome.confirmed.length > 0) {
    // Write beside the manuscript and rename over it: a crash never leaves half a file.
    const temporary = `${location.manuscript}.${process.pid}.tmp`;
    await writeFile(temporary, outcome.text, 'utf8');
    await rename(temporary, location.manuscript);
  }
  for (const { id, lang, from, to } of outcome.confirmed) {
    process.stdout.write(`confirmed ${lang} #${id}: src=${to}${from ? ` (was ${from})` : ''}\n`);
  }
  process.stdout.write(
    `${outcome.confirmed.length} translation${outcome.confirmed.length === 1 ? '' : 's'} confirmed in ${location.slug}.\n`,
  );
  return exitCode.ok;
}

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
