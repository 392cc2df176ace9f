/**
 * Where a glossary term occurs in a text, in any of the forms its language gives it.
 *
 * - Hungarian inflects a noun phrase on its last word, with suffixes: the last word of
 *   a form matches as the start of a word (`mintaszövetséges` in
 *   `mintaszövetségesként`), a final `a` or `e` also as `á` or `é` (`alma`, `almát`).
 * - English: the last word in its plural and possessive forms as well (`ally`,
 *   `allies`, `ally's`, `allies'`; `-s`, `-es`, `-y` → `-ies`).
 * - Any other language: the form as written.
 *
 * The other words of a form match whole, in any case, with any white space between
 * them; a soft hyphen inside a word is no obstacle.
 */

/** One place a form was found: offsets in the text. */
export interface TermMatch {
  start: number;
  end: number;
  /** The text found, as written. */
  text: string;
}

const letter = '[\\p{L}\\p{N}\\u00AD]';

/** A pattern that finds `form` written in language `lang`, inflected as the language allows. */
export function formPattern(form: string, lang: string): RegExp {
  const words = form
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/\u00AD/g, ''));
  const last = words.pop() ?? '';
  const exact = words.map((word) => softHyphenated(escape(word)));
  const primary = lang.split('-')[0]?.toLowerCase();
  let tail: string;
  if (primary === 'hu') {
    const stem = /[ae]$/i.test(last) ? `${softHyphenated(escape(last.slice(0, -1)))}[${last.slice(-1)}${last.slice(-1) === 'a' ? 'á' : 'é'}]` : softHyphenated(escape(last));
    tail = `${stem}${letter}*`;
  } else if (primary === 'en') {
    tail = `(?:${englishForms(last).map((word) => softHyphenated(escape(word))).join('|')})(?:['’]s?)?(?!${letter})`;
  } else {
    tail = `${softHyphenated(escape(last))}(?!${letter})`;
  }
  return new RegExp(`(?<!${letter})${[...exact, tail].join('\\s+')}`, 'giu');
}

/** Every place in `text` where one of `forms` occurs. */
export function findForms(text: string, forms: readonly string[], lang: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const form of forms) {
    for (const match of text.matchAll(formPattern(form, lang))) {
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** An English word and its plurals. */
function englishForms(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`];
  if (/[^aeiou]y$/i.test(word)) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}

/** The text as a pattern of itself (a `u` pattern allows no other escapes than these). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern of a word that also matches it with soft hyphens between its letters. */
function softHyphenated(pattern: string): string {
  // Between two characters of the pattern (escapes kept whole), an optional soft hyphen.
  return (pattern.match(/\\.|\[[^\]]*\]|./gu) ?? []).join('\\u00AD?');
}
