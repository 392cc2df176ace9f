/**
 * The words the import looks for in a document of one language: the series' name and
 * editors (from `series.yaml`), and the labels the editions print (from
 * `templates/locales/<lang>.json`: "Published", "Editors", "Professional Reviewer", the
 * months), so a document made from an edition, or written like one, is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Lang } from '../manuscript/schema.js';
import { localesDir } from '../project.js';
import { writeName } from './people.js';

export interface ImportLabels {
  seriesName: string;
  /** Titles an editors page may have: the series' name, "About the series". */
  editorsPageTitles: string[];
  editors: string;
  /** The series' editors, written in the language's order. */
  editorNames: string[];
  reviewers: string[];
  /** "Published " before a date. */
  published: RegExp;
  /** "by " before the authors. */
  byline: RegExp;
  months: string[];
}

interface LocaleFile {
  published: string;
  editors: string;
  editorsPage: string;
  professionalReviewer_one: string;
  professionalReviewer_other: string;
  typography: { months: string[] };
}

interface SeriesFile {
  name?: Record<string, string>;
  editors?: Array<{ given: string; family: string }>;
}

/**
 * The labels of `lang`, with the series file at `seriesPath` (an unreadable series
 * file gives no series name: nothing is then recognised as the series').
 */
export function importLabels(lang: Lang, seriesPath: string): ImportLabels {
  const locale = JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as LocaleFile;
  let series: SeriesFile;
  try {
    series = (parse(readFileSync(seriesPath, 'utf8')) as SeriesFile | null) ?? {};
  } catch {
    series = {};
  }
  const seriesName = series.name?.[lang] ?? '\u0000';
  const before = (label: string) => new RegExp(`^${escape(label.replace('{{date}}', '')).trim()}\\s*`, 'u');
  return {
    seriesName,
    editorsPageTitles: [seriesName, locale.editorsPage],
    editors: locale.editors,
    editorNames: (series.editors ?? []).map((person) => writeName(person, lang)),
    reviewers: [locale.professionalReviewer_other, locale.professionalReviewer_one],
    published: before(locale.published),
    byline: lang === 'hu' ? /^Írta:?\s*/u : /^by\s+/iu,
    months: locale.typography.months,
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
