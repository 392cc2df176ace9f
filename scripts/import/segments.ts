/**
 * The body of a document → the manuscript's segments: one per heading, paragraph,
 * list, table, quote and image, with ids made from the headings; each footnote a
 * segment of its own with a named label, right after the segment that first refers to
 * it; images named after their segment for `assets/`.
 */
import type { FootnoteDefinition, Image, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { DocxImage } from './read-docx.js';
import type { ImportRuleId } from './rules.js';
import { IdMaker, noteLabel, sectionKey } from './segment-ids.js';
import { toBlockMarkdown } from './markdown.js';

/** What a segment is, for ids and for aligning a translation to it. */
export type SegmentKind = 'heading' | 'paragraph' | 'list' | 'table' | 'quote' | 'figure' | 'footnote' | 'block';

/** One segment of the new manuscript. */
export interface ImportedSegment {
  id: string;
  kind: SegmentKind;
  nodes: RootContent[];
  markdown: string;
  /** Problems to report at the segment, once its place in the manuscript is known. */
  problems: Array<{ ruleId: ImportRuleId; reason: string }>;
}

/** An image for the issue's `assets/` folder. */
export interface ImportedAsset {
  /** The path the manuscript uses (`assets/s2-formation-figure1.png`). */
  path: string;
  bytes: Buffer;
}

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

/** The kind of a block, and the short name its id uses (`p`, `list`…). */
export function kindOf(node: RootContent): { kind: SegmentKind; short: string } {
  if (node.type === 'heading') return { kind: 'heading', short: 'heading' };
  if (node.type === 'list') return { kind: 'list', short: 'list' };
  if (node.type === 'table') return { kind: 'table', short: 'table' };
  if (node.type === 'blockquote') return { kind: 'quote', short: 'quote' };
  if (node.type === 'footnoteDefinition') return { kind: 'footnote', short: 'fn' };
  if (node.type === 'paragraph') {
    const visible = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    return visible.length > 0 && visible.every((child) => child.type === 'image')
      ? { kind: 'figure', short: 'figure' }
      : { kind: 'paragraph', short: 'p' };
  }
  return { kind: 'block', short: 'block' };
}

/**
 * Make the segments of `body` and its notes.
 *
 * @param images the document's images by their key (the `src` mammoth gave them).
 * @returns the segments in manuscript order and the images to copy.
 */
export function makeSegments(
  body: RootContent[],
  notes: Map<string, FootnoteDefinition>,
  images: readonly DocxImage[],
): { segments: ImportedSegment[]; assets: ImportedAsset[] } {
  const ids = new IdMaker();
  const labels = new IdMaker();
  const segments: ImportedSegment[] = [];
  const assets: ImportedAsset[] = [];
  const placed = new Set<string>();
  let section: { key: string; number: string | undefined } | undefined;
  const counts = new Map<string, number>();
  const pending: ImportedSegment['problems'] = [];

  for (const node of body) {
    const { kind, short } = kindOf(node);
    let id: string;
    if (node.type === 'heading') {
      section = sectionKey(toString(node), section?.number?.replace(/[a-z]$/, ''));
      counts.clear();
      id = ids.take(section.key);
    } else {
      const count = (counts.get(short) ?? 0) + 1;
      counts.set(short, count);
      id = ids.take(`${section?.key ?? 'opening'}-${short}${count}`);
    }
    const segment: ImportedSegment = { id, kind, nodes: [node], markdown: '', problems: [] };
    placeImages(segment, images, assets);
    if (isEmpty(node)) {
      // Nothing left of it (an image no edition can show, alone in its paragraph): no
      // segment, and its warnings go with the block before it, or the next one.
      const neighbour = segments[segments.length - 1];
      if (neighbour) neighbour.problems.push(...segment.problems);
      else pending.push(...segment.problems);
      ids.release(id);
      if (node.type !== 'heading') counts.set(short, (counts.get(short) ?? 1) - 1);
      continue;
    }
    segment.problems.unshift(...pending.splice(0));
    segments.push(segment);
    // The notes this block refers to for the first time, each a segment after it.
    for (const reference of references(node)) {
      const note = notes.get(reference);
      if (note === undefined || placed.has(reference)) continue;
      placed.add(reference);
      const label = labels.take(noteLabel(toString(note)));
      note.identifier = label;
      note.label = label;
      segments.push({ id: ids.take(`fn-${label}`), kind: 'footnote', nodes: [note], markdown: '', problems: [] });
    }
  }
  // References take the labels of their notes.
  const labelOf = new Map([...notes].map(([key, note]) => [key, note.identifier]));
  for (const segment of segments) {
    for (const node of segment.nodes) {
      visit(node, 'footnoteReference', (reference) => {
        const label = labelOf.get(reference.identifier) ?? reference.identifier;
        reference.identifier = label;
        reference.label = label;
      });
    }
    segment.markdown = toBlockMarkdown(segment.nodes);
  }
  const unused = [...notes.keys()].filter((key) => !placed.has(key));
  if (unused.length > 0 && segments[0]) {
    segments[0].problems.push({
      ruleId: 'import-dropped',
      reason: `${unused.length} note${unused.length === 1 ? '' : 's'} of the document that the text never refers to left out`,
    });
  }
  return { segments, assets };
}

/** Whether a block holds nothing a reader would see: no text, no image. */
function isEmpty(node: RootContent): boolean {
  let image = false;
  visit(node, 'image', () => {
    image = true;
  });
  return !image && toString(node).trim() === '';
}

/** The note ids a block refers to, in order. */
function references(node: RootContent): string[] {
  const found: string[] = [];
  visit(node, 'footnoteReference', (reference) => {
    found.push(reference.identifier);
  });
  return found;
}

/** Give each image of the segment its file under `assets/`; leave out those no edition can show. */
function placeImages(segment: ImportedSegment, images: readonly DocxImage[], assets: ImportedAsset[]): void {
  let count = 0;
  const drop: Image[] = [];
  for (const node of segment.nodes) {
    visit(node, 'image', (image) => {
      const source = images.find((candidate) => candidate.key === image.url);
      const extension = source ? extensions[source.contentType] : undefined;
      if (source === undefined || extension === undefined) {
        segment.problems.push({
          ruleId: 'import-image-type',
          reason: `Unexpected image of type \`${source?.contentType ?? 'unknown'}\`, expected PNG, JPEG, GIF or SVG: left out; save it as PNG and add it to assets/`,
        });
        drop.push(image);
        return;
      }
      count += 1;
      const path = `assets/${segment.id}${count > 1 ? `-${count}` : ''}.${extension}`;
      image.url = path;
      assets.push({ path, bytes: source.bytes });
      if (image.alt === null || image.alt === undefined || image.alt.trim() === '') {
        segment.problems.push({
          ruleId: 'import-image-alt',
          reason: `Missing alternative text for \`${path}\`, expected a description of the image: write it between the brackets of \`![…](${path})\``,
        });
      }
    });
  }
  for (const node of segment.nodes) {
    visit(node, 'paragraph', (paragraph) => {
      paragraph.children = paragraph.children.filter((child) => !drop.includes(child as Image));
    });
  }
}
