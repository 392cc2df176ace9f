/**
 * The HTML editions: one page per language at `html/<lang>/index.html`, with the
 * styles, fonts and the issue's media beside them in `html/assets/` and `html/media/`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { Lang } from '../manuscript/schema.js';
import type { Edition } from '../manuscript/split-editions.js';
import { templatesDir } from '../project.js';
import { editionToHast } from '../render/edition-hast.js';
import type { EditionTrees } from '../render/edition-hast.js';
import { rehypeHyphenate } from '../render/hyphenate.js';
import { rehypeKeepRanges } from '../render/rehype-keep-ranges.js';
import type { Labels } from '../render/labels.js';
import { fillTemplate, loadTemplate } from '../render/template.js';
import { typeset } from '../render/typography.js';
import { copyFonts, copyMedia } from './assets.js';
import type { BuildJob } from './build.js';
import { editionFileName } from './file-names.js';
import { mediaUrl, stringifyHtml } from './html-shared.js';
import { writeParallelEdition } from './parallel.js';
import type { Format } from './file-names.js';

/** What every HTML page of a build needs to know. */
export interface HtmlContext {
  editions: Edition[];
  labels: Map<Lang, Labels>;
  /** The formats this build makes: download links are given for those only. */
  formats: ReadonlySet<Format>;
}

/** The page of one edition, as a hast tree. */
export function renderEditionPage(edition: Edition, context: HtmlContext): Root {
  const labels = requireLabels(context, edition.lang);
  const trees = editionToHast(edition, labels, { rewriteUrl: (url) => mediaUrl(url, 1) });
  const rules = labels.typography;
  const others = context.editions.filter((other) => other.lang !== edition.lang);

  const page = fillTemplate(loadTemplate('edition', { fragment: false }), {
    labels,
    values: {
      lang: edition.lang,
      pageTitle: `${typeset(edition.title, rules)} – ${edition.series.name} ${edition.issue}`,
      description: typeset(edition.title, rules),
      authors: edition.authors.map((author) => author.name).join(', '),
      keywords: edition.keywords.join(', '),
      assets: '../assets',
      parallelHref: '../parallel.html',
      seriesName: edition.series.name,
      issue: edition.issue,
    },
    slots: {
      languages: others.map((other) =>
        h('li', [h('a', { href: `../${other.lang}/index.html`, hreflang: other.lang, lang: other.lang }, requireLabels(context, other.lang).t('readInLanguage'))]),
      ),
      downloads: (['pdf', 'epub'] as const)
        .filter((format) => context.formats.has(format))
        .map((format) =>
          h('li', [h('a', { href: `../../${editionFileName(edition.slug, edition.lang, format)}`, type: format === 'pdf' ? 'application/pdf' : 'application/epub+zip' }, labels.t(format === 'pdf' ? 'downloadPdf' : 'downloadEpub'))]),
        ),
      'title-block': [trees.titleBlock],
      toc: [tableOfContents(trees, labels)],
      content: trees.segments,
      notes: [h('section', { className: ['notes'], ariaLabelledBy: 'notes-title' }, [h('h2', { id: 'notes-title' }, labels.t('notes')), ...trees.notes])],
      'editors-page': editorsPage(edition, labels),
    },
  });
  unified().use(rehypeKeepRanges).use(rehypeHyphenate, { lang: edition.lang }).runSync(page);
  return page;
}

/** The editors page of `edition`: the series, publisher, editors, reviewers, contact. */
export function editorsPage(edition: Edition, labels: Labels): ElementContent[] {
  const rules = labels.typography;
  const { series } = edition;
  const tree = fillTemplate(loadTemplate('editors-page', { fragment: true }), {
    labels,
    values: {
      seriesName: series.name,
      issue: edition.issue,
      description: typeset(series.description, rules),
      editing: typeset(series.editing, rules),
      institute: series.publisher.institute,
      centre: series.publisher.centre,
      university: series.publisher.university,
      editors: series.editors.join(', '),
      reviewersLabel: labels.t('professionalReviewer', { count: edition.reviewers.length }),
      reviewers: edition.reviewers.join(', '),
      postal: series.contact.postal,
      street: series.contact.street,
      telephone: series.contact.telephone,
      telephoneHref: `tel:${series.contact.telephone.replace(/[^+\d]/g, '')}`,
      email: series.contact.email,
      copyright: series.copyright,
    },
    conditions: { reviewers: edition.reviewers.length > 0 },
  });
  return tree.children as ElementContent[];
}

/** Contents: the headings of the segments, nested by depth, then notes and the series page. */
function tableOfContents(trees: EditionTrees, labels: Labels): Element {
  const top: ElementContent[] = [];
  const stack: Array<{ depth: number; list: ElementContent[] }> = [{ depth: 1, list: top }];
  for (const heading of trees.headings) {
    while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
    const list = h('ol');
    stack[stack.length - 1]?.list.push(h('li', [h('a', { href: `#${heading.id}` }, heading.text), list]));
    stack.push({ depth: heading.depth, list: list.children });
  }
  top.push(h('li', [h('a', { href: '#notes-title' }, labels.t('notes'))]));
  top.push(h('li', [h('a', { href: '#about-the-series' }, labels.t('editorsPage'))]));
  pruneEmptyLists(top);
  return h('nav', { className: ['toc'], ariaLabelledBy: 'toc-title' }, [h('h2', { id: 'toc-title' }, labels.t('contents')), h('ol', top)]);
}

function pruneEmptyLists(items: ElementContent[]): void {
  for (const item of items) {
    if (item.type !== 'element') continue;
    item.children = item.children.filter((child) => !(child.type === 'element' && child.tagName === 'ol' && child.children.length === 0));
    pruneEmptyLists(item.children);
  }
}

function requireLabels(context: HtmlContext, lang: Lang): Labels {
  const labels = context.labels.get(lang);
  if (!labels) throw new Error(`No labels for \`${lang}\``);
  return labels;
}

/**
 * Copy the shared assets into `htmlDir`: styles, the fonts they name, and the issue's
 * own `assets/` folder as `media/`.
 */
export async function copyHtmlAssets(htmlDir: string, issueFolder: string): Promise<void> {
  const assets = path.join(htmlDir, 'assets');
  await mkdir(assets, { recursive: true });
  for (const name of ['fonts.css', 'edition.css', 'parallel.css']) {
    await copyFile(path.join(templatesDir, 'styles', name), path.join(assets, name));
  }
  await copyFonts(assets);
  await copyMedia(htmlDir, issueFolder);
}

/** Write the page of every edition into `htmlDir/<lang>/index.html`. */
export async function writeHtmlEditions(htmlDir: string, context: HtmlContext, langs: readonly Lang[]): Promise<string[]> {
  const written: string[] = [];
  for (const edition of context.editions.filter((candidate) => langs.includes(candidate.lang))) {
    const file = path.join(htmlDir, edition.lang, 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, stringifyHtml(renderEditionPage(edition, context)));
    written.push(file);
  }
  return written;
}

/**
 * The HTML format of a build: assets, one page per language, and the parallel edition
 * when every language is built.
 */
export async function writeHtml(job: BuildJob): Promise<string[]> {
  const htmlDir = path.join(job.staging, 'html');
  await copyHtmlAssets(htmlDir, job.location.folder);
  // Link the downloads this build makes, and those an earlier build left (a build of
  // the HTML alone, such as `npm run dev`, starts from the previous output).
  const formats = new Set(job.context.formats);
  for (const format of ['pdf', 'epub'] as const) {
    const files = job.context.editions.map((edition) => path.join(job.staging, editionFileName(edition.slug, edition.lang, format)));
    if (files.every((file) => existsSync(file))) formats.add(format);
  }
  const context = { ...job.context, formats };
  const written = await writeHtmlEditions(htmlDir, context, job.langs);
  if (job.langs.length === job.issue.languages.length) written.push(await writeParallelEdition(htmlDir, job.issue, context));
  return written;
}

