/** `align status` as the terminal shows it: a table, the totals, the stale changes. */
import type { Lang } from '../manuscript/schema.js';
import type { TranslationState } from '../manuscript/types.js';
import type { IssueStatus } from './status.js';
import { formatWordDiff } from './word-diff.js';
import { formatCount } from '../count-format.js';

const marks: Record<TranslationState, string> = {
  source: 'source',
  confirmed: 'confirmed',
  stale: 'STALE',
  unconfirmed: 'unconfirmed',
  missing: 'MISSING',
};

export interface StatusFormatOptions {
  /** Use ANSI colours. */
  color?: boolean | undefined;
  /** The target languages the status was narrowed to (`--lang`), for the heading and the confirm command. */
  langs?: readonly Lang[] | undefined;
}

/**
 * The status as lines of text: a heading that says what it was narrowed to, the table
 * (or a line saying no segment is in the states asked for), the totals, the changes
 * under stale translations, and the command that confirms the segments listed.
 */
export function formatStatus(status: IssueStatus, options: StatusFormatOptions = {}): string {
  const paint = (state: TranslationState, text: string) => {
    if (!options.color) return text;
    const code = state === 'stale' || state === 'missing' ? 31 : state === 'unconfirmed' ? 33 : 0;
    return code === 0 ? text : `\u001b[${code}m${text}\u001b[39m`;
  };
  const width = Math.max(7, ...status.segments.map((segment) => segment.id.length));
  const header = [
    'segment'.padEnd(width),
    ...status.languages.flatMap((lang) => [`${lang} state`.padEnd(12), `${lang} words`.padStart(9)]),
  ].join('  ');
  const into = options.langs ? ` into ${options.langs.join(', ')}` : '';
  const which = status.only ? `a translation that is ${orList(status.only)}` : undefined;
  const lines = [`${status.issue}: translation status${into}${which ? ` (segments with ${which})` : ''}`, ''];
  if (which && status.segments.length === 0) lines.push(`No segment has ${which}.`);
  else lines.push(header, '-'.repeat(header.length));
  for (const segment of status.segments) {
    lines.push(
      [
        segment.id.padEnd(width),
        ...status.languages.flatMap((lang) => {
          const state = segment.states[lang] ?? 'missing';
          return [paint(state, marks[state].padEnd(12)), formatCount(segment.words[lang] ?? 0).padStart(9)];
        }),
      ].join('  '),
    );
  }
  lines.push('');
  for (const total of status.totals) {
    const { counts } = total;
    const detail =
      counts.source > 0
        ? 'source'
        : `${(total.complete * 100).toFixed(1)}% complete: ${counts.confirmed} confirmed, ${counts.stale} stale, ${counts.unconfirmed} unconfirmed, ${counts.missing} missing`;
    lines.push(`${total.lang}: ${formatCount(total.words)} words; ${detail}`);
  }
  for (const stale of status.stale) {
    lines.push('', `stale ${stale.lang} #${stale.id} (confirmed against src=${stale.src}, now ${stale.current}):`);
    lines.push(
      stale.changes === undefined
        ? '  the text it was confirmed against is not in the manuscript’s git history'
        : `  ${formatWordDiff(stale.changes, options.color).replace(/\n/g, '\n  ')}`,
    );
  }
  const toConfirm = status.segments.filter((segment) =>
    Object.values(segment.states).some((state) => state === 'stale' || state === 'unconfirmed'),
  );
  if (toConfirm.length > 0) {
    const langs = (options.langs ?? []).map((lang) => ` --lang ${lang}`).join('');
    lines.push(
      '',
      `Once checked, confirm with: jlaga align confirm ${status.issue} ${toConfirm.map((segment) => segment.id).join(' ')}${langs}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}
