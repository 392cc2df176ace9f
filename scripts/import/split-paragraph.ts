/**
 * Divide a paragraph a translator merged from two of the source's back into two, at
 * the end of a sentence: the one that gives the first part the footnote references of
 * the first segment and, among those, the share of the text nearest to the first
 * segment's share of the source.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

// The end of a sentence: a full stop, question or exclamation mark (and a closing
// quote or bracket), white space, then what starts a sentence.
const sentenceEnd = /[.!?…][”’"»)]*\s+(?=[\p{Lu}\p{N}„“"«(])/gu;

/**
 * @param share the first segment's share of the two segments' source text (0–1).
 * @param references how many footnote references the first segment has.
 * @returns the two paragraphs, or undefined when no sentence end can divide it.
 */
export function splitParagraph(
  paragraph: Paragraph,
  share: number,
  references: number,
): [Paragraph, Paragraph] | undefined {
  const total = toString(paragraph).length;
  let best: { child: number; offset: number; score: number } | undefined;
  let before = 0;
  let referencesBefore = 0;
  paragraph.children.forEach((child, index) => {
    if (child.type === 'footnoteReference') referencesBefore += 1;
    if (child.type !== 'text') {
      before += toString(child).length;
      return;
    }
    const candidates = [...child.value.matchAll(sentenceEnd)].map((match) => (match.index ?? 0) + match[0].length);
    // "…in 1949.[^a] A turning point": the sentence ended before the reference.
    const previous = paragraph.children[index - 1];
    const lead = /^\s+(?=[\p{Lu}\p{N}„“"«(])/u.exec(child.value);
    if (lead && previous?.type === 'footnoteReference' && /[.!?…][”’"»)]*$/u.test(textBefore(paragraph, index - 1))) {
      candidates.unshift(lead[0].length);
    }
    for (const offset of candidates) {
      const score = Math.abs((before + offset) / total - share) + (referencesBefore === references ? 0 : 10);
      if (best === undefined || score < best.score) best = { child: index, offset, score };
    }
    before += child.value.length;
  });
  if (best === undefined || best.score >= 10) return undefined;
  const { child, offset } = best;
  const text = paragraph.children[child] as { type: 'text'; value: string };
  const first: PhrasingContent[] = [
    ...paragraph.children.slice(0, child),
    { type: 'text', value: text.value.slice(0, offset).trimEnd() },
  ];
  const second: PhrasingContent[] = [
    { type: 'text', value: text.value.slice(offset) },
    ...paragraph.children.slice(child + 1),
  ];
  return [
    { type: 'paragraph', children: first.filter((node) => node.type !== 'text' || node.value !== '') },
    { type: 'paragraph', children: second.filter((node) => node.type !== 'text' || node.value !== '') },
  ];
}

/** The text of the children before `index`. */
function textBefore(paragraph: Paragraph, index: number): string {
  return paragraph.children
    .slice(0, index)
    .map((child) => toString(child))
    .join('');
}
