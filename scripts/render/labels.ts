/**
 * Interface labels of the editions, through i18next, and dates in each language's form.
 *
 * The labels are data: `templates/locales/<lang>.json`, one i18next resource per
 * language. Plurals follow each language's CLDR rules through Intl.PluralRules
 * (`professionalReviewer_one` / `_other`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import type { TFunction } from 'i18next';
import { primaryLanguage } from '../manuscript/language-tags.js';
import { localesDir, supportedLanguages } from '../project.js';
import type { Lang } from '../manuscript/schema.js';
import { hungarianArticle } from './hungarian-article.js';
import type { TypographyRules } from './typography.js';

/** Labels of one language, and the formatting that goes with them. */
export interface Labels {
  lang: Lang;
  /** The BCP 47 locale of the language's conventions (`en-GB`, `hu-HU`). */
  locale: string;
  t: TFunction;
  /** "9 April 2026" / "2026. április 9." from an ISO date. */
  formatDate: (isoDate: string) => string;
  /** The characters and words of the language's typography. */
  typography: TypographyRules;
  /**
   * The typography of a phrase's language tag (`en-GB` → the `en` rules), `undefined`
   * for a language the project has no labels for.
   */
  typographyOf: (tag: string) => TypographyRules | undefined;
}

/**
 * Load the labels of every supported language into one i18next instance (its own, not
 * the global one, so that two builds never share state) and return one `Labels` per
 * language.
 */
export function loadLabels(languages: readonly Lang[] = supportedLanguages()): Map<Lang, Labels> {
  const resources = Object.fromEntries(
    languages.map((lang) => [
      lang,
      {
        translation: JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as Record<string, unknown>,
      },
    ]),
  );
  const i18n = createInstance();
  void i18n.init({
    resources,
    lng: languages[0],
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{number, article}}`: the definite article a language writes before the number.
  i18n.services.formatter?.add('article', (value: unknown, lng: string | undefined) =>
    lng === 'hu' ? hungarianArticle(String(value)) : '',
  );
  const result = new Map<Lang, Labels>();
  const typographyOf = (tag: string) => result.get(primaryLanguage(tag))?.typography;
  for (const lang of languages) {
    const declared = resources[lang]?.translation.locale;
    const locale = typeof declared === 'string' ? declared : lang;
    const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    result.set(lang, {
      lang,
      locale,
      t: i18n.getFixedT(lang),
      formatDate: (isoDate) => format.format(new Date(`${isoDate}T00:00:00Z`)),
      typography: resources[lang]?.translation.typography as TypographyRules,
      typographyOf,
    });
  }
  return result;
}
