/**
 * hast → XML, for the formats that need XHTML and SVG files (the EPUB).
 *
 * hast-util-to-html writes HTML, which an XML parser may reject (boolean attributes, a
 * lower-case doctype, undeclared prefixes). Here every node is handed to an XML builder
 * instead, which escapes text and attributes and declares namespaces itself, so the
 * result is well-formed by construction; it checks that too (`wellFormed`).
 */
import type { Element, Properties, Root, RootContent } from 'hast';
// A dependency of hastscript and hast-util-to-html: the one table of hast property
// names ↔ HTML and SVG attribute names, so that both directions agree.
import { find, html, svg } from 'property-information';
import type { Schema } from 'property-information';
import { create } from 'xmlbuilder2';

/** A node of the builder (its type is not exported by name). */
type XMLBuilder = ReturnType<typeof create>;

/** Namespaces of the elements and prefixed attributes the editions use. */
export const namespaces = {
  xhtml: 'http://www.w3.org/1999/xhtml',
  svg: 'http://www.w3.org/2000/svg',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xlink: 'http://www.w3.org/1999/xlink',
  epub: 'http://www.idpf.org/2007/ops',
} as const;

const prefixed: Record<string, string> = { xml: namespaces.xml, xlink: namespaces.xlink, epub: namespaces.epub };

export interface HastToXmlOptions {
  /**
   * Prefixes to declare on the root element, whether or not an attribute uses them
   * (EPUB's `epub:` belongs on `<html>`, not on the first element that needs it).
   */
  declare?: Array<keyof typeof prefixed>;
}

/**
 * Serialize `tree` as an XML document: an XML declaration, the doctype if the tree has
 * one, and its one root element (white space and comments around it are dropped, as
 * XML keeps nothing but markup outside the root). HTML elements are in the XHTML
 * namespace, `<svg>` and its descendants in the SVG namespace.
 */
export function hastToXml(tree: Root, options: HastToXmlOptions = {}): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const roots = tree.children.filter((node): node is Element => node.type === 'element');
  const [root] = roots;
  if (!root || roots.length > 1) throw new Error(`Expected one root element, found ${roots.length}`);
  if (tree.children.some((node) => node.type === 'doctype')) document.dtd({ name: root.tagName });
  const element = appendElement(document, root, undefined);
  for (const prefix of options.declare ?? []) element.att(namespaces.xmlns, `xmlns:${prefix}`, prefixed[prefix] ?? '');
  return `${document.end({ prettyPrint: false, wellFormed: true })}\n`;
}

/** Append `node` to `parent`, whose space is `schema` (undefined: the document). */
function appendElement(parent: XMLBuilder, node: Element, schema: Schema | undefined): XMLBuilder {
  const space = node.tagName === 'svg' ? svg : (schema ?? html);
  // A namespace is given where it changes; children inherit their parent's.
  const element = space === schema ? parent.ele(node.tagName) : parent.ele(namespaceOf(space), node.tagName);
  setAttributes(element, node.properties, space);
  for (const child of node.children) appendNode(element, child, space);
  return element;
}

function appendNode(parent: XMLBuilder, node: RootContent, schema: Schema): void {
  switch (node.type) {
    case 'element':
      appendElement(parent, node, schema);
      return;
    case 'text':
      if (node.value !== '') parent.txt(node.value);
      return;
    case 'comment':
      parent.com(node.value);
      return;
    case 'doctype':
      return;
    default:
      // Raw HTML cannot be checked for well-formedness: the stages never make it.
      throw new Error(`Unexpected \`${node.type}\` node in a tree serialized as XML`);
  }
}

function setAttributes(element: XMLBuilder, properties: Properties, schema: Schema): void {
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const info = find(schema, property);
    const name = info.attribute;
    // Namespaces are the builder's business: it declares those the markup uses.
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const text =
      value === true ? name : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
    const namespace = prefix === undefined ? undefined : prefixed[prefix];
    if (prefix !== undefined && namespace === undefined) throw new Error(`Unknown attribute prefix in \`${name}\``);
    if (namespace === undefined) element.att(name, text);
    else element.att(namespace, name, text);
  }
}

function namespaceOf(schema: Schema): string {
  return schema.space === 'svg' ? namespaces.svg : namespaces.xhtml;
}
