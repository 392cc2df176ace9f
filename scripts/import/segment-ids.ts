/**
 * Ids for imported segments and labels for their notes, valid by the format's rules
 * (lower-case letters and digits in groups joined by single hyphens) and made from the
 * text, so that they say where they are: `s2-formation` for the heading "2. The
 * Formation of the Classical Alliance Model", `s2-formation-p3` for its third
 * paragraph, `fn-draudt-vejares-2025` for a note citing DRAUDT-VÉJARES, 2025.
 */

/** Words that say nothing of a heading or a note. */
const stopWords = new Set(
  (
    'a an the of and or in on at to for with by from as is are its their this that these ' +
    'az egy és vagy is de hogy mint nem meg már csak'
  ).split(' '),
);

/** ASCII letters and digits of `text`, in lower case, accents dropped: `Véjares` → `vejares`. */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Hands out ids, each once: a second `s2-formation` is `s2-formation-2`. */
export class IdMaker {
  readonly #used = new Set<string>();

  constructor(used: Iterable<string> = []) {
    for (const id of used) this.#used.add(id);
  }

  /** Give back an id taken for a block that was then left out. */
  release(id: string): void {
    this.#used.delete(id);
  }

  /** `wanted`, or `wanted-2`, `wanted-3`… when taken. */
  take(wanted: string): string {
    const base = wanted.slice(0, 48).replace(/-+$/, '') || 'segment';
    let id = base;
    for (let count = 2; this.#used.has(id); count++) id = `${base}-${count}`;
    this.#used.add(id);
    return id;
  }
}

/**
 * The key of a section, from its heading: `s2-formation` for "2. The Formation of…",
 * `s5-2a-role` for "a) The Role of…" under 5.2, `executive-summary` for a heading
 * without a number.
 *
 * @param parentNumber the number of the section above, for a lettered heading.
 * @returns the key, and the section's number for the headings below it.
 */
export function sectionKey(
  text: string,
  parentNumber: string | undefined,
): { key: string; number: string | undefined } {
  const numbered = /^\s*((?:\d+\.)*\d+)\.?\s+(.*)$/u.exec(text);
  const lettered = /^\s*([a-z])\)\s+(.*)$/u.exec(text);
  let number: string | undefined;
  let rest = text;
  if (numbered) {
    number = (numbered[1] ?? '').split('.').join('-');
    rest = numbered[2] ?? '';
  } else if (lettered && parentNumber !== undefined) {
    number = `${parentNumber}${lettered[1] ?? ''}`;
    rest = lettered[2] ?? '';
  }
  const words = slugWords(rest).filter((word) => !stopWords.has(word));
  if (number === undefined) return { key: words.slice(0, 2).join('-') || 'section', number };
  return { key: [`s${number}`, ...words.slice(0, 1)].join('-'), number };
}

/**
 * A note's label from its text: the first author written in capitals (`DRAUDT-VÉJARES,
 * Darcie: …`) or else its first words, with the first year it names.
 */
export function noteLabel(text: string): string {
  const capitals = /(?:^|\s)(\p{Lu}{2,}(?:[-–]\p{Lu}{2,})?)[,\s]/u.exec(text.slice(0, 80))?.[1];
  const words = capitals
    ? slugWords(capitals)
    : slugWords(text)
        .filter((word) => !stopWords.has(word))
        .slice(0, 2);
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text)?.[1];
  const label = [...words.slice(0, 3), ...(year ? [year] : [])].join('-');
  return label === '' ? 'note' : label;
}
