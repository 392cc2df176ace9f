/**
 * `npm run docs:rules`: write each rule table into its documentation, between the
 * markers `<!-- rules:start -->` and `<!-- rules:end -->`, so that the docs cannot
 * drift from the rules messages carry. A test compares the docs with what this makes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importRuleTable } from '../import/rules.js';
import { manuscriptRules } from '../manuscript/rules.js';
import type { Rule, RuleTable } from '../messages/rules.js';
import { projectRoot } from '../project.js';
import { releaseRuleTable, validatorRuleTable } from '../release/rules.js';
import { xliffRuleTable } from '../translation/xliff-import-rules.js';
import { tmxRuleTable } from '../memory/tmx-read.js';

/** The tables whose documentation holds a generated rule table; tables of one file share its table. */
export const documentedTables: readonly RuleTable<string>[] = [
  manuscriptRules,
  xliffRuleTable,
  releaseRuleTable,
  validatorRuleTable.epubcheck,
  validatorRuleTable.nu,
  tmxRuleTable,
  importRuleTable,
];

/** The documented tables by their docs file, in the order above. */
export function tablesByFile(): Map<string, RuleTable<string>[]> {
  const files = new Map<string, RuleTable<string>[]>();
  for (const table of documentedTables) files.set(table.docsFile, [...(files.get(table.docsFile) ?? []), table]);
  return files;
}

/** The markers around a generated table. */
export const markers = { start: '<!-- rules:start -->', end: '<!-- rules:end -->' } as const;

/** The Markdown table of the rules of `tables`: one row per rule, linked to its section. */
export function rulesTable(tables: readonly RuleTable<string>[]): string {
  const rows = tables
    .flatMap((table) => Object.values<Rule>(table.rules))
    .map((rule) => `| [${rule.id}](#${rule.id}) | ${rule.severity} | ${rule.summary} |`);
  return ['| Rule | Severity | What it means |', '| --- | --- | --- |', ...rows].join('\n');
}

/**
 * `text` with the part between the markers replaced by the rule table of `tables`.
 *
 * @returns the new text; throws when the markers are missing (a bug in the docs, not a manuscript).
 */
export function withRulesTable(text: string, tables: readonly RuleTable<string>[]): string {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  if (start === -1 || end < start) throw new Error(`The docs lack ${markers.start} … ${markers.end}`);
  return `${text.slice(0, start + markers.start.length)}\n${rulesTable(tables)}\n${text.slice(end)}`;
}

/** Rewrite the rule table of every documented table's file; returns the files changed. */
export async function writeRulesTables(root: string = projectRoot): Promise<string[]> {
  const changed: string[] = [];
  for (const [docsFile, tables] of tablesByFile()) {
    const file = path.join(root, docsFile);
    const text = await readFile(file, 'utf8');
    const next = withRulesTable(text, tables);
    if (next === text) continue;
    await writeFile(file, next);
    changed.push(docsFile);
  }
  return changed;
}

// Run as a script (not when a test imports it).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const changed = await writeRulesTables();
  process.stdout.write(changed.length === 0 ? 'Rule tables up to date.\n' : `Rewrote ${changed.join(', ')}.\n`);
}
