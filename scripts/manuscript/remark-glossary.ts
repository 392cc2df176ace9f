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
import type { LanguageBlock } from './types.js';

export interface GlossaryOptions {
  /** The series glossary; none, nothing to check. */
  glossary?: Glossary | undefined;
}

export const remarkGlossary: Plugin<[GlossaryOptions?], Root> = function (options = {}) {
  return function (_tree: Root, file: VFile) {
    const glossary = options.glossary;
    const segments = file.data.segments ?? [];
    const [source, ...targets] = file.data.languages ?? [];
    if (!glossary || glossary.entries.length === 0 || source === undefined) return;
    const place = location(file);
    for (const segment of segments) {
      const from = segment.blocks[source];
      if (!from) continue;
      const sourceText = blockText(from);
      const used = glossary.entries.filter((entry) => findForms(sourceText, entry.forms[source] ?? [], source).length > 0);
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
            report(
              file,
              'glossary-term',
              `Missing ${quoted(wanted)} for \`${entry.forms[source]?.[0] ?? ''}\` in the \`${lang}\` block of \`#${segment.id}\`, expected the glossary’s term${note(entry)}`,
              to.node.position?.start,
              cause(glossary, entry),
            );
          }
        }
        for (const entry of glossary.entries) {
          const avoid = entry.avoid[lang] ?? [];
          if (avoid.length === 0) continue;
          for (const { node, match } of textMatches(to, avoid, lang)) {
            const offset = (node.position?.start.offset ?? 0) + match.start;
            report(
              file,
              'glossary-avoid',
              `Unexpected \`${match.text}\` in \`${lang}\`, expected ${quoted(entry.forms[lang] ?? [])}: the glossary avoids it for \`${entry.forms[source]?.[0] ?? ''}\``,
              place.toPoint(offset),
              cause(glossary, entry),
            );
          }
        }
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
