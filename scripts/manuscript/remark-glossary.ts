/**
 * remark plugin: hold each translation to the series glossary. Where a source block
 * uses a term, its translation should use one of the term's forms in its language
 * (`glossary-term`, at the translation block), and never a form the glossary says to
 * avoid (`glossary-avoid`, at the form). Warnings: the editor decides.
 */
import { toString } from 'mdast-util-to-string';
import type { Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Glossary, GlossaryEntry } from './glossary.js';
import { phraseLanguage, primaryLanguage } from './language-tags.js';
import { report } from './rules.js';
import { findForms } from './term-match.js';
import type { Lang } from './schema.js';
import type { LanguageBlock, Segment } from './types.js';

export interface GlossaryOptions {
  /** The series glossary; none, nothing to check. */
  glossary?: Glossary | undefined;
}

/** Where a translation departs from the glossary. */
export interface Departure {
  entry: GlossaryEntry;
  segment: Segment;
  lang: Lang;
  /** `missing`: none of the term's forms; `avoided`: a form to avoid, `text`, at `offset`. */
  kind: 'missing' | 'avoided';
  text?: string;
  offset?: number;
}

/** What the glossary finds in an issue's segments: where each term is used, and the departures. */
export interface GlossaryFindings {
  /** The segments whose source block uses each entry, by entry. */
  uses: Map<GlossaryEntry, Segment[]>;
  departures: Departure[];
}

/**
 * Hold every translation of `segments` to `glossary`.
 *
 * @param languages the languages, the source first.
 */
export function glossaryFindings(segments: readonly Segment[], languages: readonly Lang[], glossary: Glossary): GlossaryFindings {
  const [source, ...targets] = languages;
  const uses = new Map<GlossaryEntry, Segment[]>(glossary.entries.map((entry) => [entry, []]));
  const departures: Departure[] = [];
  if (source === undefined) return { uses, departures };
  for (const segment of segments) {
    const from = segment.blocks[source];
    if (!from) continue;
    const sourceText = blockText(from);
    const used = glossary.entries.filter((entry) => findForms(sourceText, entry.forms[source] ?? [], source).length > 0);
    for (const entry of used) uses.get(entry)?.push(segment);
    for (const lang of targets) {
      const to = segment.blocks[lang];
      if (!to) continue;
      const text = blockText(to);
      // A source form the translation keeps as a phrase of the source language (the
      // English title of a work cited in a Hungarian note) is quoted, not translated.
      const quotedText = phraseText(to, source);
      for (const entry of used) {
        const wanted = entry.forms[lang] ?? [];
        const kept = findForms(quotedText, entry.forms[source] ?? [], source).length > 0;
        if (wanted.length > 0 && !kept && findForms(text, wanted, lang).length === 0) {
          departures.push({ entry, segment, lang, kind: 'missing' });
        }
      }
      for (const entry of glossary.entries) {
        const avoid = entry.avoid[lang] ?? [];
        if (avoid.length === 0) continue;
        for (const { node, match } of textMatches(to, avoid, lang)) {
          const offset = (node.position?.start.offset ?? 0) + match.start;
          departures.push({ entry, segment, lang, kind: 'avoided', text: match.text, offset });
        }
      }
    }
  }
  return { uses, departures };
}

export const remarkGlossary: Plugin<[GlossaryOptions?], Root> = function (options = {}) {
  return function (_tree: Root, file: VFile) {
    const glossary = options.glossary;
    const languages = file.data.languages ?? [];
    const source = languages[0];
    if (!glossary || glossary.entries.length === 0 || source === undefined) return;
    const place = location(file);
    for (const departure of glossaryFindings(file.data.segments ?? [], languages, glossary).departures) {
      const { entry, segment, lang } = departure;
      const term = entry.forms[source]?.[0] ?? '';
      const forms = quoted(entry.forms[lang] ?? []);
      if (departure.kind === 'missing') {
        report(
          file,
          'glossary-term',
          `Missing ${forms} for \`${term}\` in the \`${lang}\` block of \`#${segment.id}\`, expected the glossary’s term${note(entry)}`,
          segment.blocks[lang]?.node.position?.start,
          cause(glossary, entry),
        );
      } else {
        report(
          file,
          'glossary-avoid',
          `Unexpected \`${departure.text ?? ''}\` in \`${lang}\`, expected ${forms}: the glossary avoids it for \`${term}\``,
          place.toPoint(departure.offset ?? 0),
          cause(glossary, entry),
        );
      }
    }
  };
};

/** A block's text as a reader sees it, with single spaces. */
function blockText(block: LanguageBlock): string {
  return block.children
    .map((child) => toString(child))
    .join('\n')
    .replace(/\s+/g, ' ');
}

/** The text of a block's phrases in language `lang` (`:en[…]`), one after another. */
function phraseText(block: LanguageBlock, lang: string): string {
  const texts: string[] = [];
  for (const child of block.children) {
    visit(child, 'textDirective', (node: TextDirective) => {
      const tag = phraseLanguage(node);
      if (tag !== undefined && primaryLanguage(tag) === primaryLanguage(lang)) {
        texts.push(toString(node));
      }
    });
  }
  return texts.join(' \n ').replace(/\s+/g, ' ');
}

/** The matches of `forms` in the text nodes of a block, with the node each is in. */
function textMatches(block: LanguageBlock, forms: readonly string[], lang: string) {
  const found: Array<{ node: Text; match: ReturnType<typeof findForms>[number] }> = [];
  for (const child of block.children) {
    visit(child, 'text', (node: Text) => {
      for (const match of findForms(node.value, forms, lang)) found.push({ node, match });
    });
  }
  return found;
}

function quoted(forms: readonly string[]): string {
  return forms.map((form) => `\`${form}\``).join(' or ');
}

function note(entry: GlossaryEntry): string {
  return entry.note ? ` (${entry.note})` : '';
}

function cause(glossary: Glossary, entry: GlossaryEntry) {
  return { reason: `The entry in ${glossary.path}`, place: entry.place };
}
