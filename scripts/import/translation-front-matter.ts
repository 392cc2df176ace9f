/**
 * The front matter with a translation's language: the language added to `languages`,
 * the translated title and author's note added beside the source's. Values that exist
 * are kept unless `replace`; the rest of the front matter keeps its text (the YAML
 * document is edited, not rewritten from its values).
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import type { Lang } from '../manuscript/schema.js';

/**
 * @param text the manuscript, front matter first.
 * @returns the manuscript with its front matter edited, or `text` when nothing changes.
 */
export function withTranslatedFrontMatter(
  text: string,
  lang: Lang,
  values: {
    title: string | undefined;
    note: string | undefined;
    /** The translation's keywords; none: the source's, to be translated (`keywordsCopied`). */
    keywords: string[] | undefined;
    replace: boolean;
    /** Told when the source's keywords had to stand in for the translation's. */
    keywordsCopied?: (from: Lang) => void;
  },
): string {
  const match = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!match) return text;
  const [whole, open = '', yaml = '', close = ''] = match;
  const document = parseDocument(yaml);
  let changed = false;
  const languages = document.get('languages', true);
  if (
    isSeq(languages) &&
    !languages.items.some((item) => String((item as { value?: unknown }).value ?? item) === lang)
  ) {
    languages.add(lang);
    changed = true;
  }
  const set = (path: Array<string | number>, value: string | undefined) => {
    if (value === undefined) return;
    if (document.hasIn(path) && !values.replace) return;
    document.setIn(path, value);
    changed = true;
  };
  if (isMap(document.get('title', true))) set(['title', lang], values.title);
  if (isMap(document.getIn(['authors', 0, 'note'], true))) set(['authors', 0, 'note', lang], values.note);
  // Keywords are given in every language or none: a translation's own, or else the
  // source's for now (the format would refuse an issue without them), said in a warning.
  const keywords = document.get('keywords', true);
  if (isMap(keywords) && (!keywords.has(lang) || values.replace)) {
    const had = keywords.has(lang);
    const source = keywords.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key))[0];
    const own = values.keywords && values.keywords.length > 0 ? values.keywords : undefined;
    const copied = own
      ? undefined
      : source === undefined
        ? undefined
        : (keywords.toJSON() as Record<string, string[]>)[source];
    if (own ?? copied) {
      document.setIn(['keywords', lang], document.createNode(own ?? copied, { flow: true }));
      changed = true;
      if (!own && source !== undefined && !had) values.keywordsCopied?.(source);
    }
  }
  if (!changed) return text;
  const newline = open.endsWith('\r\n') ? '\r\n' : '\n';
  const edited = document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n/g, newline);
  return open + edited + close + text.slice(whole.length);
}
