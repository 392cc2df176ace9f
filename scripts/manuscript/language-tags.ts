/**
 * Language tags of the phrases written in another language (`:en[…]`): which names are
 * tags, and which tags the editions can hyphenate.
 *
 * The hyphenation patterns are those of the npm `hyphen` package, one module per
 * language; the render stage loads the module this file names, so that the manuscript's
 * warning and the editions agree on what is hyphenated.
 */
import { createRequire } from 'node:module';
import type { TextDirective } from 'mdast-util-directive';

const require = createRequire(import.meta.url);

/**
 * Patterns the house chooses where a tag leaves a choice: English is set in British
 * spelling and hyphenation, as in the English edition (`hyphen/en` is the American one).
 */
const housePatterns: Record<string, string> = { en: 'en-gb' };

/**
 * The canonical form of a language tag (`EN-gb` → `en-GB`), or `undefined` when `name`
 * is no tag: BCP 47 well-formed, with a primary language subtag of two or three letters
 * (ISO 639), so that words a text directive can be made of (`:high`, `:english`) are not.
 */
export function languageTag(name: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(name)) return undefined;
  try {
    return Intl.getCanonicalLocales(name)[0];
  } catch {
    return undefined;
  }
}

/** The primary language of a tag: `en` of `en-GB`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? tag;
}

/** The language tag of a phrase node (`:en-gb[…]` → `en-GB`); `undefined` when its name is no tag. */
export function phraseLanguage(node: TextDirective): string | undefined {
  return languageTag(node.name);
}

const found = new Map<string, string | undefined>();

/**
 * The `hyphen` module with the patterns of `tag`: the most specific of its prefixes
 * that has a module (`de-CH-1901` → `hyphen/de-ch-1901`, `en-GB` → `hyphen/en-gb`,
 * `de-AT` → `hyphen/de`), or `undefined` when no prefix has one.
 */
export function hyphenationModule(tag: string): string | undefined {
  const canonical = languageTag(tag);
  if (canonical === undefined) return undefined;
  if (found.has(canonical)) return found.get(canonical);
  const subtags = canonical.toLowerCase().split('-');
  let result: string | undefined;
  for (let length = subtags.length; length > 0 && result === undefined; length--) {
    const prefix = subtags.slice(0, length).join('-');
    const name = `hyphen/${housePatterns[prefix] ?? prefix}`;
    if (resolves(name)) result = name;
  }
  found.set(canonical, result);
  return result;
}

function resolves(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
