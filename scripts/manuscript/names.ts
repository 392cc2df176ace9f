/**
 * People's names in each language's order.
 *
 * Hungarian writes the family name first ("Jurászik Bálint"); the other languages of
 * the series write the given name first ("Bálint Jurászik").
 */
import type { Lang, Person } from './schema.js';

const familyFirst = new Set<Lang>(['hu']);

/** A person's full name as the edition in `lang` writes it. */
export function formatName(person: Person, lang: Lang): string {
  return familyFirst.has(lang) ? `${person.family} ${person.given}` : `${person.given} ${person.family}`;
}
