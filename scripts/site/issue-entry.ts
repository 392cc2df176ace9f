/**
 * What the pages that list issues (the homes, the authors, the feeds, the sitemap)
 * need of one issue, taken from its editions once and kept in the site's record: an
 * issue that did not change is listed without being read again.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang, Person } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';

/** A file offered for download on the issue's pages. */
export interface DownloadEntry {
  format: 'pdf' | 'epub';
  lang: Lang;
  /** The file's name under `downloads/<slug>/`. */
  name: string;
  bytes: number;
  /** Given for a released file (from its manifest). */
  sha256?: string | undefined;
}

/**
 * Where an issue's PDF and EPUB come from: its release, an up-to-date build of it (a
 * draft), or nowhere yet.
 */
export type DownloadsState = 'released' | 'draft' | 'not-built';

/** One language's edition as the listings show it. */
export interface EditionEntry {
  title: string;
  subtitle: string | undefined;
  /** The authors' names in the language's order. */
  authors: string[];
  /** The executive summary's text, or the first paragraph's, shortened (`summaryWords`). */
  summary: string;
  keywords: string[];
  doi: string | undefined;
}

/** An issue as the site lists it. */
export interface IssueEntry {
  slug: string;
  /** `2026/3`. */
  issue: string;
  /** ISO date. */
  date: string;
  /** Languages in manuscript order; the first is the source. */
  languages: Lang[];
  /** The authors as people, for the index of authors. */
  people: Person[];
  editions: Record<Lang, EditionEntry>;
  downloads: DownloadsState;
  files: DownloadEntry[];
}

/** How many words of the summary a listing shows. */
export const summaryWords = 60;

/** The entry of `issue`, from its `editions`, with its downloads. */
export function issueEntry(
  issue: ValidatedIssue,
  editions: readonly Edition[],
  downloads: { state: DownloadsState; files: DownloadEntry[] },
): IssueEntry {
  return {
    slug: issue.location.slug,
    issue: issue.frontMatter.issue,
    date: issue.frontMatter.date,
    languages: [...issue.languages],
    people: issue.frontMatter.authors.map(({ given, family }) => ({ given, family })),
    editions: Object.fromEntries(
      editions.map((edition) => [
        edition.lang,
        {
          title: edition.title,
          subtitle: edition.subtitle,
          authors: edition.authors.map((author) => author.name),
          summary: summaryOf(edition),
          keywords: edition.keywords,
          doi: issue.frontMatter.doi?.[edition.lang],
        },
      ]),
    ),
    downloads: downloads.state,
    files: downloads.files,
  };
}

/**
 * The text of the edition's executive summary (the segment of class `summary`, without
 * its heading), or else of its first paragraph; at most `summaryWords` words.
 */
function summaryOf(edition: Edition): string {
  const summary = edition.segments.find((segment) => segment.classes.includes('summary'));
  const parts = summary
    ? summary.children.filter((node) => node.type !== 'heading')
    : edition.segments
        .flatMap((segment) => segment.children)
        .filter((node) => node.type === 'paragraph')
        .slice(0, 1);
  const words = parts
    .flatMap(paragraphs)
    .map((node) => toString(node, { includeImageAlt: false }))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > summaryWords ? `${words.slice(0, summaryWords).join(' ')}…` : words.join(' ');
}

/** Issues newest first: by date, then by issue number, then by slug. */
export function newestFirst(a: IssueEntry, b: IssueEntry): number {
  const [aYear = 0, aNumber = 0] = a.issue.split('/').map(Number);
  const [bYear = 0, bNumber = 0] = b.issue.split('/').map(Number);
  return (
    b.date.localeCompare(a.date) ||
    bYear - aYear ||
    bNumber - aNumber ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** The paragraphs in `node` (a list's items' included), each once. */
function paragraphs(node: RootContent): RootContent[] {
  const found: RootContent[] = [];
  visit({ type: 'root', children: [node] }, 'paragraph', (paragraph) => {
    found.push(paragraph);
    return 'skip';
  });
  return found;
}
