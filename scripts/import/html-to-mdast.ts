/**
 * mammoth's HTML of a Word file → an mdast tree, with the unified tools made for it:
 * rehype-parse reads the HTML, two plugins of this stage make Word's notes and text
 * plain (`rehype-word-notes.ts`, `rehype-word-text.ts`), and rehype-remark
 * (hast-util-to-mdast) makes Markdown's tree, with handlers for the notes. Footnotes
 * become `footnoteDefinition` nodes at the end of the tree, identified by mammoth's
 * note id until they are named.
 */
import type { Element, Root as HastRoot } from 'hast';
import { defaultHandlers } from 'hast-util-to-mdast';
import type { State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, FootnoteReference, Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { rehypeWordNotes } from './rehype-word-notes.js';
import { rehypeWordText } from './rehype-word-text.js';

/** What the HTML says beside its tree, for the import's messages. */
export interface HtmlFindings {
  droppedLinks: Array<{ text: string; href: string }>;
  /** Tables without a header row (their first row becomes one), by their first cell's text. */
  headerlessTables: string[];
  /** Tables with merged cells, which Markdown's tables cannot hold (they are split). */
  mergedCellTables: string[];
}

const handlers = {
  a(state: State, node: Element): Nodes | Nodes[] | undefined {
    const note = node.properties.dataNoteRef;
    if (typeof note === 'string') {
      const reference: FootnoteReference = { type: 'footnoteReference', identifier: note, label: note };
      state.patch(node, reference);
      return reference;
    }
    return defaultHandlers.a(state, node);
  },
  section(state: State, node: Element): Nodes | Nodes[] | undefined {
    const note = node.properties.dataNote;
    if (typeof note !== 'string') return state.toFlow(state.all(node));
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: note,
      label: note,
      children: state.toFlow(state.all(node)),
    };
    state.patch(node, definition);
    return definition;
  },
};

/**
 * The mdast tree of mammoth's `html`, and what it found that the import reports.
 *
 * @param html the body and notes as mammoth wrote them.
 */
export async function htmlToMdast(html: string): Promise<{ tree: Root; findings: HtmlFindings }> {
  const file = new VFile(html);
  const parser = unified().use(rehypeParse, { fragment: true });
  const hast = parser.parse(file);
  const tables = inspectTables(hast);
  const processor = unified().use(rehypeWordNotes).use(rehypeWordText).use(rehypeRemark, { handlers, newlines: false });
  const tree = await processor.run(hast, file);
  trimNotes(tree);
  tightLists(tree);
  return { tree, findings: { droppedLinks: file.data.droppedLinks ?? [], ...tables } };
}

/** Tables Markdown cannot hold as they are. */
function inspectTables(tree: HastRoot): Pick<HtmlFindings, 'headerlessTables' | 'mergedCellTables'> {
  const headerlessTables: string[] = [];
  const mergedCellTables: string[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'table') return;
    const cells: Element[] = [];
    visit(node, 'element', (child) => {
      if (child.tagName === 'td' || child.tagName === 'th') cells.push(child);
    });
    const first = cells[0];
    const label = first ? textOf(first).slice(0, 40) : '';
    if (!cells.some((cell) => cell.tagName === 'th')) headerlessTables.push(label);
    if (cells.some((cell) => Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1)) {
      mergedCellTables.push(label);
    }
  });
  return { headerlessTables, mergedCellTables };
}

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child) => {
    text += child.value;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** Word starts a note's text with a space after its number; the manuscript does not. */
function trimNotes(tree: Root): void {
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const first = node.children[0];
    const text = first?.type === 'paragraph' ? first.children[0] : undefined;
    if (text?.type === 'text') text.value = text.value.replace(/^\s+/, '');
  }
}

/** Word has no loose lists: an item with one paragraph (and maybe a list under it) is tight. */
function tightLists(tree: Root): void {
  visit(tree, 'list', (list) => {
    const tight = list.children.every((item) => item.children.filter((child) => child.type !== 'list').length <= 1);
    if (!tight) return;
    list.spread = false;
    for (const item of list.children) item.spread = false;
  });
}
