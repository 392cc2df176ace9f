/**
 * Word-level differences between two texts: the longest common subsequence of their
 * words (white space kept with the word before it), as runs of equal, deleted and
 * inserted text.
 */

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
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = words(from);
  const b = words(to);
  const key = (word: string) => word.trimEnd();
  // Common prefix and suffix first: most edits touch a few words of a long text.
  let start = 0;
  while (start < a.length && start < b.length && key(a[start] ?? '') === key(b[start] ?? '')) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1] ?? '') === key(b[endB - 1] ?? '')) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  // lengths[i][j]: the longest common subsequence of middleA[i..] and middleB[j..].
  const lengths = Array.from({ length: middleA.length + 1 }, () => new Uint32Array(middleB.length + 1));
  for (let i = middleA.length - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const below = lengths[i + 1] as Uint32Array;
    for (let j = middleB.length - 1; j >= 0; j--) {
      row[j] =
        key(middleA[i] ?? '') === key(middleB[j] ?? '')
          ? (below[j + 1] ?? 0) + 1
          : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart['type'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else if (text !== '') parts.push({ type, text });
  };
  // Equal runs are written as the new text has them (its spacing, its line breaks).
  push('equal', b.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < middleA.length || j < middleB.length) {
    if (i < middleA.length && j < middleB.length && key(middleA[i] ?? '') === key(middleB[j] ?? '')) {
      push('equal', middleB[j] ?? '');
      i++;
      j++;
    } else if (
      i < middleA.length &&
      (j === middleB.length || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))
    ) {
      // Deletions before insertions: "[-old-]{+new+}" reads as a replacement.
      push('delete', middleA[i] ?? '');
      i++;
    } else {
      push('insert', middleB[j] ?? '');
      j++;
    }
  }
  push('equal', b.slice(endB).join(''));
  return parts;
}

/** A diff as text: `[-deleted-]{+inserted+}`, as `git diff --word-diff` writes it. */
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
