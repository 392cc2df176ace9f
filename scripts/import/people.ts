/**
 * People as a Word file writes them, read into the manuscript's `given` and `family`:
 * "Bálint Jurászik" in English order, "Jurászik Bálint" in Hungarian; several joined
 * by commas, "and", "és", "&" or a dash.
 */
import type { Lang, Person } from '../manuscript/schema.js';

/** The words that join names in a list, per language (and in every language). */
const joiners = /\s*(?:,|;|&|\s–\s|\s-\s|\band\b|\bés\b|\bund\b)\s*/u;

/** A name of one to four words, each starting with a capital letter (initials allowed). */
const nameWords = /^(?:\p{Lu}[\p{L}’'-]*\.?)(?:\s+\p{Lu}[\p{L}’'-]*\.?){1,3}$/u;

/**
 * The people of a list of names, or undefined when the text is not a list of names.
 *
 * @param text "Bálint Jurászik and Anna Kovács".
 * @param lang the language whose order the names are written in.
 */
export function readNames(text: string, lang: Lang): Person[] | undefined {
  const parts = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(joiners)
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => nameWords.test(part))) return undefined;
  return parts.map((part) => readName(part, lang));
}

/** One name in the language's order: the family name first in Hungarian, last elsewhere. */
export function readName(text: string, lang: Lang): Person {
  const words = text.trim().split(/\s+/);
  if (lang === 'hu') return { family: words[0] ?? '', given: words.slice(1).join(' ') };
  return { given: words.slice(0, -1).join(' '), family: words.at(-1) ?? '' };
}

/** The name as the language writes it. */
export function writeName(person: Person, lang: Lang): string {
  return lang === 'hu' ? `${person.family} ${person.given}` : `${person.given} ${person.family}`;
}
