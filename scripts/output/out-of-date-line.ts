/**
 * The one line a build (and the dev server) prints when it kept editions of an earlier
 * build of another input: which ones, what differs, and what brings them up to date.
 */
import type { InputPartName } from './build-inputs.js';
import { inputPartNames } from './build-inputs.js';
import type { OutOfDateEdition } from './editions-record.js';

/** How the line says that a part of the input differs. */
const differences: Readonly<Record<InputPartName, string>> = {
  manuscript: 'a different manuscript',
  series: 'a different series.yaml',
  glossary: 'a different glossary',
  assets: 'different images',
  templates: 'different templates',
  program: 'another version of the program',
  draft: 'another draft setting',
};

/**
 * `2026-3: kept pdf en, epub en from an earlier build of a different manuscript; run a
 * full build to bring them up to date`.
 *
 * @returns the line (without its line break), or undefined when `editions` is empty.
 */
export function outOfDateLine(slug: string, editions: readonly OutOfDateEdition[]): string | undefined {
  if (editions.length === 0) return undefined;
  const names = editions.map((entry) => (entry.lang === undefined ? entry.edition : `${entry.edition} ${entry.lang}`));
  const differing = new Set(editions.flatMap((entry) => entry.differs ?? []));
  const reasons = inputPartNames.filter((name) => differing.has(name)).map((name) => differences[name]);
  // An edition from before builds kept a record: what it was built from is unknown.
  if (editions.some((entry) => entry.differs === undefined)) reasons.push('inputs it did not record');
  const them = editions.length === 1 ? 'it' : 'them';
  return `${slug}: kept ${names.join(', ')} from an earlier build of ${listed(reasons.length > 0 ? reasons : ['other inputs'])}; run a full build to bring ${them} up to date`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
