/**
 * remark plugin: check the footnotes of every language against the format.
 *
 * Runs after `remarkSegments`. Per language: every reference has a definition, every
 * definition is referenced, no label is defined twice, a definition is a segment of its
 * own, notes do not nest; per segment: every language references the same labels.
 */
import type { FootnoteDefinition, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from './rules.js';
import type { Lang } from './schema.js';
import type { LanguageBlock, Segment } from './types.js';

/** A footnote reference found in a block: a parsed one or literal `[^label]` text. */
interface Reference {
  label: string;
  place: Point | undefined;
}

export const remarkFootnoteRules: Plugin<[], Root> = function () {
  return function (_tree: Root, file: VFile) {
    const segments = file.data.segments ?? [];
    const languages = file.data.languages ?? [];
    const source = languages[0];
    const place = location(file);
    const text = String(file.value);

    const referencedInSource = new Set<string>();
    const referencesByBlock = new Map<LanguageBlock, Reference[]>();
    for (const segment of segments) {
      for (const block of Object.values(segment.blocks)) {
        if (!block) continue;
        const references = collectReferences(block, file, (offset) => place.toPoint(offset), text);
        referencesByBlock.set(block, references);
        if (block.lang === source) for (const reference of references) referencedInSource.add(reference.label);
      }
    }

    for (const lang of languages) {
      const definitions = new Map<string, FootnoteDefinition>();
      const referenced = new Set<string>();
      for (const segment of segments) {
        const block = segment.blocks[lang];
        if (!block) continue;
        for (const definition of definitionsIn(block)) {
          const first = definitions.get(definition.identifier);
          if (first) {
            report(file, 'duplicate-footnote', `Unexpected second definition of \`[^${definition.label ?? definition.identifier}]\` in \`${lang}\`, expected one`, definition.position?.start, {
              reason: 'First defined here',
              place: first.position?.start,
            });
          } else {
            definitions.set(definition.identifier, definition);
          }
          if (block.children.length > 1) {
            report(file, 'footnote-segment', `Unexpected content beside the definition of \`[^${definition.label ?? definition.identifier}]\`, expected the definition alone in its segment`, definition.position?.start);
          }
        }
        for (const reference of referencesByBlock.get(block) ?? []) referenced.add(reference.label);
      }

      for (const segment of segments) {
        const block = segment.blocks[lang];
        for (const reference of (block && referencesByBlock.get(block)) ?? []) {
          if (!definitions.has(reference.label)) {
            report(file, 'undefined-footnote', `Missing definition of footnote \`[^${reference.label}]\` in \`${lang}\``, reference.place);
          }
        }
      }
      for (const [label, definition] of definitions) {
        // A note whose referring paragraph is not translated yet is not unused: that
        // paragraph is reported as missing.
        if (!referenced.has(label) && !referencedInSource.has(label)) {
          report(file, 'unused-footnote', `Unused footnote \`[^${definition.label ?? label}]\` in \`${lang}\`, expected a reference to it`, definition.position?.start);
        }
      }
    }

    for (const segment of segments) checkSameReferences(segment, languages, referencesByBlock, file);
  };
};

/** Every translation of a segment references the labels of its source block. */
function checkSameReferences(
  segment: Segment,
  languages: readonly Lang[],
  referencesByBlock: Map<LanguageBlock, Reference[]>,
  file: VFile,
): void {
  const [source, ...targets] = languages;
  const sourceBlock = source === undefined ? undefined : segment.blocks[source];
  if (!sourceBlock) return;
  const expected = labelsOf(referencesByBlock.get(sourceBlock));
  for (const lang of targets) {
    const block = segment.blocks[lang];
    if (!block) continue;
    const actual = labelsOf(referencesByBlock.get(block));
    const missing = [...expected].filter((label) => !actual.has(label));
    const extra = [...actual].filter((label) => !expected.has(label));
    if (missing.length === 0 && extra.length === 0) continue;
    const parts = [
      missing.length > 0 ? `missing ${missing.map((label) => `\`[^${label}]\``).join(', ')}` : '',
      extra.length > 0 ? `unexpected ${extra.map((label) => `\`[^${label}]\``).join(', ')}` : '',
    ].filter(Boolean);
    report(
      file,
      'footnote-mismatch',
      `Unexpected footnote references in \`:::${lang}{#${segment.id}}\` (${parts.join('; ')}), expected those of the \`${source}\` block`,
      block.node.position?.start,
    );
  }
}

function labelsOf(references: readonly Reference[] | undefined): Set<string> {
  return new Set((references ?? []).map((reference) => reference.label));
}

function definitionsIn(block: LanguageBlock): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = [];
  visit({ type: 'root', children: block.children } as Root, 'footnoteDefinition', (node) => {
    found.push(node);
  });
  return found;
}

/**
 * The references of a block in reading order, references inside a note reported as
 * nested. GFM leaves `[^label]` as plain text when no definition exists anywhere in
 * the file; such text is found here too.
 */
function collectReferences(
  block: LanguageBlock,
  file: VFile,
  toPoint: (offset: number) => Point | undefined,
  source: string,
): Reference[] {
  const references: Reference[] = [];
  const root = { type: 'root', children: block.children } as Root;
  visitParents(root, (node, ancestors) => {
    if (node.type === 'footnoteReference') {
      if (ancestors.some((ancestor) => ancestor.type === 'footnoteDefinition')) {
        report(file, 'nested-footnote', `Unexpected footnote reference \`[^${node.label ?? node.identifier}]\` inside a footnote, expected notes without notes`, node.position?.start);
      }
      references.push({ label: node.identifier, place: node.position?.start });
    } else if (node.type === 'text') {
      references.push(...literalReferences(node, toPoint, source));
    }
  });
  return references;
}

const literalPattern = /(?<!\\)\[\^([^\]\s]+)\]/g;

/** `[^label]` left as text, found in the source of a text node (escapes respected). */
function literalReferences(node: Text, toPoint: (offset: number) => Point | undefined, source: string): Reference[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !node.value.includes('[^')) return [];
  const found: Reference[] = [];
  for (const match of source.slice(start, end).matchAll(literalPattern)) {
    const label = (match[1] ?? '').toLowerCase();
    found.push({ label, place: toPoint(start + (match.index ?? 0)) });
  }
  return found;
}
