/**
 * Validated issue → one document per language.
 *
 * Each edition holds only its language: the blocks of its language in segment order
 * (a missing translation shows nothing), the front matter and series texts in its
 * language, names in its order, and its footnotes numbered 1, 2, 3… — the authors'
 * notes first, then every label in order of its first reference.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { formatName } from './names.js';
import type { ValidatedIssue } from './read-issue.js';
import type { Lang } from './schema.js';
import type { TranslationState } from './types.js';

/** One segment as an edition shows it. */
export interface EditionSegment {
  id: string;
  classes: string[];
  state: TranslationState;
  /** Content in this language (a copy: stages may change it freely). */
  children: RootContent[];
  position: Position | undefined;
}

/** One numbered note of an edition. */
export interface EditionNote {
  number: number;
  /** `author` for an author's note on the title, `footnote` for a `[^label]` note. */
  kind: 'author' | 'footnote';
  /** The footnote label; for an author's note, `author-<n>`. */
  label: string;
  /** The segment that defines the note (footnotes only). */
  segmentId: string | undefined;
  children: RootContent[];
  position: Position | undefined;
}

export interface EditionPerson {
  name: string;
  email: string | undefined;
  /** The number of the author's note, when there is one. */
  note: number | undefined;
}

/** Everything one language's edition shows. */
export interface Edition {
  lang: Lang;
  /** The issue's source language. */
  sourceLang: Lang;
  languages: Lang[];
  slug: string;
  issue: string;
  /** ISO date of the issue. */
  date: string;
  title: string;
  subtitle: string | undefined;
  authors: EditionPerson[];
  reviewers: string[];
  keywords: string[];
  series: {
    name: string;
    description: string;
    editing: string;
    publisher: { institute: string; centre: string; university: string };
    editors: string[];
    copyright: string;
    contact: { postal: string; street: string; telephone: string; email: string };
  };
  segments: EditionSegment[];
  notes: EditionNote[];
  /** Footnote label → number in this edition. */
  noteNumbers: Record<string, number>;
}

/** Every language's edition of `issue`, in the order of `languages`. */
export function splitEditions(issue: ValidatedIssue): Edition[] {
  return issue.languages.map((lang) => makeEdition(issue, lang));
}

/** The edition of `issue` in `lang`. */
export function makeEdition(issue: ValidatedIssue, lang: Lang): Edition {
  const { frontMatter: front, series } = issue;
  const notes: EditionNote[] = [];
  const authors: EditionPerson[] = front.authors.map((author) => {
    const name = formatName(author, lang);
    const text = author.note?.[lang];
    if (text === undefined) return { name, email: author.email, note: undefined };
    const number = notes.length + 1;
    notes.push({
      number,
      kind: 'author',
      label: `author-${number}`,
      segmentId: undefined,
      children: [{ type: 'paragraph', children: authorNote(name, author.email, text) }],
      position: undefined,
    });
    return { name, email: author.email, note: number };
  });

  const segments: EditionSegment[] = [];
  const definitions = new Map<string, { segmentId: string; children: RootContent[]; position: Position | undefined }>();
  for (const segment of issue.segments) {
    const block = segment.blocks[lang];
    if (!block) continue;
    const children = structuredClone(block.children);
    if (segment.footnote !== undefined) {
      const [definition] = children;
      if (definition?.type === 'footnoteDefinition') {
        definitions.set(definition.identifier, { segmentId: segment.id, children: definition.children, position: definition.position });
      }
      continue;
    }
    segments.push({ id: segment.id, classes: segment.classes, state: segment.states[lang] ?? 'missing', children, position: block.node.position });
  }

  const noteNumbers: Record<string, number> = {};
  for (const segment of segments) {
    visit({ type: 'root', children: segment.children }, 'footnoteReference', (reference) => {
      if (noteNumbers[reference.identifier] !== undefined) return;
      const definition = definitions.get(reference.identifier);
      if (!definition) return;
      const number = notes.length + 1;
      noteNumbers[reference.identifier] = number;
      notes.push({ number, kind: 'footnote', label: reference.identifier, ...definition });
    });
  }

  return {
    lang,
    sourceLang: issue.languages[0] ?? lang,
    languages: issue.languages,
    slug: issue.location.slug,
    issue: front.issue,
    date: front.date,
    title: front.title[lang] ?? '',
    subtitle: front.subtitle?.[lang],
    authors,
    reviewers: front.reviewers.map((person) => formatName(person, lang)),
    keywords: front.keywords?.[lang] ?? [],
    series: {
      name: series.name[lang] ?? '',
      description: series.description[lang] ?? '',
      editing: series.editing[lang] ?? '',
      publisher: {
        institute: series.publisher.institute[lang] ?? '',
        centre: series.publisher.centre[lang] ?? '',
        university: series.publisher.university[lang] ?? '',
      },
      editors: series.editors.map((person) => formatName(person, lang)),
      copyright: copyrightLine(series.copyright[lang] ?? '', {
        authors: authors.map((author) => author.name).join(', '),
        year: front.date.slice(0, 4),
      }),
      contact: {
        postal: series.contact.postal[lang] ?? '',
        street: series.contact.street[lang] ?? '',
        telephone: series.contact.telephone,
        email: series.contact.email,
      },
    },
    segments,
    notes,
    noteNumbers,
  };
}

/** The series' copyright line with the issue's `{authors}` (in the edition's order) and `{year}`. */
function copyrightLine(template: string, values: { authors: string; year: string }): string {
  return template.replace(/\{(authors|year)\}/g, (_match, name: 'authors' | 'year') => values[name]);
}

/** "Bálint Jurászik (e-mail) is a Master’s student…": the name, the address, the note. */
function authorNote(name: string, email: string | undefined, note: string): PhrasingContent[] {
  if (email === undefined) return [{ type: 'text', value: `${name} ${note}` }];
  return [
    { type: 'text', value: `${name} (` },
    { type: 'link', url: `mailto:${email}`, children: [{ type: 'text', value: email }] },
    { type: 'text', value: `) ${note}` },
  ];
}
