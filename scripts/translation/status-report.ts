/** `align status` as the terminal shows it: a table, the totals, the stale changes. */
import type { TranslationState } from '../manuscript/types.js';
import type { IssueStatus } from './status.js';
import { formatWordDiff } from './word-diff.js';

const marks: Record<TranslationState, string> = {
  source: 'source',
  confirmed: 'confirmed',
  stale: 'STALE',
  unconfirmed: 'unconfirmed',
  missing: 'MISSING',
};

/** The status as lines of text (with ANSI colours when `color`). */
export function formatStatus(status: IssueStatus, options: { color?: boolean } = {}): string {
  const paint = (state: TranslationState, text: string) => {
    if (!options.color) return text;
    const code = state === 'stale' || state === 'missing' ? 31 : state === 'unconfirmed' ? 33 : 0;
    return code === 0 ? text : `\u001b[${code}m${text}\u001b[39m`;
  };
  const number = new Intl.NumberFormat('en-GB');
  const width = Math.max(7, ...status.segments.map((segment) => segment.id.length));
  const header = [
    'segment'.padEnd(width),
    ...status.languages.flatMap((lang) => [`${lang} state`.padEnd(12), `${lang} words`.padStart(9)]),
  ].join('  ');
  const lines = [`${status.issue}: translation status`, '', header, '-'.repeat(header.length)];
  for (const segment of status.segments) {
    lines.push(
      [
        segment.id.padEnd(width),
        ...status.languages.flatMap((lang) => {
          const state = segment.states[lang] ?? 'missing';
          return [paint(state, marks[state].padEnd(12)), number.format(segment.words[lang] ?? 0).padStart(9)];
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
    lines.push(`${total.lang}: ${number.format(total.words)} words; ${detail}`);
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
    lines.push(
      '',
      `Once checked, confirm with: jlaga align confirm ${status.issue} ${toConfirm.map((segment) => segment.id).join(' ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
