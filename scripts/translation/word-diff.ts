/**
 * Word-level differences between two texts: the shortest edit of their words (white
 * space kept with the word before it, words compared without it), as runs of equal,
 * deleted and inserted text.
 */
import { diffArrays } from 'diff';

export interface DiffPart {
  type: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Split a text into words, each with the white space that follows it. */
export function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The differences from `from` to `to`, word by word. Adjacent parts of one type are
 * joined, so a changed phrase reads as one deletion and one insertion.
 *
 * @param from the older text.
 * @param to the newer text.
 * @returns the parts in order; equal runs as `to` has them (its spacing, its line breaks).
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = words(from);
  const b = words(to);
  // A word's trailing white space is not part of what is compared: a word that moved to
  // the end of a line is the same word.
  const same = (left: string, right: string) => left.trimEnd() === right.trimEnd();
  // Common prefix and suffix first: most edits touch a few words of a long text, and
  // an unchanged ending stays one equal run.
  let start = 0;
  while (start < a.length && start < b.length && same(a[start] ?? '', b[start] ?? '')) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1] ?? '', b[endB - 1] ?? '')) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart['type'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else if (text !== '') parts.push({ type, text });
  };
  // Equal runs are written as the new text has them (its spacing, its line breaks);
  // jsdiff gives common runs that way too.
  push('equal', b.slice(0, start).join(''));
  for (const change of diffArrays(a.slice(start, endA), b.slice(start, endB), { comparator: same })) {
    push(change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value.join(''));
  }
  push('equal', b.slice(endB).join(''));
  return parts;
}

/**
 * A diff as text: `[-deleted-]{+inserted+}`, as `git diff --word-diff` writes it.
 *
 * @param parts the diff.
 * @param color whether to colour deletions red and insertions green (ANSI).
 * @returns the text.
 */
export function formatWordDiff(parts: readonly DiffPart[], color = false): string {
  return parts
    .map((part, index) => {
      if (part.type === 'equal') return part.text;
      const text = part.text.trimEnd();
      // A replacement reads "[-old-]{+new+} ": the space belongs after the insertion.
      const space = part.type === 'delete' && parts[index + 1]?.type === 'insert' ? '' : part.text.slice(text.length);
      const [open, close, code] = part.type === 'delete' ? ['[-', '-]', 31] : ['{+', '+}', 32];
      return color ? `\u001b[${code}m${open}${text}${close}\u001b[39m${space}` : `${open}${text}${close}${space}`;
    })
    .join('');
}
