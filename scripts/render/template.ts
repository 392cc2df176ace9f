/**
 * Page shells are HTML files under `templates/html/`, parsed into hast and filled here:
 * `{{name}}` in text and attribute values takes a value, `{{t:key}}` an interface label,
 * and `<slot name="x"></slot>` (in `<head>`: `<template data-slot="x"></template>`) is replaced by generated nodes. Values are inserted as
 * text, never parsed as markup, so they are escaped by the serializer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { templatesDir } from '../project.js';
import type { Labels } from './labels.js';

/** Parse `templates/html/<name>.html`; `fragment` for partials without `<html>`. */
export function loadTemplate(name: string, options: { fragment: boolean }): Root {
  return loadTemplateFile(path.join('html', `${name}.html`), options);
}

/**
 * Parse any template under `templates/` by its relative path (`epub/page.xhtml`). XHTML
 * and SVG shells are written so that the HTML parser reads them as they are meant.
 */
export function loadTemplateFile(relativePath: string, options: { fragment: boolean }): Root {
  const file = path.join(templatesDir, relativePath);
  return unified().use(rehypeParse, { fragment: options.fragment }).parse(readFileSync(file, 'utf8'));
}

export interface TemplateFill {
  values: Record<string, string>;
  labels: Labels;
  slots?: Record<string, ElementContent[]>;
  /** `data-if="name"` keeps its element only when `conditions[name]` is true. */
  conditions?: Record<string, boolean>;
}

/**
 * Fill a parsed template in place and return it. An unknown name is a bug: it throws.
 * Text nodes of white space only (the template's indentation) are kept as they are, but
 * for the indentation before an element a condition removes.
 */
export function fillTemplate(tree: Root, fill: TemplateFill): Root {
  const lookup = (name: string): string => {
    if (name.startsWith('t:')) return fill.labels.t(name.slice(2));
    const value = fill.values[name];
    if (value === undefined) throw new Error(`Template value \`${name}\` was not given`);
    return value;
  };
  const replace = (text: string) => text.replace(/\{\{([\w:.-]+)\}\}/g, (_, name: string) => lookup(name));
  visit(tree, (node, index, parent) => {
    if (node.type === 'text') node.value = replace(node.value);
    if (node.type !== 'element') return undefined;
    const condition = node.properties.dataIf;
    if (typeof condition === 'string' && parent && index !== undefined) {
      if (fill.conditions?.[condition] !== true) {
        // With the indentation before it, so that the page reads as if it had never been there.
        const before = parent.children[index - 1];
        const indentation = before?.type === 'text' && before.value.trim() === '' ? 1 : 0;
        parent.children.splice(index - indentation, 1 + indentation);
        return [SKIP, index - indentation];
      }
      delete node.properties.dataIf;
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (typeof value === 'string') node.properties[key] = replace(value);
      else if (Array.isArray(value))
        node.properties[key] = value.map((item) => (typeof item === 'string' ? replace(item) : item));
    }
    // In `<head>` a `<slot>` would end the head: there `<template data-slot="x">` stands for one.
    const slot =
      node.tagName === 'slot'
        ? node.properties.name
        : node.tagName === 'template'
          ? node.properties.dataSlot
          : undefined;
    if (slot !== undefined && parent && index !== undefined) {
      const name = String(slot);
      const content = fill.slots?.[name];
      if (content === undefined) throw new Error(`Template slot \`${name}\` was not given`);
      parent.children.splice(index, 1, ...(content as RootContent[] as typeof parent.children));
      return [SKIP, index + content.length];
    }
    return undefined;
  });
  return tree;
}
