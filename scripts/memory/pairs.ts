/**
 * The series' translation memory: every confirmed translation of every issue, as a
 * pair of plain texts, and the memories imported from CAT tools (`manuscript/memory/`).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { LanguageBlock } from '../manuscript/types.js';

/** One translation unit: a source text and its translation. */
export interface MemoryPair {
  /** Where it comes from: an issue's slug, or an imported memory's file name. */
  origin: string;
  /** The segment id, for a pair of the series. */
  segment: string | undefined;
  source: { lang: string; text: string };
  target: { lang: string; text: string };
  /** When it was confirmed, as far as the history tells (ISO 8601, UTC). */
  date?: string;
}

/** The folder of imported memories, beside `series.yaml`. */
export const memoryFolderName = 'memory';

/** A block as plain text: what a reader reads, a line per paragraph, heading, list item or table row. */
export function plainText(block: LanguageBlock): string {
  return lines(block.children).join('\n');
}

function lines(nodes: readonly Nodes[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'tableRow') return [node.children.map((cell) => flat(cell)).join(' | ')];
    if ('children' in node && ['list', 'listItem', 'blockquote', 'table', 'footnoteDefinition'].includes(node.type)) {
      return lines(node.children as Nodes[]);
    }
    const text = flat(node);
    return text === '' ? [] : [text];
  });
}

function flat(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** The confirmed pairs of an issue: each segment's source with each confirmed translation. */
export function issuePairs(issue: ValidatedIssue): MemoryPair[] {
  const [source, ...targets] = issue.languages;
  const pairs: MemoryPair[] = [];
  if (source === undefined) return pairs;
  for (const segment of issue.segments) {
    const from = segment.blocks[source];
    if (!from) continue;
    for (const lang of targets) {
      const to = segment.blocks[lang];
      if (!to || segment.states[lang] !== 'confirmed') continue;
      pairs.push({
        origin: issue.location.slug,
        segment: segment.id,
        source: { lang: source, text: plainText(from) },
        target: { lang, text: plainText(to) },
      });
    }
  }
  return pairs;
}

/** The TMX files imported into the series' memory folder, by name, in name order. */
export async function importedMemoryFiles(seriesFolder: string): Promise<string[]> {
  const folder = path.join(seriesFolder, memoryFolderName);
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.tmx'))
    .sort()
    .map((name) => path.join(folder, name));
}
