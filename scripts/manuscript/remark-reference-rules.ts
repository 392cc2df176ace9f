/**
 * remark plugin: check everything a manuscript points at, so that nothing outside the
 * issue reaches an edition and nothing in an edition can run.
 *
 * - A link (inline, reference or autolink) goes to a web page (`http`, `https`), an
 *   e-mail address (`mailto:` without a query) or a place in the issue (`#id`):
 *   `unsafe-url` otherwise.
 * - An image is a path under the issue's `assets/` (`image-outside-issue`), to a file
 *   that is there, with no symbolic link on the way (`missing-image`,
 *   `image-outside-issue`), whose bytes are PNG, JPEG, GIF or SVG (`image-type`), and an
 *   SVG is inert (`unsafe-svg`).
 *
 * Without `folder` (an old version of a manuscript, read from history) only the form of
 * links and image paths is checked, not the files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Image, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { utf8Text } from './decode.js';
import { imagePath, imageTypes, inspectImageFile, sniffImageType, svgProblems } from './image-files.js';
import { report } from './rules.js';
import type { RuleId } from './rules.js';
import { isAllowedUrl } from './url-scheme.js';

export interface ReferenceRulesOptions {
  /** The issue folder, whose `assets/` the images must be in; absent: files are not looked at. */
  folder?: string | undefined;
}

/** Largest image the manuscript stage reads to check its type (and an SVG's content). */
const maxImageBytes = 32 * 1024 * 1024;

export const remarkReferenceRules: Plugin<[ReferenceRulesOptions?], Root> = function (options = {}) {
  return function (tree: Root, file: VFile) {
    // A definition is an image's source when an image reference uses it, else a link's.
    const imageLabels = new Set<string>();
    visit(tree, 'imageReference', (node) => {
      imageLabels.add(node.identifier);
    });
    const checked = new Map<string, Problem | undefined>();
    visit(tree, (node) => {
      if (node.type === 'link') checkUrl(file, node.url, node);
      else if (node.type === 'definition') {
        if (imageLabels.has(node.identifier)) checkImage(file, node, options.folder, checked);
        else checkUrl(file, node.url, node);
      } else if (node.type === 'image') checkImage(file, node, options.folder, checked);
    });
  };
};

function checkUrl(file: VFile, url: string, node: Node): void {
  if (isAllowedUrl(url)) return;
  report(
    file,
    'unsafe-url',
    `Unexpected link to \`${shorten(url)}\`, expected a web page (\`https://…\`), an e-mail address (\`mailto:name@example.org\`) or a place in the issue (\`#id\`)`,
    node,
  );
}

/**
 * Check an image (or the definition an image reference uses). The files are looked at
 * once per path; `checked` remembers what was found.
 */
function checkImage(
  file: VFile,
  node: Image | Definition,
  folder: string | undefined,
  checked: Map<string, Problem | undefined>,
): void {
  const where = imagePath(node.url);
  if ('problem' in where) {
    report(
      file,
      'image-outside-issue',
      `Unexpected image \`${shorten(node.url)}\`: ${where.problem}; expected a file under the issue’s \`assets/\`, such as \`assets/chart.svg\``,
      node,
    );
    return;
  }
  if (folder === undefined) return;
  const type = imageTypes[path.extname(where.relative).toLowerCase()];
  if (!type) {
    report(file, 'image-type', `Unexpected image type \`${where.relative}\`, expected PNG, JPEG, GIF or SVG (.png, .jpg, .gif, .svg)`, node);
    return;
  }
  if (!checked.has(where.relative)) checked.set(where.relative, inspect(folder, where.relative, type));
  const problem = checked.get(where.relative);
  if (problem === undefined) return;
  report(file, problem.rule, problem.reason, node);
}

/** What is wrong with an image file. */
interface Problem {
  rule: RuleId;
  reason: string;
}

/** What is wrong with the image file at `relative`, or undefined when nothing is. */
function inspect(folder: string, relative: string, type: string): Problem | undefined {
  const found = inspectImageFile(folder, relative);
  if (found.kind === 'missing' || found.kind === 'not-a-file') {
    return { rule: 'missing-image', reason: `Missing image file \`${relative}\` in the issue folder, expected the file there` };
  }
  if (found.kind === 'link') {
    return { rule: 'image-outside-issue', reason: `Unexpected symbolic link \`${found.at}\` on the way to image \`${relative}\`, expected the file itself in the issue folder` };
  }
  if (found.stats.size > maxImageBytes) {
    return { rule: 'image-type', reason: `Unexpected image \`${relative}\` of ${(found.stats.size / 1024 / 1024).toFixed(0)} MB, expected at most 32 MB` };
  }
  const bytes = readFileSync(path.join(folder, relative));
  const actual = sniffImageType(bytes);
  if (actual !== type) {
    return { rule: 'image-type', reason: `Unexpected content in \`${relative}\`: ${actual ? `a ${actual} file` : 'not an image'}, expected ${type} as its name says` };
  }
  if (type !== 'image/svg+xml') return undefined;
  const [first, ...more] = svgProblems(utf8Text(bytes));
  if (!first) return undefined;
  const others = more.length > 0 ? ` (and ${more.length} more)` : '';
  return { rule: 'unsafe-svg', reason: `Unexpected ${first.reason} in \`${relative}\` at ${first.line}:${first.column}${others}, expected an SVG image with no scripts and no references outside itself` };
}

/** A URL as a message shows it: at most 60 characters. */
function shorten(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}…` : url;
}
