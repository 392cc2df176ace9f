/**
 * remark plugin: give `:::lang{#id}` blocks their meaning as aligned segments.
 *
 * remark-directive only parses the syntax; this plugin decides what it means: it
 * collects the language blocks of the body, checks every rule of the format that
 * concerns blocks, segments and their attributes, and puts the segments in order on
 * `file.data.segments`. Problems become messages; nothing is thrown.
 */
import type { Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { closingFence } from './fence.js';
import { hyphenationModule, languageTag } from './language-tags.js';
import { report } from './rules.js';
import type { Lang } from './schema.js';
import { isSrcHash, srcHash } from './src-hash.js';
import type { LanguageBlock, Segment, TranslationState } from './types.js';

export interface SegmentsOptions {
  /** How the issue is named in commands, for the hints in messages. */
  slug: string;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const knownAttributes = new Set(['id', 'class', 'src']);

export const remarkSegments: Plugin<[SegmentsOptions], Root> = function (options) {
  return function (tree: Root, file: VFile) {
    const languages = file.data.languages ?? [];
    const lines = String(file.value).split('\n');
    const blocks: LanguageBlock[] = [];
    collectBlocks(tree.children, { file, languages, lines, blocks });
    file.data.segments = groupSegments(blocks, { file, languages, slug: options.slug });
  };
};

interface CollectContext {
  file: VFile;
  languages: readonly Lang[];
  lines: readonly string[];
  blocks: LanguageBlock[];
}

/** Walk the body: language blocks are kept, anything else is reported. */
function collectBlocks(nodes: readonly RootContent[], context: CollectContext): void {
  const { file, languages } = context;
  for (const node of nodes) {
    if (node.type === 'yaml') continue;
    if (node.type !== 'containerDirective') {
      report(
        file,
        'text-outside-block',
        'Unexpected content outside any language block, expected it inside `:::' + (languages[0] ?? 'en') + '{#id}` … `:::`',
        node,
      );
      continue;
    }
    if (!languages.includes(node.name)) {
      report(
        file,
        'unknown-language',
        `Unexpected block \`:::${node.name}\`, expected a language of the issue (${languages.map((lang) => '`' + lang + '`').join(', ')})`,
        node.position?.start,
      );
      continue;
    }
    const closed = isClosed(node, context.lines);
    let children = node.children as RootContent[];
    if (!closed) {
      report(file, 'unclosed-block', `Unclosed \`:::${node.name}\` block, expected a line \`:::\` after its content`, node.position?.start);
      // remark-directive nests everything up to the end of the file in an unclosed
      // block; read the language blocks that follow it as the siblings they were meant
      // to be, so their own problems are still found.
      const firstNested = children.findIndex((child) => child.type === 'containerDirective' && languages.includes(child.name));
      if (firstNested >= 0) {
        const rest = children.slice(firstNested);
        children = children.slice(0, firstNested);
        context.blocks.push(makeBlock(node, children, closed, context));
        collectBlocks(rest, context);
        continue;
      }
    }
    context.blocks.push(makeBlock(node, children, closed, context));
  }
}

/** A container is closed when its last line is a fence that is not its last child's. */
function isClosed(node: ContainerDirective, lines: readonly string[]): boolean {
  const start = node.position?.start.line ?? 0;
  const end = node.position?.end.line ?? 0;
  if (end <= start || !closingFence.test(lines[end - 1] ?? '')) return false;
  const last = node.children[node.children.length - 1];
  return !last || (last.position?.end.line ?? 0) < end;
}

function makeBlock(
  node: ContainerDirective,
  children: RootContent[],
  closed: boolean,
  context: CollectContext,
): LanguageBlock {
  const { file, lines, languages } = context;
  const startLine = node.position?.start.line ?? 1;
  const endLine = node.position?.end.line ?? startLine;
  const fence = lines[startLine - 1] ?? '';
  const attributes = node.attributes ?? {};
  const fencePoint = (pattern: string) => {
    const index = fence.indexOf(pattern);
    return { line: startLine, column: (index >= 0 ? index : 0) + 1 };
  };

  for (const name of Object.keys(attributes)) {
    if (!knownAttributes.has(name)) {
      report(file, 'unknown-attribute', `Unexpected attribute \`${name}\`, expected only \`#id\`, \`.class\` and \`src\``, fencePoint(name));
    }
  }

  const kept: RootContent[] = [];
  for (const child of children) {
    if (child.type === 'paragraph' && child.data && 'directiveLabel' in child.data) {
      report(file, 'unknown-attribute', 'Unexpected `[label]` on a language block, expected only `{#id .class}`', fencePoint('['));
      continue;
    }
    kept.push(child);
  }
  checkContent(kept, { file, languages, source: String(file.value) });

  const id = attributes.id ?? undefined;
  if (id === undefined || id === '') {
    report(file, 'missing-id', `Missing id on \`:::${node.name}\` block, expected \`:::${node.name}{#some-id}\``, node.position?.start);
  } else if (!idPattern.test(id)) {
    report(
      file,
      'invalid-id',
      `Unexpected id \`${id}\`, expected lower-case letters, digits and single \`-\` between them`,
      fencePoint('#'),
    );
  }
  if (kept.length === 0) {
    report(file, 'empty-block', `Unexpected empty \`:::${node.name}\` block, expected its text`, node.position?.start);
  }

  const innerEnd = closed ? endLine - 1 : endLine;
  return {
    lang: node.name,
    id: id || undefined,
    classes: (attributes.class ?? '').split(/\s+/).filter(Boolean),
    src: attributes.src ?? undefined,
    children: kept,
    node,
    fence,
    text: lines.slice(startLine, innerEnd).join('\n'),
  };
}

/**
 * Check what a block holds: no HTML (comments were removed before), no directives but
 * phrases in another language (`:en[…]`; a text directive the author did not mean, such
 * as `Note:this`, is turned back into its text), no nested blocks.
 */
function checkContent(children: RootContent[], context: { file: VFile; languages: readonly Lang[]; source: string }): void {
  const { file, languages, source } = context;
  const root: Root = { type: 'root', children };
  visit(root, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      // Comments are gone (remark-comments): what is left is HTML.
      report(file, 'raw-html', 'Unexpected HTML in a block, expected Markdown (HTML comments are allowed)', node);
      return SKIP;
    }
    if (node.type === 'textDirective') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const value = start !== undefined && end !== undefined ? source.slice(start, end) : ':' + node.name;
      if (checkPhrase(node, { file, value, next: end === undefined ? '' : (source[end] ?? '') })) return undefined;
      // Join the restored text with its neighbours, as if it had never been a directive.
      const before = parent.children[index - 1];
      const after = parent.children[index + 1];
      const from = before?.type === 'text' ? index - 1 : index;
      const joined = [before?.type === 'text' ? before : undefined, { type: 'text' as const, value, position: node.position }, after?.type === 'text' ? after : undefined].filter(
        (part): part is Text => part !== undefined,
      );
      const first = joined[0];
      const last = joined[joined.length - 1];
      parent.children.splice(from, joined.length, {
        type: 'text',
        value: joined.map((part) => part.value).join(''),
        position: first?.position && last?.position ? { start: first.position.start, end: last.position.end } : node.position,
      });
      return [SKIP, from + 1];
    }
    if (node.type === 'containerDirective' && languages.includes(node.name)) {
      report(file, 'nested-block', `Unexpected \`:::${node.name}\` block inside another block, expected blocks one after the other`, node.position?.start);
      return SKIP;
    }
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      report(file, 'unexpected-directive', `Unexpected directive \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` in a block, expected Markdown`, node.position?.start);
      return SKIP;
    }
    return undefined;
  });
}

/**
 * Check a text directive as a phrase in another language.
 *
 * @param value the directive as written.
 * @param next the character after it.
 * @returns true when it stays in the tree (a phrase, or reported), false when it is text
 * the author did not mean as a directive (`Ratio:high`, no `[` after the name).
 */
function checkPhrase(node: TextDirective, context: { file: VFile; value: string; next: string }): boolean {
  const { file, value, next } = context;
  const tag = languageTag(node.name);
  const labelled = value[node.name.length + 1] === '[';
  if (!labelled) {
    // `:en[Title` with no `]`: the label did not parse, and the `[` follows the name.
    if (tag !== undefined && next === '[') {
      report(file, 'unclosed-phrase', `Unclosed phrase \`:${node.name}[\`, expected \`]\` after its text, in the same paragraph`, node.position?.start);
    }
    return false;
  }
  if (tag === undefined) {
    report(
      file,
      'unexpected-directive',
      `Unexpected directive \`:${node.name}[…]\` in a block, expected a phrase in another language named by its language tag, such as \`:en[…]\` (or \`\\:\` for a colon that starts none)`,
      node.position?.start,
    );
    return true;
  }
  for (const name of Object.keys(node.attributes ?? {})) {
    report(file, 'unknown-attribute', `Unexpected attribute \`${name}\` on the phrase \`:${node.name}[…]\`, expected none`, node.position?.start);
  }
  if (toString(node).trim() === '' && !node.children.some((child) => child.type !== 'text')) {
    report(file, 'empty-phrase', `Unexpected empty phrase \`:${node.name}[]\`, expected its text between the brackets`, node.position?.start);
  } else if (hyphenationModule(tag) === undefined) {
    report(
      file,
      'unhyphenated-language',
      `Missing hyphenation patterns for \`${tag}\`: the editions do not hyphenate this phrase, expected a language with patterns such as \`en\`, \`hu\` or \`de\``,
      node.position?.start,
    );
  }
  return true;
}

interface GroupContext {
  file: VFile;
  languages: readonly Lang[];
  slug: string;
}

/** Consecutive blocks with one id form a segment; check each segment's rules. */
function groupSegments(blocks: readonly LanguageBlock[], context: GroupContext): Segment[] {
  const { file, languages } = context;
  const source = languages[0];
  const groups: LanguageBlock[][] = [];
  for (const block of blocks) {
    const current = groups[groups.length - 1];
    if (current && block.id !== undefined && current[0]?.id === block.id) current.push(block);
    else groups.push([block]);
  }

  const segments: Segment[] = [];
  const seen = new Map<string, Segment>();
  for (const group of groups) {
    const id = group[0]?.id;
    if (id === undefined) continue; // already reported as missing-id
    const sourceBlock = group.find((block) => block.lang === source);
    const earlier = seen.get(id);

    if (!sourceBlock) {
      for (const block of group) {
        if (earlier) {
          report(
            file,
            'block-order',
            `Unexpected \`:::${block.lang}{#${id}}\` here, expected it right after its \`:::${source}{#${id}}\` block`,
            block.node.position?.start,
            { reason: 'Source block here', place: earlier.position?.start },
          );
        } else {
          report(file, 'missing-source', `Missing \`:::${source}{#${id}}\` source block before this \`:::${block.lang}\` block`, block.node.position?.start);
        }
      }
      continue;
    }
    if (earlier) {
      report(file, 'duplicate-id', `Unexpected second segment \`#${id}\`, expected unique ids`, sourceBlock.node.position?.start, {
        reason: 'First used here',
        place: earlier.position?.start,
      });
      continue;
    }

    const segment = makeSegment(id, group, sourceBlock, context);
    seen.set(id, segment);
    segments.push(segment);
  }
  return segments;
}

function makeSegment(id: string, group: LanguageBlock[], sourceBlock: LanguageBlock, context: GroupContext): Segment {
  const { file, languages, slug } = context;
  const blocks: Partial<Record<Lang, LanguageBlock>> = {};
  let lastIndex = -1;
  for (const block of group) {
    const index = languages.indexOf(block.lang);
    if (blocks[block.lang]) {
      report(file, 'duplicate-block', `Unexpected second \`:::${block.lang}{#${id}}\` block, expected one block per language`, block.node.position?.start, {
        reason: 'First block here',
        place: blocks[block.lang]?.node.position?.start,
      });
      continue;
    }
    if (index < lastIndex) {
      report(
        file,
        'block-order',
        `Unexpected \`:::${block.lang}\` block after \`:::${languages[lastIndex]}\`, expected the order of \`languages\` (${languages.join(', ')})`,
        block.node.position?.start,
      );
    }
    lastIndex = Math.max(lastIndex, index);
    blocks[block.lang] = block;
  }

  const sourceHash = srcHash(sourceBlock.text);
  const states: Record<Lang, TranslationState> = {};
  const classes = [...sourceBlock.classes].sort();
  for (const lang of languages) {
    const block = blocks[lang];
    if (lang === sourceBlock.lang) {
      states[lang] = 'source';
      if (block?.src !== undefined) {
        report(file, 'unexpected-src', 'Unexpected `src` on a source-language block, expected it only on translations', fenceAt(block, 'src'));
      }
      continue;
    }
    if (!block) {
      states[lang] = 'missing';
      report(file, 'missing-translation', `Missing \`${lang}\` translation of \`#${id}\``, sourceBlock.node.position?.start);
      continue;
    }
    if ([...block.classes].sort().join(' ') !== classes.join(' ')) {
      report(
        file,
        'class-mismatch',
        `Unexpected classes \`${block.classes.join(' ') || '(none)'}\` on \`:::${lang}{#${id}}\`, expected those of the source block: \`${sourceBlock.classes.join(' ') || '(none)'}\``,
        block.node.position?.start,
      );
    }
    if (block.src === undefined) {
      states[lang] = 'unconfirmed';
      report(
        file,
        'unconfirmed-translation',
        `Unconfirmed \`${lang}\` translation of \`#${id}\`: once it is checked, run \`jlaga align confirm ${slug} ${id}\``,
        block.node.position?.start,
      );
    } else if (!isSrcHash(block.src)) {
      states[lang] = 'unconfirmed';
      report(file, 'invalid-src', `Unexpected \`src=${block.src}\`, expected 8 hex digits written by \`jlaga align confirm\``, fenceAt(block, 'src'));
    } else if (block.src !== sourceHash) {
      states[lang] = 'stale';
      report(
        file,
        'stale-translation',
        `Stale \`${lang}\` translation of \`#${id}\`: the \`${sourceBlock.lang}\` text changed since it was confirmed (src=${block.src}, now ${sourceHash})`,
        fenceAt(block, 'src'),
      );
    } else {
      states[lang] = 'confirmed';
    }
  }

  return {
    id,
    classes: sourceBlock.classes,
    blocks,
    states,
    sourceHash,
    footnote: footnoteLabel(sourceBlock),
    position: sourceBlock.node.position,
  };
}

/** The label of a block that holds one footnote definition and nothing else. */
function footnoteLabel(block: LanguageBlock): string | undefined {
  const [only] = block.children;
  return block.children.length === 1 && only?.type === 'footnoteDefinition' ? only.identifier : undefined;
}

function fenceAt(block: LanguageBlock, pattern: string) {
  const line = block.node.position?.start.line ?? 1;
  const index = block.fence.indexOf(pattern);
  return { line, column: (index >= 0 ? index : 0) + 1 };
}
