/**
 * The one rule machinery: every problem any stage reports (manuscript, XLIFF import,
 * release, validators) is a rule of a closed table with an id, a severity, a summary
 * and the anchor of its documentation. A stage keeps its own table (it is that stage's
 * knowledge) and builds it with `defineRules`.
 */

/** How bad a rule is: an error fails the command, a warning does not. */
export type Severity = 'error' | 'warning';

/** What a stage writes for each of its rules. */
export interface RuleSpec {
  severity: Severity;
  /** One line saying what the rule means, as the documentation's rule table shows it. */
  summary: string;
}

/** One rule, complete: where it comes from and where it is documented. */
export interface Rule extends RuleSpec {
  /** The id messages carry as `ruleId` (stable: editors search for it, tests pin it). */
  id: string;
  /** What messages carry as `source`: the stage or tool that finds the problem. */
  source: string;
  /** The documentation of the rule: `<docsFile>#<id>`. */
  url: string;
}

/** A stage's closed list of rules. */
export interface RuleTable<Id extends string> {
  source: string;
  /** The documentation file, relative to the project, with a section per rule. */
  docsFile: string;
  rules: { readonly [K in Id]: Rule };
}

/**
 * Make a stage's rule table.
 *
 * @param source the `source` of every message of these rules (`manuscript`, `xliff`…).
 * @param docsFile the documentation file with a section per rule (`docs/manuscript.md`).
 * @param table each rule id with its severity and summary, in the order the docs list them.
 * @returns the table, each rule completed with its id, source and documentation URL.
 */
export function defineRules<const T extends Record<string, RuleSpec>>(
  source: string,
  docsFile: string,
  table: T,
): RuleTable<Extract<keyof T, string>> {
  const rules = Object.fromEntries(
    Object.entries(table).map(([id, spec]) => [
      id,
      { id, source, severity: spec.severity, summary: spec.summary, url: `${docsFile}#${id}` },
    ]),
  ) as { [K in Extract<keyof T, string>]: Rule };
  return { source, docsFile, rules };
}

/**
 * A rule of a family whose ids another tool names (EPUBCheck's `RSC-005`): the family's
 * documentation and source, the tool's id, and the tool's own severity when it gives one.
 *
 * @returns the member rule (`epubcheck:RSC-005` as source and id).
 */
export function familyMember(family: Rule, id: string, severity: Severity = family.severity): Rule {
  return { ...family, id, severity };
}
