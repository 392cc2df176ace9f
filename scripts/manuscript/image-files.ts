/**
 * What the manuscript stage needs to know of an image file: where it may be, what it
 * is by its bytes, and, for an SVG, whether it is inert.
 *
 * Every edition carries the same images: the HTML copies them, Chromium prints them
 * into the PDF, the EPUB packs them. So an image must be a file inside the issue's
 * `assets/` folder (no symbolic link on the way, nothing outside the folder), of a type
 * an EPUB 3 reading system shows without a fallback, and an SVG may hold neither
 * scripts nor references to anything outside itself.
 */
import { lstatSync, readdirSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { utf8Text } from './decode.js';

/** The folder of an issue that holds its images. */
export const assetsFolder = 'assets';

/** The image types every edition carries (EPUB 3 core media types), by extension. */
export const imageTypes: Readonly<Record<string, string>> = {
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Why an image path cannot be an issue's image, or its path inside the issue folder. */
export type ImagePath = { relative: string } | { problem: string };

/**
 * Read an image's URL as the manuscript gives it (`assets/chart.svg`, percent-encoded
 * as Markdown leaves it) as a path inside the issue folder.
 *
 * @returns the relative path (`assets/chart.svg`), or the problem: a scheme, an
 *   absolute path, a query, or a path that leaves `assets/`.
 */
export function imagePath(url: string): ImagePath {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith('//')) {
    return { problem: 'a URL; editions hold only images of the issue' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return { problem: 'not a readable path' };
  }
  if (decoded.includes('?') || decoded.includes('#')) return { problem: 'a path with a query or fragment' };
  if (decoded.startsWith('/') || decoded.includes('\\') || path.isAbsolute(decoded)) return { problem: 'an absolute path' };
  const relative = path.posix.normalize(decoded);
  if (relative.startsWith('../') || relative === '..') return { problem: 'a path that leaves the issue folder' };
  if (!relative.startsWith(`${assetsFolder}/`)) return { problem: `a path outside the issue’s \`${assetsFolder}/\`` };
  return { relative };
}

/** What is at an image's path. */
export type ImageFile =
  | { kind: 'file'; stats: Stats }
  | { kind: 'missing' }
  | { kind: 'link'; at: string }
  | { kind: 'not-a-file' };

/**
 * Look at `relative` inside `folder` without following symbolic links: every folder on
 * the way and the file itself must be what they seem.
 */
export function inspectImageFile(folder: string, relative: string): ImageFile {
  const parts = relative.split('/');
  let current = folder;
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return { kind: 'missing' };
    }
    if (stats.isSymbolicLink()) return { kind: 'link', at: parts.slice(0, index + 1).join('/') };
    if (index === parts.length - 1) return stats.isFile() ? { kind: 'file', stats } : { kind: 'not-a-file' };
    if (!stats.isDirectory()) return { kind: 'missing' };
  }
  return { kind: 'missing' };
}

/**
 * The type of an image by its first bytes, or undefined when it is none of the
 * types every edition carries.
 */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  const head = utf8Text(bytes.subarray(0, 4096));
  if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/.test(head)) {
    return 'image/svg+xml';
  }
  return undefined;
}

/** One thing in an SVG that makes it unsafe, at its line and column in the SVG file. */
export interface SvgProblem {
  reason: string;
  line: number;
  column: number;
}

const svgNamespace = 'http://www.w3.org/2000/svg';
/** Elements that run code or pull in other documents. */
const activeElements = new Set(['script', 'foreignObject', 'iframe', 'embed', 'object', 'handler', 'listener']);
/** Attributes whose value is a reference to another resource. */
const referenceAttributes = new Set(['href', 'src', 'xlink:href']);

/**
 * Find what would make an SVG image act or reach out: a DOCTYPE (entities), a
 * processing instruction (`xml-stylesheet`), `<script>` and other active elements,
 * `on…` event attributes, a reference (`href`, `url(…)`, `@import`) to anything but a
 * place inside the image itself, and animation of a reference. Malformed XML is a
 * problem too: a reader would show nothing.
 *
 * @param text the SVG file as text.
 * @returns every problem found, in document order; empty when the image is inert.
 */
export function svgProblems(text: string): SvgProblem[] {
  const problems: SvgProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const at = (reason: string) => problems.push({ reason, line: parser.line, column: parser.column });
  let rootSeen = false;
  let styleText = '';
  let inStyle = false;
  let malformed = false;
  parser.on('doctype', () => at('DOCTYPE (its entities could pull in other files)'));
  parser.on('processinginstruction', (instruction) => at(`processing instruction \`<?${instruction.target}\``));
  parser.on('opentag', (tag) => {
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local !== 'svg' || tag.uri !== svgNamespace) at('root element other than `<svg>` in the SVG namespace');
    }
    if (tag.local === 'style') inStyle = true;
    if (activeElements.has(tag.local)) at(`\`<${tag.name}>\` element`);
    for (const attribute of Object.values(tag.attributes)) {
      const { name, local, value } = attribute;
      if (/^on/i.test(local)) at(`event handler \`${name}\``);
      else if ((referenceAttributes.has(local) || referenceAttributes.has(name)) && !value.trim().startsWith('#')) {
        at(`reference \`${name}="${value}"\` to something outside the image`);
      } else if (local === 'attributeName' && /href$/i.test(value)) at(`animation of \`${value}\``);
      else if (hasExternalStyleReference(value)) at(`reference to something outside the image in \`${name}\``);
    }
  });
  parser.on('text', (value) => {
    if (inStyle) styleText += value;
  });
  parser.on('cdata', (value) => {
    if (inStyle) styleText += value;
  });
  parser.on('closetag', (tag) => {
    if (tag.local !== 'style') return;
    inStyle = false;
    if (hasExternalStyleReference(styleText)) at('reference to something outside the image in `<style>`');
    styleText = '';
  });
  parser.on('error', (error) => {
    // The first error says it; what follows it is often a consequence.
    if (!malformed) at(`XML that is not well-formed (${error.message.replace(/^[^:]*:\d+:\d+: /, '')})`);
    malformed = true;
  });
  parser.write(text).close();
  if (!rootSeen && !malformed) at('file with no `<svg>` element');
  return problems;
}

/** `url(…)` to anything but `#id`, or `@import`: CSS that loads another resource. */
function hasExternalStyleReference(value: string): boolean {
  if (/@import/i.test(value)) return true;
  for (const match of value.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!(match[2] ?? '').trim().startsWith('#')) return true;
  }
  return false;
}

/**
 * The symbolic links in an issue's `assets/` folder (the folder itself included), as
 * paths relative to the issue folder. Links are not followed: one could lead anywhere
 * on the machine, and an edition must hold nothing from outside the issue.
 */
export function assetLinks(folder: string): string[] {
  const assets = path.join(folder, assetsFolder);
  let stats: Stats;
  try {
    stats = lstatSync(assets);
  } catch {
    return [];
  }
  if (stats.isSymbolicLink()) return [assetsFolder];
  if (!stats.isDirectory()) return [];
  return readdirSync(assets, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
