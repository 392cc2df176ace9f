/**
 * Finding one's way in an XLIFF 2.0 tree read by `parseXml`: its elements by name (in
 * the XLIFF namespace only), the units of a file, the text of a `<data>`, the character
 * of a `<cp>`.
 */
import { xliffNamespace } from './xliff-export.js';
import { attributeOf } from './xml-read.js';
import type { XmlElement, XmlNode } from './xml-read.js';

/** Whether `node` is the XLIFF element `name`. */
export function isXliff(node: XmlNode, name: string): node is XmlElement {
  return typeof node !== 'string' && node.uri === xliffNamespace && node.local === name;
}

/** The children of `element` that are the XLIFF element `name`. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((node): node is XmlElement => isXliff(node, name));
}

/** The units of a file, also those inside groups. */
export function descendantUnits(element: XmlElement): XmlElement[] {
  return element.children.flatMap((node) =>
    isXliff(node, 'unit') ? [node] : isXliff(node, 'group') ? descendantUnits(node) : [],
  );
}

/** The text of a `<data>`: its characters, `<cp>` included. */
export function contentText(element: XmlElement): string {
  return element.children
    .map((node) => (typeof node === 'string' ? node : isXliff(node, 'cp') ? codePoint(node) : ''))
    .join('');
}

/** The character of a `<cp hex="…">` (U+FFFD when the value names none). */
export function codePoint(element: XmlElement): string {
  const value = Number.parseInt(attributeOf(element, 'hex') ?? '', 16);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\uFFFD';
}

/** Whether a manuscript may hold `character`: what XML 1.0 allows (no C0 control but tab and line breaks, no U+FFFE/U+FFFF). */
export function isManuscriptCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
}
