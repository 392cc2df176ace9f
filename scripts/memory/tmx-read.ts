/**
 * Read a TMX file (1.4, as CAT tools write it) into memory pairs, or say at which
 * line and column it is not one. Strict: a file with any problem gives no pair.
 */
import type { VFile } from 'vfile';
import { report as reportRule } from '../messages/report.js';
import { defineRules } from '../messages/rules.js';
import { attributeOf, parseXml } from '../translation/xml-read.js';
import type { Point, XmlElement, XmlNode } from '../translation/xml-read.js';
import type { MemoryPair } from './pairs.js';

/** The closed list of problems of a TMX file; `docs/memory.md` has a section for each. */
export const tmxRuleTable = defineRules('tmx', 'docs/memory.md', {
  'tmx-not-tmx': { severity: 'error', summary: 'not well-formed XML, or not a TMX document' },
  'tmx-too-large': { severity: 'error', summary: 'a file larger than an import reads (64 MiB)' },
  'tmx-no-source-language': { severity: 'error', summary: 'a header without `srclang`' },
  'tmx-no-language': { severity: 'error', summary: 'a variant (`tuv`) without `xml:lang`' },
  'tmx-incomplete-unit': {
    severity: 'error',
    summary: 'a unit without a text in the source language and one in another language',
  },
});

export type TmxRuleId = keyof typeof tmxRuleTable.rules;

/** The largest TMX file an import reads. */
export const maxTmxBytes = 64 * 2 ** 20;

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

function report(file: VFile, rule: TmxRuleId, reason: string, place: Point): void {
  reportRule(file, tmxRuleTable.rules[rule], reason, place);
}

/**
 * The pairs of a TMX file: each unit's text in the source language with each of its
 * other languages. Problems go to `file`.
 *
 * @param origin what the pairs say they come from (the file's name).
 * @returns the pairs, or `undefined` when the file has a problem.
 */
export async function readTmx(
  file: VFile,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  origin: string,
): Promise<MemoryPair[] | undefined> {
  const read = await parseXml(chunks, { maxBytes: maxTmxBytes, externalDoctype: true });
  if ('error' in read) {
    const rule = read.error.kind === 'too-large' ? 'tmx-too-large' : 'tmx-not-tmx';
    report(file, rule, `Unexpected file: ${read.error.reason}`, read.error.place);
    return undefined;
  }
  const root = read.root;
  if (root.local !== 'tmx' || root.uri !== '' || !/^1\.4/.test(attributeOf(root, 'version') ?? '')) {
    report(file, 'tmx-not-tmx', `Unexpected root \`<${root.name}>\`, expected \`<tmx version="1.4">\``, root.place);
    return undefined;
  }
  const header = elements(root, 'header')[0];
  const sourceLang = header ? attributeOf(header, 'srclang') : undefined;
  if (!header || !sourceLang) {
    report(
      file,
      'tmx-no-source-language',
      'Missing `srclang` in the TMX header, expected the source language',
      (header ?? root).place,
    );
    return undefined;
  }
  const pairs: MemoryPair[] = [];
  for (const body of elements(root, 'body')) {
    for (const tu of elements(body, 'tu')) {
      const variants = new Map<string, string>();
      for (const tuv of elements(tu, 'tuv')) {
        const lang = attributeOf(tuv, 'lang', xmlNamespace) ?? attributeOf(tuv, 'lang');
        if (!lang) {
          report(file, 'tmx-no-language', 'Missing `xml:lang` on a `<tuv>`, expected its language', tuv.place);
          continue;
        }
        const seg = elements(tuv, 'seg')[0];
        if (seg) variants.set(lang.toLowerCase(), segText(seg).replace(/\s+/g, ' ').trim());
      }
      const source = sourceLang === '*all*' ? undefined : variants.get(sourceLang.toLowerCase());
      const others = [...variants].filter(([lang]) => lang !== sourceLang.toLowerCase());
      if (!source || others.length === 0) {
        report(
          file,
          'tmx-incomplete-unit',
          `Unexpected unit without a text in \`${sourceLang}\` and one in another language, expected both`,
          tu.place,
        );
        continue;
      }
      for (const [lang, text] of others) {
        pairs.push({ origin, segment: undefined, source: { lang: sourceLang, text: source }, target: { lang, text } });
      }
    }
  }
  return file.messages.length > 0 ? undefined : pairs;
}

function elements(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => typeof child !== 'string' && child.local === local);
}

/** A segment's text: its text and that of highlighting (`hi`, `sub`), not the native codes (`bpt`, `ept`, `ph`, `it`). */
function segText(element: XmlElement): string {
  return element.children
    .map((child: XmlNode) =>
      typeof child === 'string' ? child : ['hi', 'sub'].includes(child.local) ? segText(child) : '',
    )
    .join('');
}
