/**
 * Parse YAML and check it against a schema, reporting every problem at the line and
 * column of the key it concerns.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { codePointName, forbiddenCharacter } from './decode.js';
import { report } from './rules.js';
import type { RuleId } from './rules.js';

/** Where a YAML text starts in its file (1-based line of its first line). */
export interface YamlOrigin {
  line: number;
}

/** A parsed YAML text with what is needed to point into it. */
export interface ParsedYaml {
  document: Document;
  value: unknown;
  toPoint: (offset: number) => Point;
}

/**
 * Parse `text`; YAML syntax errors (duplicate keys included) become `yaml-syntax`
 * messages. Returns `undefined` when the text is not YAML at all.
 */
export function parseYaml(file: VFile, text: string, origin: YamlOrigin): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + origin.line - 1, column: col };
  };
  for (const error of document.errors) {
    const reason = error.message.split('\n')[0] ?? error.message;
    report(file, 'yaml-syntax', `Invalid YAML: ${reason}`, toPoint(error.pos[0]));
  }
  if (document.errors.length > 0) return undefined;
  let value: unknown;
  try {
    // yaml refuses to expand more than `maxAliasCount` aliases (a "billion laughs").
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    let first: YamlNode | undefined;
    visitYaml(document, {
      Alias(_key, node) {
        first ??= node;
      },
    });
    report(
      file,
      'yaml-syntax',
      `Invalid YAML: ${(error as Error).message}; the format needs no aliases (\`*name\`), write the values out`,
      toPoint(rangeStart(first) ?? 0),
    );
    return undefined;
  }
  reportForbiddenCharacters(file, document, toPoint);
  return { document, value, toPoint };
}

/** Strings whose escapes (`"\a"`, `"\uD800"`) make characters no edition can carry. */
function reportForbiddenCharacters(file: VFile, document: Document, toPoint: (offset: number) => Point): void {
  visitYaml(document, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const found = node.value.match(new RegExp(forbiddenCharacter.source));
      if (!found) return;
      report(
        file,
        'control-character',
        `Unexpected control character ${codePointName(found[0])} in a YAML value, expected text: remove the escape that makes it`,
        toPoint(rangeStart(node) ?? 0),
      );
    },
  });
}

/**
 * Check a parsed YAML value against `schema`. Every issue becomes one message at its
 * key: unknown keys, missing keys, missing languages, wrong values.
 *
 * @param languages the languages a localized text must have, to tell a missing language
 *   from any other missing key.
 * @returns the typed value, or `undefined` when anything was wrong.
 */
export function checkYaml<T>(
  file: VFile,
  parsed: ParsedYaml,
  schema: z.ZodType<T>,
  languages: readonly string[],
): T | undefined {
  const result = schema.safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = locate(parsed, [...path, key]);
        report(file, 'unknown-key', `Unexpected key \`${formatPath([...path, key])}\``, place);
      }
      continue;
    }
    const present = parsed.document.hasIn(path);
    const last = path[path.length - 1];
    let rule: RuleId = 'invalid-value';
    let reason = `Unexpected value of \`${formatPath(path)}\`: ${issue.message}`;
    if (!present && path.length > 0) {
      rule = typeof last === 'string' && languages.includes(last) ? 'missing-language' : 'missing-key';
      reason =
        rule === 'missing-language'
          ? `Missing \`${last}\` text in \`${formatPath(path.slice(0, -1))}\``
          : `Missing key \`${formatPath(path)}\``;
    }
    report(file, rule, reason, locate(parsed, path));
  }
  return undefined;
}

/** The point of the deepest key or item on `path` that exists in the document. */
function locate(parsed: ParsedYaml, path: readonly (string | number)[]): Point {
  let node: unknown = parsed.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return parsed.toPoint(offset);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null)?.range;
  return range ? range[0] : undefined;
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}
