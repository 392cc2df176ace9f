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
  values: { title: string | undefined; note: string | undefined; replace: boolean },
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
  if (!changed) return text;
  const newline = open.endsWith('\r\n') ? '\r\n' : '\n';
  const edited = document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n/g, newline);
  return open + edited + close + text.slice(whole.length);
}
