/**
 * The schemas of an issue's front matter and of `series.yaml`, and the types inferred
 * from them.
 *
 * Reader-visible texts are "localized": one value per language of the issue, no more,
 * no less. The schemas are therefore made for a list of languages.
 */
import { z } from 'zod';

/** A language code as the manuscript writes it (`en`, `hu`). */
export type Lang = string;

/** One text per language. */
export type Localized = Record<Lang, string>;

const nonEmpty = z.string().trim().min(1, 'expected a non-empty text');

/**
 * A text per language: every language of `languages`, and nothing else but, where
 * `also` is given, the other languages the project supports (the series file serves
 * issues in different sets of languages).
 */
export function localized(languages: readonly Lang[], also: readonly Lang[] = [], value: z.ZodType<string> = nonEmpty) {
  const optional = also.filter((lang) => !languages.includes(lang));
  return z
    .object({
      ...Object.fromEntries(optional.map((lang) => [lang, value.optional()])),
      ...Object.fromEntries(languages.map((lang) => [lang, value])),
    })
    .strict() as unknown as z.ZodType<Localized>;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'expected a date that exists');

// An address as HTML's `type=email` accepts it, less `?`, `&` and `%`: the address
// becomes a `mailto:` link, where those would start a query (`?subject=…&body=…`)
// or an escape and make the link write a message its reader did not.
const email = z
  .string()
  .regex(
    /^[A-Za-z0-9.!#$'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
    'expected an e-mail address such as name@example.org, with no `?` query',
  );

/** A copyright line: `© {authors}, {year}` becomes `© Jurászik Bálint, 2026` in an issue. */
const copyrightLine = nonEmpty.refine(
  (value) => /^(?:[^{}]|\{(?:authors|year)\})*$/.test(value),
  'expected a text whose only placeholders are {authors} and {year}',
);

/** Whether `issn` (`1234-567X`) has the right check digit: ISO 3297, weights 8 to 2, modulo 11. */
export function issnCheckDigitHolds(issn: string): boolean {
  const digits = issn.replace('-', '');
  const sum = [...digits.slice(0, 7)].reduce((total, digit, index) => total + Number(digit) * (8 - index), 0);
  const check = (11 - (sum % 11)) % 11;
  return digits[7]?.toUpperCase() === (check === 10 ? 'X' : String(check));
}

const issn = z
  .string()
  .regex(/^\d{4}-\d{3}[\dX]$/i, 'expected an ISSN such as 2939-6134')
  .refine(issnCheckDigitHolds, 'expected an ISSN whose last digit is its check digit');

/** A DOI as Crossref registers it: `10.` and a registrant code, `/`, a suffix of the characters it recommends. */
const doi = z
  .string()
  .regex(/^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/, 'expected a DOI such as 10.12345/jlaga.2026.3.en');

/** An absolute web address. */
const webUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}, 'expected an absolute http or https address such as https://example.org/analyses/');

/** A person: Hungarian editions write `family given`, English ones `given family`. */
const person = z.object({ given: nonEmpty, family: nonEmpty }).strict();

export type Person = z.infer<typeof person>;

/**
 * The `languages` key alone: read first, because every localized value is checked
 * against it.
 */
export function languagesSchema(supported: readonly Lang[]) {
  return z
    .array(z.enum(supported as [Lang, ...Lang[]]))
    .min(1, 'expected at least the source language')
    .refine((list) => new Set(list).size === list.length, 'expected each language once');
}

/** The front matter of one issue (`manuscript/<slug>/index.md`). */
export function frontMatterSchema(languages: readonly Lang[], supported: readonly Lang[]) {
  const text = localized(languages);
  return z
    .object({
      issue: z.string().regex(/^\d{4}\/\d{1,2}$/, 'expected the issue as "YYYY/N", e.g. "2026/3"'),
      date: isoDate,
      languages: languagesSchema(supported),
      title: text,
      subtitle: text.optional(),
      authors: z
        .array(person.extend({ email: email.optional(), note: text.optional() }).strict())
        .min(1, 'expected at least one author'),
      reviewers: z.array(person).default([]),
      keywords: z
        .object(Object.fromEntries(languages.map((lang) => [lang, z.array(nonEmpty).min(1)])))
        .strict()
        .optional() as unknown as z.ZodOptional<z.ZodType<Record<Lang, string[]>>>,
      /** The DOI of each language's edition, where the series registers them. */
      doi: z
        .object(Object.fromEntries(languages.map((lang) => [lang, doi])))
        .strict()
        .optional() as unknown as z.ZodOptional<z.ZodType<Record<Lang, string>>>,
    })
    .strict();
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
export type Author = FrontMatter['authors'][number];

/** `series.yaml`: what the editors page of every issue of the series shows. */
export function seriesSchema(languages: readonly Lang[], supported: readonly Lang[]) {
  const text = localized(languages, supported);
  return z
    .object({
      name: text,
      description: text,
      editing: text,
      publisher: z.object({ institute: text, centre: text, university: text }).strict(),
      editors: z.array(person).min(1, 'expected at least one editor'),
      copyright: localized(languages, supported, copyrightLine),
      contact: z
        .object({
          postal: text,
          street: text,
          telephone: z.string().regex(/^\+?[\d ()-]+$/, 'expected a telephone number'),
          email,
        })
        .strict(),
      /** Where the series is published: its website (absolute URLs in feeds, sitemaps and citations). */
      site: z.object({ url: webUrl }).strict().optional(),
      /** The series' ISSN, when it has one. */
      issn: issn.optional(),
      /** Registering DOIs: the prefix, and who deposits the metadata with Crossref. */
      doi: z
        .object({
          prefix: z.string().regex(/^10\.\d{4,9}$/, 'expected a DOI prefix such as 10.12345'),
          depositor: z.object({ name: nonEmpty, email }).strict(),
        })
        .strict()
        .optional(),
    })
    .strict();
}

export type Series = z.infer<ReturnType<typeof seriesSchema>>;

/** One way of writing a term: a form, or several. */
const termForms = z.union([nonEmpty, z.array(nonEmpty).min(1, 'expected at least one form')]);

/**
 * `glossary.yaml`, beside `series.yaml`: the series' settled terms, one entry per
 * concept, with the form (or forms) of every language, the forms to avoid and a note.
 */
export function glossarySchema(languages: readonly Lang[]) {
  return z.array(
    z
      .object({
        ...Object.fromEntries(languages.map((lang) => [lang, termForms])),
        avoid: z
          .object(Object.fromEntries(languages.map((lang) => [lang, z.array(nonEmpty).optional()])))
          .strict()
          .optional(),
        note: nonEmpty.optional(),
      })
      .strict(),
  );
}

/** A glossary entry as written: forms by language, `avoid`, `note`. */
export type GlossaryEntryValue = Record<string, string | string[] | Record<string, string[] | undefined> | undefined>;
