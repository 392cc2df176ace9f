/**
 * The series glossary, `glossary.yaml` beside `series.yaml`: read and checked like the
 * front matter (every problem a message with its line and column), into entries whose
 * forms the translation checks look for (`remark-glossary.ts`, `term-match.ts`).
 */
import path from 'node:path';
import { isSeq } from 'yaml';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { IssueLocation } from './locate-issue.js';
import { report } from './rules.js';
import { glossarySchema } from './schema.js';
import type { Lang } from './schema.js';
import { glossaryFileName } from './source-digests.js';
import { checkYaml, parseYaml } from './yaml-values.js';

/** One settled term: its forms per language, the forms to avoid, a note, and where it is written. */
export interface GlossaryEntry {
  forms: Record<Lang, string[]>;
  avoid: Record<Lang, string[]>;
  note: string | undefined;
  /** The entry's place in the glossary file. */
  place: Point;
}

/** A checked glossary and how messages name its file. */
export interface Glossary {
  path: string;
  entries: GlossaryEntry[];
}

/** The series glossary of the issue at `location`: beside its `series.yaml`. */
export function glossaryPath(location: IssueLocation): string {
  return path.join(path.dirname(location.series), glossaryFileName);
}

/**
 * Check the glossary's text into `file` (whose path names it).
 *
 * @param languages the languages every entry must give a form in.
 * @returns the glossary, or `undefined` when it has errors (each one a message on `file`).
 */
export function readGlossary(file: VFile, text: string, languages: readonly Lang[]): Glossary | undefined {
  const parsed = parseYaml(file, text, { line: 1 });
  if (!parsed) return undefined;
  const value = checkYaml(file, { ...parsed, value: parsed.value ?? [] }, glossarySchema(languages), languages);
  if (!value) return undefined;
  const items = isSeq(parsed.document.contents) ? parsed.document.contents.items : [];
  const entries = value.map((raw, index): GlossaryEntry => {
    const entry = raw as Record<string, unknown>;
    const forms = Object.fromEntries(
      languages.map((lang) => {
        const written = entry[lang] as string | string[];
        return [lang, (Array.isArray(written) ? written : [written]).map((form) => form.trim())];
      }),
    );
    const avoid = (entry.avoid ?? {}) as Record<Lang, string[] | undefined>;
    const start = (items[index] as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
    return {
      forms,
      avoid: Object.fromEntries(languages.map((lang) => [lang, avoid[lang] ?? []])),
      note: entry.note as string | undefined,
      place: parsed.toPoint(start),
    };
  });
  // One concept, one entry: a form of the first language given twice is an error.
  const first = languages[0];
  const seen = new Map<string, GlossaryEntry>();
  let duplicated = false;
  for (const entry of entries) {
    for (const form of first ? (entry.forms[first] ?? []) : []) {
      const key = form.toLocaleLowerCase(first).replace(/\s+/g, ' ');
      const earlier = seen.get(key);
      if (earlier) {
        duplicated = true;
        report(file, 'duplicate-term', `Unexpected second entry for \`${form}\`, expected one entry per term`, entry.place, {
          reason: 'First entry here',
          place: earlier.place,
        });
      } else {
        seen.set(key, entry);
      }
    }
  }
  return duplicated ? undefined : { path: file.path, entries };
}
