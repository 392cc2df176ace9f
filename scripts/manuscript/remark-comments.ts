/**
 * remark plugin: take HTML comments out of the tree and keep the text around them.
 *
 * CommonMark reads a line that starts with `<!--` as an HTML block up to the line that
 * closes the comment, whatever follows the comment on that line. So in
 * `<!-- TODO --> The alliance spent 3.5% on testing. <!-- source -->` the sentence is
 * part of an "HTML" node: removing the node as a comment would lose it, and keeping it
 * would make it raw HTML. This plugin removes every comment and reads what is left of
 * such a node as the Markdown it is, joined to the paragraph it continues or that
 * continues it, with its positions in the file.
 *
 * An HTML node that holds anything else than comments and text is left as it is: it is
 * raw HTML, which `remark-segments` reports.
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/** One HTML comment, however long, closed at its first `-->`. */
const commentPattern = /<!--[\s\S]*?-->/g;
/** What makes text HTML: a tag, a declaration, a processing instruction or an unclosed comment. */
const markupPattern = /<[A-Za-z/!?]/;

export const remarkComments: Plugin<[], Root> = function () {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the processor parses the text between comments
  const processor = this;
  return function (tree: Root, file: VFile) {
    const place = location(file);
    // Walked for only when text between comments must be read: most files have none.
    let labels: ReturnType<typeof definedLabels> | undefined;
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const rest = node.value.replace(commentPattern, (comment) => comment.replace(/[^\n]/g, ' '));
      if (rest === node.value) return undefined; // no comment: raw HTML, reported later
      if (rest.trim() === '') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (markupPattern.test(rest)) return undefined;
      const start = node.position?.start.offset;
      if (start === undefined || (parent.type !== 'root' && !isFlowParent(parent))) {
        // Inline HTML is one tag or one comment; this cannot happen, but say nothing wrong.
        return undefined;
      }
      const leading = rest.length - rest.trimStart().length;
      const text = rest.slice(leading).trimEnd();
      const parsed = parseFragment(text, (labels ??= definedLabels(tree)), (source) => processor.parse(source) as Root);
      shiftPositions(parsed, start + leading, place);
      const replaced = joinParagraphs(parent, index, parsed);
      return [SKIP, replaced];
    });
  };
};

/** Block containers whose children are flow content. */
function isFlowParent(parent: Parent): boolean {
  return ['blockquote', 'listItem', 'footnoteDefinition', 'containerDirective'].includes(parent.type);
}

/** The labels defined in the document, so a fragment reads `[^label]` and `[text][label]` as the whole file does. */
function definedLabels(tree: Root): { footnotes: string[]; links: string[] } {
  const footnotes: string[] = [];
  const links: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') footnotes.push(node.label ?? node.identifier);
    if (node.type === 'definition') links.push(node.label ?? node.identifier);
  });
  return { footnotes, links };
}

/** Parse `text` alone, with placeholder definitions of the document's labels, which are then dropped. */
function parseFragment(
  text: string,
  labels: { footnotes: string[]; links: string[] },
  parse: (source: string) => Root,
): RootContent[] {
  const placeholders = [
    ...labels.footnotes.filter((label) => text.includes(`[^${label}]`)).map((label) => `[^${label}]: -`),
    ...labels.links.filter((label) => text.includes(`[${label}]`)).map((label) => `[${label}]: #`),
  ];
  const tree = parse(placeholders.length > 0 ? `${text}\n\n${placeholders.join('\n\n')}\n` : text);
  return tree.children.filter((child) => (child.position?.start.offset ?? 0) < text.length);
}

/** Move the positions of nodes parsed from a fragment to where the fragment is in the file. */
function shiftPositions(nodes: RootContent[], base: number, place: ReturnType<typeof location>): void {
  for (const child of nodes) {
    visit(child as Node, (node) => {
      const position = node.position;
      if (!position) return;
      for (const point of [position.start, position.end]) {
        const offset = (point.offset ?? 0) + base;
        const moved = place.toPoint(offset);
        if (moved) Object.assign(point, moved);
      }
    });
  }
}

/**
 * Put `nodes` where the HTML node at `index` was; a paragraph that continues the one
 * before it (or is continued by the one after it) on the next line becomes one
 * paragraph with it, as if the comment had never been there.
 *
 * @returns the index to continue the walk at.
 */
function joinParagraphs(parent: Parent, index: number, nodes: RootContent[]): number {
  const siblings = parent.children;
  const html = siblings[index];
  const only = nodes.length === 1 && nodes[0]?.type === 'paragraph' ? nodes[0] : undefined;
  if (!only || !html?.position) {
    siblings.splice(index, 1, ...nodes);
    return index + nodes.length;
  }
  let from = index;
  let paragraph: Paragraph = only;
  const before = siblings[index - 1];
  if (before?.type === 'paragraph' && adjacent(before, html)) {
    paragraph = joined(before, paragraph);
    from = index - 1;
  }
  const after = siblings[index + 1];
  const count = index + 1 - from + (after?.type === 'paragraph' && adjacent(html, after) ? 1 : 0);
  if (after?.type === 'paragraph' && adjacent(html, after)) paragraph = joined(paragraph, after);
  siblings.splice(from, count, paragraph);
  return from + 1;
}

function adjacent(first: Node, second: Node): boolean {
  const end = first.position?.end.line;
  const start = second.position?.start.line;
  return end !== undefined && start !== undefined && start === end + 1;
}

/** Two paragraphs on consecutive lines as one, with the line break between them. */
function joined(first: Paragraph, second: Paragraph): Paragraph {
  const position =
    first.position && second.position ? { start: first.position.start, end: second.position.end } : first.position;
  return { type: 'paragraph', children: [...first.children, { type: 'text', value: '\n' }, ...second.children], position };
}
