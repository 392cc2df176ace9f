/**
 * The front matter of an imported issue, from what the document says (its title block
 * and its properties) and the issue's slug; each value it could not find is left out
 * with a warning that says what to add.
 */
import type { FootnoteDefinition } from 'mdast';
import { Document, isScalar, isSeq } from 'yaml';
import type { Lang, Person } from '../manuscript/schema.js';
import type { DocumentParts } from './document-parts.js';
import { readNames, writeName } from './people.js';
import type { DocxProperties } from './read-docx.js';
import { toBlockMarkdown } from './markdown.js';

/** One author as the front matter writes it. */
export interface AuthorValue extends Person {
  email?: string;
  note?: Record<Lang, string>;
}

/** The front matter's values, in the order the format lists them. */
export interface FrontMatterValues {
  issue?: string;
  date?: string;
  languages: Lang[];
  title?: Record<Lang, string>;
  authors?: AuthorValue[];
  reviewers?: Person[];
  keywords?: Record<Lang, string[]>;
}

/** A value not found: the key and what to add. */
export interface FrontMatterGap {
  key: string;
  reason: string;
}

/**
 * The front matter of a new issue in `lang`.
 *
 * @param slug the issue's folder name: `2026-3` gives the issue `2026/3`.
 */
export function makeFrontMatter(
  parts: DocumentParts,
  properties: DocxProperties,
  lang: Lang,
  slug: string,
): { values: FrontMatterValues; gaps: FrontMatterGap[] } {
  const gaps: FrontMatterGap[] = [];
  const values: FrontMatterValues = { languages: [lang] };
  const issue = /^(\d{4})-(\d{1,2})$/.exec(slug)?.slice(1).join('/') ?? parts.issue;
  if (issue === undefined) gaps.push({ key: 'issue', reason: 'the issue number, as `issue: "YYYY/N"`' });
  if (parts.date === undefined) {
    const created = /^(\d{4}-\d{2}-\d{2})/.exec(properties.created ?? '')?.[1];
    gaps.push({
      key: 'date',
      reason: `the publication date, as \`date: YYYY-MM-DD\`${created ? ` (the document was created on ${created})` : ''}`,
    });
  }

  const title = parts.title ?? properties.title;
  if (title !== undefined) values.title = { [lang]: title };
  else gaps.push({ key: 'title', reason: `the title, as \`title: { ${lang}: "…" }\`` });

  const authors: AuthorValue[] =
    parts.authors.length > 0 ? parts.authors : (readNames(properties.creator ?? '', lang) ?? []);
  if (authors.length > 0) {
    values.authors = authors.map((author) => ({ ...author }));
    const first = values.authors[0];
    if (first && parts.authorNote) Object.assign(first, authorNote(parts.authorNote, first, lang));
    if (!parts.authorNote) {
      gaps.push({
        key: 'authors[0].note',
        reason: `the author’s note (“is a researcher at …”), as \`note: { ${lang}: "…" }\`, if the author has one`,
      });
    }
  } else {
    gaps.push({ key: 'authors', reason: 'the authors, as `authors: [{ given: …, family: … }]`' });
  }

  if (parts.reviewers.length > 0) values.reviewers = parts.reviewers;
  else gaps.push({ key: 'reviewers', reason: 'the reviewers, as `reviewers: [{ given: …, family: … }]`, if any' });

  const keywords = (properties.keywords ?? '')
    .split(/[;,]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
  if (keywords.length > 0) values.keywords = { [lang]: keywords };
  else gaps.push({ key: 'keywords', reason: `the keywords, as \`keywords: { ${lang}: [ … ] }\`` });

  // In the order the format lists the keys.
  const ordered: FrontMatterValues = { ...(issue && { issue }), ...(parts.date && { date: parts.date }), ...values };
  return { values: ordered, gaps };
}

/**
 * The note on the title line as the author's note: "Bálint Jurászik (address) is a
 * student…" gives the e-mail address and the note "is a student…".
 */
export function authorNote(note: FootnoteDefinition, author: Person, lang: Lang): Pick<AuthorValue, 'email' | 'note'> {
  let text = toBlockMarkdown(note.children).replace(/\s+/g, ' ').trim();
  for (const name of [writeName(author, lang), writeName(author, lang === 'hu' ? 'en' : 'hu')]) {
    if (text.startsWith(name)) text = text.slice(name.length).trim();
  }
  const email = /^\(<?(?:mailto:)?([^\s()<>]+@[^\s()<>]+?)>?\)\s*/.exec(text);
  const result: Pick<AuthorValue, 'email' | 'note'> = {};
  if (email?.[1]) {
    result.email = email[1];
    text = text.slice(email[0].length).trim();
  }
  if (text !== '') result.note = { [lang]: text };
  return result;
}

/** The front matter as YAML between its `---` lines. */
export function frontMatterText(values: FrontMatterValues): string {
  const document = new Document(values);
  // As the format's examples write them: the issue in quotes, the languages on one line.
  const issue = document.get('issue', true);
  if (isScalar(issue)) issue.type = 'QUOTE_DOUBLE';
  const languages = document.get('languages', true);
  if (isSeq(languages)) languages.flow = true;
  return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
